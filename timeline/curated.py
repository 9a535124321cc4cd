"""What a curator's change does to a row, the same for article events and story events."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Protocol


class Curatable(Protocol):
    curated: bool
    curated_fields: list[str]


def mark_curated(row: Curatable, fields: Iterable[str]) -> None:
    """Record that a person set ``fields``: re-analysis and regrouping keep them from now on."""
    row.curated = True
    row.curated_fields = sorted(set(row.curated_fields or []) | set(fields))


def range_value(earliest: date, latest: date) -> str:
    """The ISO value of a hand-set date range: one day, or ``earliest/latest``."""
    return earliest.isoformat() if earliest == latest else f"{earliest.isoformat()}/{latest.isoformat()}"
