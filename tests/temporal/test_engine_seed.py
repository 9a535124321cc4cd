"""The seed article's expectations, from the engine issue."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from timeline.temporal import extract

SEED = Path(__file__).resolve().parents[2] / "fixtures" / "seed_biden_iran_2024-04-13.txt"


@pytest.fixture(scope="module")
def seed():
    return extract(SEED.read_text(encoding="utf-8"), date(2024, 4, 13))


def by_text(result, text):
    return [e for e in result.expressions if e.text == text]


@pytest.mark.parametrize(
    ("phrase", "value", "earliest", "latest"),
    [
        ("Saturday, April 13, 2024", "2024-04-13", "2024-04-13", "2024-04-13"),
        ("October 7", "2023-10-07", "2023-10-07", "2023-10-07"),
        ("Oct. 7", "2023-10-07", "2023-10-07", "2023-10-07"),
        ("Saturday afternoon", "2024-04-13TAF", "2024-04-13", "2024-04-13"),
        ("Saturday night", "2024-04-13TNI", "2024-04-13", "2024-04-13"),
        ("Friday", "2024-04-12", "2024-04-12", "2024-04-12"),
        ("last week", "2024-W14", "2024-04-01", "2024-04-07"),
        ("the past week", "P1W", "2024-04-06", "2024-04-13"),
        ("the coming hours", "FUTURE_REF", "2024-04-13", "9999-12-31"),
        ("an election year", "2024", "2024-01-01", "2024-12-31"),
    ],
)
def test_seed_expression(seed, phrase, value, earliest, latest) -> None:
    [expression] = by_text(seed, phrase)
    assert (expression.value, expression.earliest.isoformat(), expression.latest.isoformat()) == (
        value,
        earliest,
        latest,
    )


def test_every_saturday_is_the_dct(seed) -> None:
    saturdays = by_text(seed, "Saturday")
    assert len(saturdays) >= 3
    assert {e.value for e in saturdays} == {"2024-04-13"}


def test_days_leading_up_to_saturday_end_on_it(seed) -> None:
    [lead] = by_text(seed, "the days leading up to Saturday")
    assert lead.latest == date(2024, 4, 13) and lead.earliest < lead.latest


@pytest.mark.parametrize(
    "phrase", ["light of day", "real time", "What happens next", "[ad_1]", "[ad_2]", "Source link"]
)
def test_must_not_tag(seed, phrase) -> None:
    text = SEED.read_text(encoding="utf-8")
    start = text.index(phrase)
    end = start + len(phrase)
    assert not [e for e in seed.expressions if e.start < end and start < e.end]


def test_spans_are_trimmed(seed) -> None:
    for expression in seed.expressions:
        assert not expression.text.lower().startswith(("on ", "in ", "at "))
        assert not expression.text.endswith(("'s", "’s", ",", ".")) or expression.text.endswith("Oct.")


def test_dct_is_inferred_from_the_caption() -> None:
    result = extract(SEED.read_text(encoding="utf-8"), None)
    assert result.dct == date(2024, 4, 13)
    assert result.dct_inferred is True
    assert "April 13, 2024" in result.dct_evidence.evidence
    assert 0 < result.dct_evidence.confidence < 1


def test_seed_yields_at_least_twelve_dated_events(seed) -> None:
    assert len(seed.events) >= 12
    titles = [event.title for event in seed.events]
    assert all(titles) and all(len(t) <= 90 for t in titles)
    assert len({(e.sentence, e.expression) for e in seed.events}) == len(seed.events)
