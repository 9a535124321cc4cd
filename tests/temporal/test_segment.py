"""Sentence splitting: newlines end sentences; a dateline's state abbreviation does not."""

from __future__ import annotations

import pytest

from timeline.temporal.nlp import load_pipeline
from timeline.temporal.segment import split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "MONTPELIER, Vt. (AP) — The bridge closed on Monday.",
            ["MONTPELIER, Vt. (AP) — The bridge closed on Monday."],
        ),
        (
            "BURLINGTON, Vt. — Officials said Tuesday the road reopened.",
            ["BURLINGTON, Vt. — Officials said Tuesday the road reopened."],
        ),
        (
            "He lives in Burlington, Vt. He moved there in 2020.",
            ["He lives in Burlington, Vt.", "He moved there in 2020."],
        ),
        ("CNN\nThe strike began Monday. It ended Friday.", ["CNN", "The strike began Monday.", "It ended Friday."]),
        (
            'Fares rise on Friday. "This is painful," she said. “It hurts,” he said.',
            ["Fares rise on Friday.", '"This is painful," she said.', "“It hurts,” he said."],
        ),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    sentences = split_sentences(text, load_pipeline().splitter)
    assert [s.text for s in sentences] == expected
    assert all(text[s.start : s.end] == s.text for s in sentences)  # offsets point at the text
    assert [s.index for s in sentences] == list(range(len(sentences)))
