"""Relative expressions that need a reference point resolve against the date the narrative is on."""

from __future__ import annotations

import pytest

from timeline.temporal import extract

DCT = "2024-04-13"  # a Saturday
STORY = "The dam failed on March 3, 2023. {phrase}, crews reached the valley."


@pytest.mark.parametrize(
    ("phrase", "found", "value"),
    [
        ("That day", "That day", "2023-03-03"),
        ("Earlier in the day", "the day", "2023-03-03"),
        ("An hour later", "An hour later", "2023-03-03"),
        ("The next morning", "The next morning", "2023-03-04TMO"),
        ("The day before", "The day before", "2023-03-02"),
        ("Two days later", "Two days later", "2023-03-05"),
    ],
)
def test_resolves_against_the_last_absolute_date(phrase: str, found: str, value: str) -> None:
    result = extract(STORY.format(phrase=phrase), DCT)
    by_text = {e.text: e for e in result.expressions}
    expression = by_text[found]
    assert expression.value == value
    anchor = by_text["March 3, 2023"]
    assert expression.anchor == f"e{anchor.index}"
    assert "counted from" in expression.evidence


def test_without_an_earlier_date_the_dct_is_the_reference() -> None:
    result = extract("Earlier in the day, crews reached the valley.", DCT)
    day = next(e for e in result.expressions if e.text == "the day")
    assert day.value == DCT and day.anchor == "DCT"


def test_a_year_earlier_compares_with_the_reported_period_and_does_not_chain() -> None:
    text = (
        "Assets rose to $12 billion in the third quarter of 2023 from $11 billion a year earlier. "
        "Net income was $48 million, compared with $41 million a year earlier."
    )
    values = [e.value for e in extract(text, DCT).expressions if e.text == "a year earlier"]
    assert values == ["2022-Q3", "2022-Q3"]
