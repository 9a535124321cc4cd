"""The engine as a scored system: its expressions in a text as ``Span``s (for ``evaluate`` and the benchmarks)."""

from __future__ import annotations

from datetime import date

from timeline.evaluation.gold import Span
from timeline.temporal import extract


def engine_spans(text: str, dct: date | None, doc_type: str = "auto") -> list[Span]:
    """Every expression the engine finds in ``text`` read on ``dct`` as ``doc_type``: offsets, value,
    range and type."""
    return [
        Span(e.start, e.end, e.text, e.value, e.earliest.isoformat(), e.latest.isoformat(), e.type)
        for e in extract(text, dct, doc_type=doc_type).expressions
    ]
