"""The news-or-narrative policy: each cue's example shows its cue, and the decision weighs them."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.temporal.extract import prepare_article
from timeline.temporal.narrative import (
    CUES,
    NARRATIVE,
    NARRATIVE_ORDER_SHARE,
    NARRATIVE_PAST_SHARE,
    NEWS,
    Cue,
    TextSignals,
    decide_doc_type,
    deictic_rate,
    far_share,
    in_order_share,
    is_background,
    past_share,
)
from timeline.temporal.narrative_signals import measure
from timeline.temporal.parse import parse_sentences

DOWNLOADED = date(2009, 12, 19)
HISTORY = TextSignals(years=(1939, 1940, 1940, 1941, 1943), past=40, present=2, future=0, words=900)


def signals_of(text: str, dct: str) -> TextSignals:
    prepared = prepare_article(text, dct)
    docs = parse_sentences(prepared.sentences, prepared.plan, prepared.pipeline.parser)
    return measure(prepared.cleaned, prepared.candidates, docs, prepared.sentences)


@pytest.mark.parametrize("cue", CUES, ids=[cue.name for cue in CUES])
def test_each_cue_shows_in_its_example(cue: Cue) -> None:
    signals = signals_of(cue.example, cue.dct)
    dct = date.fromisoformat(cue.dct)
    shown = {
        "far_years": lambda: far_share(signals.years, dct) == 1.0,
        "years_in_order": lambda: len(signals.years) >= 3 and in_order_share(signals.years) >= NARRATIVE_ORDER_SHARE,
        "past_simple": lambda: past_share(signals) >= NARRATIVE_PAST_SHARE,
        "background": lambda: is_background(signals, dct),
        "deictic": lambda: deictic_rate(signals) > 0 and not is_background(signals, dct),
    }[cue.name]
    assert shown(), (cue.name, signals)


def test_a_history_read_years_after_is_a_narrative_with_its_cues() -> None:
    decision = decide_doc_type(HISTORY, DOWNLOADED)
    assert decision.doc_type == NARRATIVE
    assert set(decision.cues) == {"far_years", "years_in_order", "past_simple"}
    assert "5 explicit years, 100%" in decision.evidence


@pytest.mark.parametrize(
    ("change", "why"),
    [
        ({"deictic": ("yesterday", "this week")}, "speaks from its own day"),
        ({"years": (2009, 2009, 2008, 2009)}, "its years are the DCT's"),
        ({"years": (1943, 1941, 1939, 1918, 1914)}, "its years run backwards"),
        ({"past": 10, "present": 8, "future": 4}, "present and future verbs"),
        ({"years": (1939, 1940)}, "too few years to judge"),
    ],
)
def test_news_fails_at_least_one_cue(change: dict, why: str) -> None:
    signals = TextSignals(**{**HISTORY.__dict__, **change})
    assert decide_doc_type(signals, DOWNLOADED).doc_type == NEWS, why


def test_a_given_type_wins_and_says_so() -> None:
    news = TextSignals(years=(2009,), present=5, deictic=("today",), words=100)
    assert decide_doc_type(news, DOWNLOADED, "narrative").doc_type == NARRATIVE
    decision = decide_doc_type(HISTORY, DOWNLOADED, "news")
    assert (decision.doc_type, decision.given) == (NEWS, True)
    assert "as given" in decision.evidence


def test_without_a_dct_nothing_is_far_and_the_text_is_news() -> None:
    assert decide_doc_type(HISTORY, None).doc_type == NEWS


def test_an_unknown_doc_type_is_refused() -> None:
    with pytest.raises(ValueError, match="doc_type"):
        decide_doc_type(HISTORY, DOWNLOADED, "memoir")


def test_a_background_paragraph_needs_two_far_past_years_in_the_past_simple_and_no_deictic_word() -> None:
    dct = date(1998, 1, 15)
    told = TextSignals(years=(1991, 1986), past=6, present=1)
    assert is_background(told, dct)
    assert not is_background(TextSignals(**{**told.__dict__, "years": (1991,)}), dct)
    assert not is_background(TextSignals(**{**told.__dict__, "years": (1991, 1997)}), dct)
    assert not is_background(TextSignals(**{**told.__dict__, "years": (1991, 2005)}), dct)  # bonds due 2005
    assert not is_background(TextSignals(**{**told.__dict__, "present": 4, "future": 2}), dct)
    assert not is_background(TextSignals(**{**told.__dict__, "deictic": ("today",)}), dct)
