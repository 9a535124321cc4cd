"""Event anchoring against TimeML TLINKs: the reader, the gold time ranges and the counts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from django.core.management import call_command

from timeline.evaluation.anchoring import SystemEvent, score_anchoring, timex_range
from timeline.timeml.links import parse_linked_timeml

TINY = Path(__file__).resolve().parents[2] / "fixtures" / "anchoring" / "tiny.tml"


def _tiny():
    return parse_linked_timeml(TINY.read_text(encoding="utf-8"), TINY.stem)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1998-01-06", (date(1998, 1, 6), date(1998, 1, 6))),
        ("1998-01-06T14:00", (date(1998, 1, 6), date(1998, 1, 6))),
        ("1998-03", (date(1998, 3, 1), date(1998, 3, 31))),
        ("1998-Q2", (date(1998, 4, 1), date(1998, 6, 30))),
        ("1998-W02", (date(1998, 1, 5), date(1998, 1, 11))),
        ("199", (date(1990, 1, 1), date(1999, 12, 31))),
        ("1995", (date(1995, 1, 1), date(1995, 12, 31))),
        ("PRESENT_REF", (date(1998, 1, 8), date(1998, 1, 8))),
        ("P2D", None),
        ("XXXX-XX-XX", None),
    ],
)
def test_timex_range(value: str, expected: tuple[date, date] | None) -> None:
    assert timex_range(value, date(1998, 1, 8)) == expected


def _at(gold, word: str, earliest: date, latest: date) -> SystemEvent:
    start = gold.document.text.index(word)
    return SystemEvent(start, start + len(word), earliest, latest)


def test_counts_on_hand_made_events() -> None:
    gold = _tiny()
    day = date(1998, 1, 6)
    events = [
        _at(gold, "announced", day, day),  # holds Tuesday, not inside the DCT it precedes
        _at(gold, "risen", date(1995, 3, 1), date(1995, 3, 1)),  # dated inside 1995, which only begins it
        _at(gold, "open", date(1998, 1, 8), date(1998, 3, 31)),  # bounded by March, not inside it
        _at(gold, "struck", day, day),  # linked only to a duration: not covered
        _at(gold, "cuts", day, day),  # no link to a time: not covered
    ]
    score = score_anchoring(gold, events)
    assert (score.covered, score.holding_linked, score.holds) == (3, 2, 1)
    assert (score.boundary_linked, score.dated_at_boundary) == (3, 1)
    assert len(score.misses) == 1 and "'risen'" in score.misses[0]


def test_command_on_the_engine(capsys: pytest.CaptureFixture[str]) -> None:
    call_command("evaluate_anchoring", str(TINY))
    out = capsys.readouterr().out
    assert "3 covered events" in out
    assert "date holds the gold time: 2/2 = 1.000" in out
    assert "dated at a time that only bounds them: 0/3 = 0.000" in out
