"""What a curator's change does to a row, the same for article events and story events."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any, Protocol

from django.core.exceptions import ValidationError


class Curatable(Protocol):
    curated: bool
    curated_fields: list[str]
    earliest: date
    latest: date


def apply_edits(row: Curatable, fields: Mapping[str, Any]) -> list[str]:
    """Set ``fields`` on ``row`` (locked by the caller) and return the names whose value changed.

    Raises ValidationError naming ``latest`` when the dates would run backwards.
    """
    changed = [name for name, value in fields.items() if getattr(row, name) != value]
    for name in changed:
        setattr(row, name, fields[name])
    if row.earliest > row.latest:
        raise ValidationError({"latest": "The latest date must be on or after the earliest date."})
    return changed


def mark_curated(row: Curatable, fields: Iterable[str]) -> None:
    """Record that a person set ``fields``: re-analysis and regrouping keep them from now on."""
    row.curated = True
    row.curated_fields = sorted(set(row.curated_fields or []) | set(fields))


def range_value(earliest: date, latest: date) -> str:
    """The ISO value of a hand-set date range: one day, or ``earliest/latest``."""
    return earliest.isoformat() if earliest == latest else f"{earliest.isoformat()}/{latest.isoformat()}"
