"""Turn rows from the selectors into the chart's plain dataclasses."""

from __future__ import annotations

from typing import Any

from timeline.display.highlight import phrase_span
from timeline.models import Article
from webapp.charts.article.figure import ChartArticle, ChartEvent


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
