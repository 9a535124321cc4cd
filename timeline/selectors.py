"""Read-side queries. Each returns a QuerySet (or one object) ready for one SQL query."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.db.models import Count, Q, QuerySet

from timeline.models import Article, Event, TemporalExpression

# Columns the chart, the event pages and the API read; anything else stays deferred.
EVENT_COLUMNS = (
    "id", "key", "title", "earliest", "latest", "value", "granularity", "status", "curated", "notes",
    "article__id", "article__title", "article__published", "article__source", "article__dct_inferred",
    "sentence__id", "sentence__index", "sentence__start", "sentence__text",
    "expression__id", "expression__text", "expression__start", "expression__end", "expression__type",
    "expression__value", "expression__mod", "expression__rule",
)  # fmt: skip


def event_list(
    *,
    article_ids: Iterable[int] | None = None,
    start: date | None = None,
    end: date | None = None,
    include_hidden: bool = False,
) -> QuerySet[Event]:
    """Displayable events in date order, each with ``merged_count`` (events merged into it).

    Events merged into another are left out: they show as their root. ``start``/``end``
    keep events whose range overlaps [start, end].
    """
    events = Event.objects.filter(merged_into__isnull=True)
    if article_ids is not None:
        events = events.filter(article_id__in=list(article_ids))
    if not include_hidden:
        events = events.exclude(status=Event.Status.HIDDEN)
    if start is not None:
        events = events.filter(latest__gte=start)
    if end is not None:
        events = events.filter(earliest__lte=end)
    return (
        events.select_related("article", "sentence", "expression")
        .only(*EVENT_COLUMNS)
        .annotate(merged_count=Count("merged_events"))
        .order_by("earliest", "latest", "id")
    )


def event_get(*, pk: int) -> Event:
    """One event with its article, sentence, expression and merge target; raises Event.DoesNotExist."""
    return Event.objects.select_related("article", "sentence", "expression", "merged_into").get(pk=pk)


def event_merged_list(*, event: Event) -> QuerySet[Event]:
    """The events merged into ``event`` (what its row on the chart stands for)."""
    return Event.objects.filter(merged_into=event).select_related("article", "sentence").order_by("earliest", "id")


def article_list() -> QuerySet[Article]:
    """Articles without their text, newest first, with ``event_count`` (shown events) and
    ``expression_count``."""
    shown = Q(events__merged_into__isnull=True) & ~Q(events__status=Event.Status.HIDDEN)
    return Article.objects.defer("text").annotate(
        event_count=Count("events", filter=shown, distinct=True),
        expression_count=Count("expressions", distinct=True),
    )


def article_get(*, pk: int) -> Article:
    """One article (with its text); raises Article.DoesNotExist."""
    return Article.objects.get(pk=pk)


def expression_list(*, article: Article) -> QuerySet[TemporalExpression]:
    """The article's time expressions in text order, with sentence and anchor."""
    return (
        TemporalExpression.objects.filter(article=article)
        .select_related("sentence", "anchor")
        .order_by("start", "index")
    )


def article_with_hash(*, digest: str) -> Article | None:
    """The stored article whose text has this content hash (id and title only), or None."""
    return Article.objects.filter(content_hash=digest).only("id", "title").first()
