"""Turn rows from the selectors into the chart's plain dataclasses, and read an event's phrase and sentence."""

from __future__ import annotations

from typing import Any

from timeline.models import Article, Event
from webapp.charts import ChartArticle, ChartEvent
from webapp.highlight import Span, phrase_span


def event_phrase(event: Event) -> str:
    """The time phrase as written, or '' when re-analysis left the event without one."""
    return event.expression.text if event.expression_id and event.expression else ""


def event_sentence(event: Event) -> str:
    return event.sentence.text if event.sentence_id and event.sentence else ""


def event_phrase_span(event: Event) -> Span | None:
    """Where the event's phrase sits in its sentence (offsets checked against the text)."""
    sentence, phrase = event_sentence(event), event_phrase(event)
    if not sentence or not phrase:
        return None
    return phrase_span(sentence, phrase, event.expression.start - event.sentence.start)


def chart_event_row(row: dict[str, Any]) -> ChartEvent:
    """The chart's view of one event, from a ``selectors.event_rows`` dict (no model instances)."""
    sentence, phrase = row["sentence__text"] or "", row["expression__text"] or ""
    span = None
    if sentence and phrase:
        span = phrase_span(sentence, phrase, row["expression__start"] - row["sentence__start"])
    return ChartEvent(
        id=row["id"],
        article_id=row["article_id"],
        title=row["title"],
        earliest=row["earliest"],
        latest=row["latest"],
        value=row["value"],
        granularity=row["granularity"],
        phrase=phrase,
        sentence=sentence,
        phrase_span=span,
        status=row["status"],
    )


def chart_article(article: Article) -> ChartArticle:
    return ChartArticle(
        id=article.pk, title=article.title, published=article.published, dct_inferred=article.dct_inferred
    )
