"""Engine behaviour beyond single rules: input handling, tense, year boundaries, anchors, modes."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from timeline.temporal import InputError, extract
from timeline.temporal.extract import MAX_TEXT_CHARS
from timeline.temporal.nlp import load_pipeline
from timeline.temporal.timex import is_timex_value


def values(result) -> dict[str, str]:
    return {e.text: e.value for e in result.expressions}


def test_empty_text_gives_an_empty_result() -> None:
    for text in ("", "   \n\t "):
        result = extract(text, "2024-04-13")
        assert result.expressions == [] and result.sentences == []


def test_invalid_utf8_names_the_byte_offset() -> None:
    with pytest.raises(InputError, match=r"offset 6"):
        extract(b"Hello \xff world", "2024-04-13")


@pytest.mark.parametrize("bad", ["yesterday", "2024-13-40", "13/04/2024", 20240413])
def test_a_dct_that_is_not_a_date_is_a_clear_error(bad) -> None:
    with pytest.raises(InputError, match="date"):
        extract("They met on Friday.", bad)


def test_dct_accepts_datetime_and_iso_datetime() -> None:
    assert extract("They met on Friday.", datetime(2024, 4, 13, 9, 30)).dct == date(2024, 4, 13)
    assert extract("They met on Friday.", "2024-04-13T09:30:00Z").dct == date(2024, 4, 13)


def test_oversized_text_is_refused_with_a_message() -> None:
    with pytest.raises(InputError, match="limit"):
        extract("a" * (MAX_TEXT_CHARS + 1), "2024-04-13")


def test_unknown_prefer_is_refused() -> None:
    with pytest.raises(InputError, match="prefer"):
        extract("They met on Friday.", "2024-04-13", prefer="sideways")


@pytest.mark.parametrize(
    ("sentence", "dct", "phrase", "value"),
    [
        ("Officials met on Saturday.", "2024-04-13", "Saturday", "2024-04-13"),
        ("The leaders will meet on Friday.", "2024-04-13", "Friday", "2024-04-19"),
        ("The ministers met on Monday.", "2024-04-13", "Monday", "2024-04-08"),
        ("He said he hoped to release the text on Tuesday.", "2025-03-03", "Tuesday", "2025-03-04"),
        ("He died on December 28.", "2025-01-03", "December 28", "2024-12-28"),
        ("The court will rule on January 5.", "2024-12-20", "January 5", "2025-01-05"),
        ("Unions have called a strike for Wednesday.", "2025-06-14", "Wednesday", "2025-06-18"),
        ("It has been quiet since the March 3 vote.", "2024-02-20", "March 3", "2023-03-03"),
    ],
)
def test_direction_follows_the_governing_verb(sentence, dct, phrase, value) -> None:
    assert values(extract(sentence, dct))[phrase] == value


def test_prefer_overrides_the_tense() -> None:
    sentence = "The leaders will meet on Friday."
    assert values(extract(sentence, "2024-04-13", prefer="past"))["Friday"] == "2024-04-12"
    assert values(extract("They met on Friday.", "2024-04-13", prefer="future"))["Friday"] == "2024-04-19"


def test_anchored_chain_counts_from_the_previous_date() -> None:
    text = "Agents raided the office on March 4, 2024. They searched it two days later. A grand jury met three weeks after that."
    result = extract(text, "2025-01-08")
    found = {e.text: e for e in result.expressions}
    assert found["two days later"].value == "2024-03-06"
    assert found["three weeks after that"].value == "2024-03-27"
    assert found["three weeks after that"].anchor == f"e{found['two days later'].index}"


def test_offsets_always_index_the_original_text() -> None:
    text = "[ad_1]\nCNN —\nOn Saturday’s meeting, officials said last week was calm.\n[ad_2]\nSource link"
    result = extract(text, "2024-04-13")
    assert result.expressions
    for e in result.expressions:
        assert text[e.start : e.end] == e.text
        assert is_timex_value(e.value), e.value
        assert e.earliest <= e.latest
    for s in result.sentences:
        assert text[s.start : s.end] == s.text
    assert not any("ad_" in s.text or "Source link" in s.text for s in result.sentences)


def test_without_a_dct_only_self_contained_dates_resolve() -> None:
    # No full date to infer a DCT from: "1998" names its own year, "last week" needs a DCT.
    result = extract("The treaty was signed in 1998. It was revised last week and again in the 1990s.", None)
    assert result.dct is None
    assert values(result) == {"1998": "1998", "the 1990s": "199"}


def test_no_inferable_dct_is_reported_not_guessed() -> None:
    result = extract("Officials met on Friday and will meet again next week.", None)
    assert result.dct is None and result.dct_inferred is False
    assert result.expressions == []
    assert any("could be inferred" in w for w in result.warnings)


def test_impossible_dates_are_not_produced() -> None:
    result = extract("It happened on February 30, 2023 and on April 31.", "2024-04-13")
    assert all(e.value not in ("2023-02-30",) for e in result.expressions)
    assert not [e for e in result.expressions if "February 30" in e.text or "April 31" in e.text]


def test_blank_mode_runs_on_rules_alone_and_says_so() -> None:
    blank = load_pipeline(use_model=False)
    result = extract("Officials met on Saturday night. They will meet again next week.", "2024-04-13", pipeline=blank)
    assert result.mode == "blank"
    assert any("spacy.blank" in w for w in result.warnings)
    assert values(result) == {"Saturday night": "2024-04-13TNI", "next week": "2024-W16"}
    assert result.events  # titled from the sentence text without a parse


def test_model_missing_falls_back_to_blank(monkeypatch) -> None:
    import spacy

    from timeline.temporal import nlp

    def missing(name, *args, **kwargs):
        raise OSError(f"[E050] Can't find model '{name}'")

    monkeypatch.setattr(spacy, "load", missing)
    monkeypatch.setattr(nlp, "_cache", {})
    pipeline = nlp.load_pipeline()
    assert pipeline.mode == "blank" and pipeline.parser is None


@pytest.mark.parametrize(
    ("sentence", "title"),
    [
        ("Biden does not expect a deal on Friday.", "Biden does not expect deal"),
        ("Officials did not meet on Friday.", "Officials do not meet"),
        ("The minister was not seen on Friday.", "Minister not seen"),
        ("Iran launched its attack on Israel on Saturday.", "Iran launches attack on Israel"),
    ],
)
def test_event_titles_read_like_headlines(sentence, title) -> None:
    assert [e.title for e in extract(sentence, "2024-04-13").events] == [title]
