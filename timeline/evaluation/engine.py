"""The engine as a scored system: its expressions in a text as ``Span``s (for ``evaluate`` and the benchmarks)."""

from __future__ import annotations

from datetime import date

from timeline.evaluation.gold import Span
from timeline.temporal import extract


def engine_spans(text: str, dct: date | None) -> list[Span]:
    """Every expression the engine finds in ``text`` read on ``dct``: offsets, value, range and type."""
    return [
        Span(e.start, e.end, e.text, e.value, e.earliest.isoformat(), e.latest.isoformat(), e.type)
        for e in extract(text, dct).expressions
    ]
