"""A weekday ending a range ("from Monday through Friday") never falls before the weekday starting it."""

from __future__ import annotations

import pytest

from timeline.temporal import extract

DCT = "2024-04-10"  # a Wednesday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hearings will run from Thursday to Tuesday.", ["2024-04-11", "2024-04-16"]),
        ("from Monday through Friday", ["2024-04-08", "2024-04-12"]),
        ("The office will be closed from Monday through Friday.", ["2024-04-15", "2024-04-19"]),
        ("Hearings ran between Monday and Friday.", ["2024-04-08", "2024-04-12"]),
        # not a range: two separate days, each where a bare weekday falls
        ("They met Monday and Friday.", ["2024-04-08", "2024-04-05"]),
    ],
)
def test_range_end_follows_its_start(text: str, expected: list[str]) -> None:
    found = extract(text, DCT).expressions
    assert [e.value for e in found] == expected, [e.evidence for e in found]
