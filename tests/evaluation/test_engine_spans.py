"""``timeline.evaluation.engine``: the engine's expressions as scored spans (``evaluate`` and benchmarks/peers.py)."""

from __future__ import annotations

from datetime import date

from timeline.evaluation.engine import engine_spans


def test_each_expression_becomes_a_span_with_its_offsets_value_and_range():
    text = "The talks ended on 13 April 2024."
    spans = engine_spans(text, date(2024, 4, 20))
    assert [(text[s.start : s.end], s.value, s.earliest, s.latest, s.type) for s in spans] == [
        ("13 April 2024", "2024-04-13", "2024-04-13", "2024-04-13", "DATE")
    ]
