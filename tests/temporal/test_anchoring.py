"""Event anchoring: the relation an event takes to its time, from the cue table and the parse."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from timeline.temporal import extract
from timeline.temporal.anchor_reading import time_cue
from timeline.temporal.anchoring import (
    AT,
    BOUNDARY,
    COMPARED,
    CUES,
    PLANNED,
    REPORTED,
    ClauseTime,
    Cue,
    anchor,
)
from timeline.temporal.nlp import load_pipeline
from timeline.temporal.types import OPEN_END

DCT = date(2009, 6, 15)


def _event_for(sentence: str, phrase: str, dct: date = DCT):
    result = extract(sentence, dct)
    expressions = {e.index: e for e in result.expressions}
    assert any(e.text == phrase for e in result.expressions), [e.text for e in result.expressions]
    chosen = [c for c in result.events if expressions[c.expression].text == phrase]
    return result, (chosen[0] if chosen else None)


@pytest.mark.parametrize("cue", CUES, ids=lambda c: c.words or "bare")
def test_cue_is_read_from_the_parse(cue: Cue) -> None:
    parser = load_pipeline().parser
    if parser is None:
        pytest.fail("the spaCy model is needed to read cues from the parse")
    doc = parser(cue.example)
    start = cue.example.index(cue.phrase)
    span = doc.char_span(start, start + len(cue.phrase), alignment_mode="expand")
    assert time_cue(span) == cue.words


@pytest.mark.parametrize("cue", CUES, ids=lambda c: c.words or "bare")
def test_cue_decides_the_event_date(cue: Cue) -> None:
    result, event = _event_for(cue.example, cue.phrase)
    if cue.relation == COMPARED:  # the time dates what the event is measured against
        assert event is None, event
        return
    if cue.relation == BOUNDARY:  # never dated as a point inside the bounding time
        assert event is None or event.relation == BOUNDARY, event
        if event is not None:
            time = next(e for e in result.expressions if e.index == event.expression)
            earliest, latest, _, _ = result.event_dates(event)
            assert not (time.earliest <= earliest and latest <= time.latest)
        return
    assert event is not None and event.relation in (AT, PLANNED, REPORTED), event
    assert event.reason


def _time(**changes: object) -> ClauseTime:
    base = dict(
        verb="announced",
        verb_lemma="announce",
        phrase="the fourth quarter",
        cue="",
        direct=False,
        looks_ahead=False,
        pluperfect=False,
        present_perfect=False,
        simple_past=True,
        earliest=date(2008, 10, 1),
        latest=date(2008, 12, 31),
    )
    return ClauseTime(**(base | changes))  # type: ignore[arg-type]


def test_report_of_a_noun_is_dated_by_the_article_not_by_what_it_reports() -> None:
    decision = anchor(_time(), DCT)
    assert decision.relation == REPORTED and decision.by_dct
    assert (decision.earliest, decision.latest) == (DCT - timedelta(days=1), DCT)
    assert "belongs to what it reports" in decision.reason


def test_present_perfect_report_is_the_article_day_even_with_a_time_on_the_verb() -> None:
    decision = anchor(_time(cue="during", direct=True, present_perfect=True, simple_past=False), DCT)
    assert (decision.relation, decision.earliest, decision.latest) == (REPORTED, DCT, DCT)


def test_report_dated_on_its_verb_keeps_its_time() -> None:
    decision = anchor(_time(cue="on", direct=True, phrase="Tuesday"), DCT)
    assert decision.relation == REPORTED and not decision.by_dct
    assert (decision.earliest, decision.latest) == (date(2008, 10, 1), date(2008, 12, 31))


def test_report_before_an_undated_past_is_not_dated() -> None:
    decision = anchor(_time(pluperfect=True, simple_past=False), DCT)
    assert decision.earliest is None and decision.relation == REPORTED


def test_since_dates_between_the_bound_and_the_article() -> None:
    decision = anchor(_time(verb="posted", verb_lemma="shed", cue="since", phrase="1992",
                            earliest=date(1992, 1, 1), latest=date(1992, 12, 31)), DCT)  # fmt: skip
    assert (decision.relation, decision.earliest, decision.latest) == (BOUNDARY, date(1992, 1, 1), DCT)


def test_by_ahead_runs_from_the_article_to_the_bound_and_past_by_is_not_dated() -> None:
    ahead = anchor(_time(verb="cut", verb_lemma="cut", cue="by", looks_ahead=True, phrase="2012",
                         earliest=date(2012, 1, 1), latest=date(2012, 12, 31)), DCT)  # fmt: skip
    assert (ahead.relation, ahead.earliest, ahead.latest) == (BOUNDARY, DCT, date(2012, 12, 31))
    past = anchor(_time(verb="filed", verb_lemma="file", cue="by", earliest=date(2009, 6, 10),
                        latest=date(2009, 6, 10)), DCT)  # fmt: skip
    assert past.earliest is None


def test_after_ahead_is_open_ended() -> None:
    decision = anchor(_time(verb="buy", verb_lemma="buy", cue="after", looks_ahead=True,
                            earliest=date(2010, 1, 1), latest=date(2010, 1, 1)), DCT)  # fmt: skip
    assert (decision.earliest, decision.latest) == (date(2010, 1, 2), OPEN_END)


def test_future_time_is_planned() -> None:
    decision = anchor(_time(verb="ship", verb_lemma="ship", cue="on", direct=True, looks_ahead=True,
                            earliest=date(2009, 6, 24), latest=date(2009, 6, 24)), DCT)  # fmt: skip
    assert (decision.relation, decision.earliest) == (PLANNED, date(2009, 6, 24))


@pytest.mark.parametrize(
    ("sentence", "phrase", "relation", "dated_by_phrase"),
    [
        ("General Motors has posted its first annual loss since 1992.", "1992", REPORTED, False),
        ("GM, which is seeking to cut 31,500 jobs by 2012, said the plan was working.", "2012", BOUNDARY, False),
        ("The company said it could repay all its loans by 2017.", "2017", BOUNDARY, False),
        ("Ford has announced sweeping cuts in its operations during the fourth quarter.", "the fourth quarter",
         REPORTED, False),
        ("The A380 was revealed in January 2005.", "January 2005", REPORTED, True),
        ("Apple will ship the phone on June 24.", "June 24", PLANNED, True),
        ("Truckloads of goods rolled into Iraq on Tuesday.", "Tuesday", AT, True),
        ("The airline said the fault began shortly after 5 a.m.", "5 a.m.", AT, True),
    ],
)  # fmt: skip
def test_news_sentences(sentence: str, phrase: str, relation: str, dated_by_phrase: bool) -> None:
    result, event = _event_for(sentence, phrase)
    assert event is not None and event.relation == relation, event
    time = next(e for e in result.expressions if e.index == event.expression)
    assert (result.event_dates(event)[:2] == (time.earliest, time.latest)) is dated_by_phrase


def test_a_time_of_another_clause_dates_nothing_in_this_one() -> None:
    result = extract("The A380, which was revealed in January 2005, has made its maiden flight.", DCT)
    assert [c.title for c in result.events] == ["A380 revealed"]
