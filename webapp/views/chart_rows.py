"""Turn ORM rows from the selectors into the chart's plain dataclasses."""

from __future__ import annotations

from collections.abc import Iterable

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


def chart_event(event: Event) -> ChartEvent:
    return ChartEvent(
        id=event.pk,
        article_id=event.article_id,
        title=event.title,
        earliest=event.earliest,
        latest=event.latest,
        value=event.value,
        granularity=event.granularity,
        phrase=event_phrase(event),
        sentence=event_sentence(event),
        phrase_span=event_phrase_span(event),
        status=event.status,
    )


def chart_article(article: Article) -> ChartArticle:
    return ChartArticle(
        id=article.pk, title=article.title, published=article.published, dct_inferred=article.dct_inferred
    )


def chart_inputs(events: Iterable[Event], articles: Iterable[Article]) -> tuple[list[ChartEvent], list[ChartArticle]]:
    """Both chart inputs; lanes follow the order of ``articles``."""
    return [chart_event(e) for e in events], [chart_article(a) for a in articles]
