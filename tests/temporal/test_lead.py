"""The article's news without a time expression: headline and lead dated by the article, with evidence."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.temporal import extract
from timeline.temporal.lead import (
    CAPTION_EXAMPLES,
    EXAMPLES,
    LEAD_CONFIDENCE,
    LEAD_EVIDENCE,
    LeadExample,
    _main_verbs,
    is_caption,
    tells_news,
)
from timeline.temporal.nlp import load_pipeline

DCT = date(2006, 4, 5)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e.text[:40])
def test_lead_examples(example: LeadExample) -> None:
    doc = load_pipeline().parser(example.text)
    found = tuple(v.text for v in _main_verbs(doc) if tells_news(v, headline=example.headline))
    assert found == example.verbs


def _events(text: str, dct: date | None = DCT):
    result = extract(text, dct)
    return result, [(result.sentences[e.sentence].text, e) for e in result.events]


def test_the_lead_becomes_events_on_the_article_date_and_later_sentences_do_not() -> None:
    text = (
        "Apple releases volume limit for iPod\n\n"
        "Apple has released an application that limits the volume of its iPod players. "
        "The update was demanded by several health groups. "
        "Engineers tested the software in a laboratory."
    )
    result, events = _events(text)
    undated = [(sentence, e) for sentence, e in events if e.expression is None]
    assert [sentence[:20] for sentence, _ in undated] == [
        "Apple releases volum", "Apple has released a", "The update was deman",
    ]  # fmt: skip
    assert all(e.evidence and e.confidence == LEAD_CONFIDENCE for _, e in undated)
    assert undated[1][1].evidence == LEAD_EVIDENCE
    assert not result.expressions  # no time phrase was invented


def test_a_dated_lead_sentence_keeps_its_own_date_only() -> None:
    _, events = _events("Apple released a new iPod on Monday and cut the price of the old one.")
    assert [e.expression is not None for _, e in events] == [True]  # the date reaches the whole sentence


def test_negated_and_hypothetical_news_and_articles_without_a_date_give_no_event() -> None:
    _, events = _events("Apple did not release the new iPod. Apple would sell more if prices fell.")
    assert events == []
    _, undated = _events("Apple has released an application that limits the volume of its iPods.", dct=None)
    assert undated == []


def test_a_headline_over_a_dated_lead_takes_no_article_date() -> None:
    text = "Computer failure grounds hundreds of flights\n\nA software failure grounded 400 flights on Thursday."
    _, events = _events(text, date(2025, 6, 6))
    assert [(e.sentence, e.expression is not None) for _, e in events] == [(1, True)]


@pytest.mark.parametrize(("text", "caption"), CAPTION_EXAMPLES)
def test_captions_and_credits_are_never_the_news(text, caption):
    assert is_caption(text) is caption


def test_the_seed_articles_photo_caption_gives_no_event():
    from pathlib import Path

    from timeline.temporal import extract

    seed = Path(__file__).resolve().parents[2].parent / "shared" / "seed" / "000_943307701e58fa28.txt"
    result = extract(seed.read_text(encoding="utf-8"), None)
    titles = [e.title for e in result.events]
    assert not any("blurred" in t.lower() for t in titles), titles
