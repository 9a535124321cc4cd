"""In narrative text, underspecified dates read against the date the narrative is on, not the DCT."""

from __future__ import annotations

import pytest

from timeline.temporal import InputError, extract
from timeline.temporal.batch import BatchItem, extract_many

DOWNLOADED = "2009-12-19"  # the day a reader saved the page, long after what it tells
HISTORY = (
    "The army crossed the border on September 17, 1939. By early October, the country was divided. "
    "The next day the envoys left. In November 1939 the fleet sailed north, and in March 1940 it "
    "returned. On June 10, the other side attacked. In 1941 the alliance grew. In April, the army "
    "moved south."
)


def by_text(result) -> dict[str, object]:
    return {e.text: e for e in result.expressions}


def test_a_history_is_read_as_a_narrative_with_its_evidence() -> None:
    result = extract(HISTORY, DOWNLOADED)
    assert result.doc_type == "narrative"
    assert "explicit years" in result.doc_type_evidence
    found = by_text(result)
    assert found["early October"].value == "1939-10"
    assert found["June 10"].value == "1940-06-10"
    assert found["April"].value == "1941-04"  # the year just told, not the one nearest the DCT
    october = found["early October"]
    assert october.anchor == f"e{found['September 17, 1939'].index}"
    assert "narrative text" in october.evidence and "not the DCT" in october.evidence


def test_told_as_news_the_same_text_reads_from_the_dct() -> None:
    result = extract(HISTORY, DOWNLOADED, doc_type="news")
    assert result.doc_type == "news"
    assert by_text(result)["early October"].value == "2009-10"


def test_explicit_dates_do_not_change_in_a_narrative() -> None:
    narrative = by_text(extract(HISTORY, DOWNLOADED, doc_type="narrative"))
    news = by_text(extract(HISTORY, DOWNLOADED, doc_type="news"))
    for phrase in ("September 17, 1939", "November 1939", "March 1940", "1941"):
        assert narrative[phrase].value == news[phrase].value
        assert narrative[phrase].anchor == "DCT"


def test_a_month_after_december_is_the_next_year() -> None:
    text = "The siege began on December 7, 1941, and the port fell. In January, the allies signed a pact."
    assert by_text(extract(text, DOWNLOADED, doc_type="narrative"))["January"].value == "1942-01"


def test_today_in_a_narrative_speaks_from_the_dct() -> None:
    text = HISTORY + " Today, the border is open."
    assert by_text(extract(text, DOWNLOADED))["Today"].value == DOWNLOADED


def test_a_bare_weekday_follows_the_day_told() -> None:
    text = "Troops landed on Friday, September 1, 1939. On Sunday, the allies declared war."
    result = by_text(extract(text, DOWNLOADED, doc_type="narrative"))
    assert result["Sunday"].value == "1939-09-03"


def test_a_weekday_in_a_past_told_by_years_gets_no_date() -> None:
    text = "The war began in 1939. It spread in 1940. On Sunday, the allies declared war."
    assert "Sunday" not in by_text(extract(text, DOWNLOADED, doc_type="narrative"))
    assert by_text(extract(text, DOWNLOADED, doc_type="news"))["Sunday"].value == "2009-12-13"


def test_news_with_a_background_paragraph_switches_for_that_paragraph_only() -> None:
    text = (
        "The company said on Tuesday it will close the plant in March.\n"
        "The plant opened in 1961 and was sold in 1975. In March, its first strike began.\n"
        "Workers will meet again in March, the union said yesterday."
    )
    result = extract(text, "1998-01-15")
    assert result.doc_type == "news"
    march = [e for e in result.expressions if e.text == "March"]
    assert [e.value for e in march] == ["1998-03", "1975-03", "1998-03"]
    assert "background paragraph" in march[1].evidence


def test_extract_many_takes_the_doc_type() -> None:
    items = [BatchItem("auto", HISTORY, DOWNLOADED), BatchItem("news", HISTORY, DOWNLOADED, doc_type="news")]
    results = {r.key: r.extraction for r in extract_many(items)}
    assert by_text(results["auto"])["early October"].value == "1939-10"
    assert by_text(results["news"])["early October"].value == "2009-10"


def test_an_unknown_doc_type_is_an_input_error() -> None:
    with pytest.raises(InputError, match="doc_type"):
        extract(HISTORY, DOWNLOADED, doc_type="memoir")


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("In April and June 1955, the premier refused the elections.", "April", "1955-04"),
        ("The battle (26 June - 4 August 1952) was the longest.", "26 June", "1952-06-26"),
        ("Losses between December and January 1952 were heavy.", "December", "1951-12"),
    ],
)
def test_a_year_written_once_serves_both_dates(text: str, phrase: str, value: str) -> None:
    for doc_type in ("news", "narrative"):
        found = by_text(extract(text, DOWNLOADED, doc_type=doc_type))[phrase]
        assert found.value == value
        assert "year written once" in found.evidence


def test_a_year_looked_forward_to_does_not_move_the_narrative() -> None:
    text = (
        "The offensive began on 10 March 1975. The army was to be ready for a campaign planned for 1976. "
        "On 11 March, the town fell."
    )
    assert by_text(extract(text, DOWNLOADED, doc_type="narrative"))["11 March"].value == "1975-03-11"


def test_a_look_back_does_not_move_the_narrative() -> None:
    text = "The siege ended in early January 1942, a success the previous year had not brought. In March, it resumed."
    assert by_text(extract(text, DOWNLOADED, doc_type="narrative"))["March"].value == "1942-03"


def test_a_season_is_read_in_the_year_the_narrative_is_in() -> None:
    text = "The offensive opened on 5 February 1919 and stalled. In the early summer, the army advanced."
    assert by_text(extract(text, DOWNLOADED, doc_type="narrative"))["early summer"].value == "1919-SU"


def test_this_year_in_a_narrative_speaks_from_the_dct() -> None:
    text = HISTORY + " This year, the archives opened."
    assert by_text(extract(text, DOWNLOADED))["This year"].value == "2009"


def test_the_extraction_names_its_background_paragraphs() -> None:
    text = "The mill said on Tuesday it will close.\nIt opened in 1961 and was sold in 1975. In March, a strike began."
    result = extract(text, "1998-01-15")
    assert result.doc_type == "news" and "1 background paragraph read" in result.doc_type_evidence
