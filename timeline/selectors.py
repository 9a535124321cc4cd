"""Read-side queries. Each returns a QuerySet (or one object) ready for one SQL query."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import Any

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Count, Exists, F, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from timeline.models import Article, Event, EventTombstone, TemporalExpression

# Columns the chart, the event pages and the API read; anything else stays deferred.
EVENT_COLUMNS = (
    "id", "key", "title", "earliest", "latest", "value", "granularity", "status", "curated", "notes",
    "article__id", "article__title", "article__published", "article__source", "article__dct_inferred",
    "sentence__id", "sentence__index", "sentence__start", "sentence__text",
    "expression__id", "expression__text", "expression__start", "expression__end", "expression__type",
    "expression__value", "expression__mod", "expression__rule",
)  # fmt: skip
EVENT_ROW_COLUMNS = (
    "id", "article_id", "title", "earliest", "latest", "value", "granularity", "status", "curated",
    "sentence__start", "sentence__text", "expression__text", "expression__start",
    "article__title", "article__url", "article__published",
)  # fmt: skip


def event_list(
    *,
    article_ids: Iterable[int] | None = None,
    start: date | None = None,
    end: date | None = None,
    include_hidden: bool = False,
    statuses: Iterable[str] | None = None,
) -> QuerySet[Event]:
    """Displayable events in date order, each with ``merged_count`` (events merged into it).

    Events merged into another are left out: they show as their root. ``start``/``end``
    keep events whose range overlaps [start, end]; ``statuses`` keeps only those statuses.
    """
    return (
        _shown_events(article_ids, start, end, include_hidden, statuses)
        .select_related("article", "sentence", "expression")
        .only(*EVENT_COLUMNS)
        .annotate(merged_count=_merged_count())
        .order_by("earliest", "latest", "id")
    )


def event_rows(
    *,
    article_ids: Iterable[int] | None = None,
    start: date | None = None,
    end: date | None = None,
    include_hidden: bool = False,
    statuses: Iterable[str] | None = None,
) -> QuerySet[dict[str, Any]]:
    """The events of ``event_list`` as plain dicts of ``EVENT_ROW_COLUMNS``, for the chart and the API.

    Building 10,000 model instances (and their related rows) costs several times the
    query itself; dicts keep a whole timeline within one fast query.
    """
    return (
        _shown_events(article_ids, start, end, include_hidden, statuses)
        .values(*EVENT_ROW_COLUMNS)
        .order_by("earliest", "latest", "id")
    )


def _shown_events(
    article_ids: Iterable[int] | None,
    start: date | None,
    end: date | None,
    include_hidden: bool,
    statuses: Iterable[str] | None = None,
) -> QuerySet[Event]:
    events = Event.objects.filter(merged_into__isnull=True)
    if article_ids is not None:
        events = events.filter(article_id__in=list(article_ids))
    if statuses is not None:
        events = events.filter(status__in=list(statuses))
    if not include_hidden:
        events = events.exclude(status=Event.Status.HIDDEN)
    if start is not None:
        events = events.filter(latest__gte=start)
    if end is not None:
        events = events.filter(earliest__lte=end)
    return events


def event_get(*, pk: int) -> Event:
    """One event with its article, sentence, expression and merge target; raises Event.DoesNotExist."""
    return Event.objects.select_related("article", "sentence", "expression", "merged_into").get(pk=pk)


def articles_to_reanalyse(
    *, story_name: str | None = None, article_id: int | None = None, published_since: date | None = None
) -> QuerySet[Article]:
    """Articles for ``reanalyse``: all, one story's (by name or slug), one, or those published on or
    after a date (undated articles left out); oldest first, text deferred."""
    articles = Article.objects.all()
    if published_since is not None:
        articles = articles.filter(published__gte=published_since)
    if story_name is not None:
        articles = articles.filter(Q(stories__name=story_name) | Q(stories__slug=story_name))
    if article_id is not None:
        articles = articles.filter(pk=article_id)
    return articles.only("id", "title").distinct().order_by("id")


def event_tombstone(*, event_id: int) -> EventTombstone | None:
    """What is left of an event re-analysis removed (with its article), or None."""
    return (
        EventTombstone.objects.select_related("article")
        .only("event_id", "title", "removed", "article__id", "article__title")
        .filter(event_id=event_id)
        .first()
    )


def event_survivor(*, event: Event) -> Event:
    """The event ``event`` is merged into, followed to the end of the chain; ``event`` itself
    when it is not merged, or when the chain loops (only a raw database edit can do that)."""
    seen = {event.pk}
    current = event
    while current.merged_into_id is not None and current.merged_into_id not in seen:
        seen.add(current.merged_into_id)
        current = Event.objects.only("id", "merged_into_id").get(pk=current.merged_into_id)
    return event if current.merged_into_id is not None else current


def article_page_list() -> QuerySet[Article]:
    """``article_list`` with ``has_merged_away``: whether any of its events was merged into
    another, so the article page asks where they went only when there is something to show."""
    merged = Event.objects.filter(article=OuterRef("pk"), merged_into__isnull=False)
    return article_list().annotate(has_merged_away=Exists(merged))


def events_merged_away(*, article_id: int) -> QuerySet[Event]:
    """The article's events merged into another event (possibly of another article), with where they went."""
    return (
        Event.objects.filter(article_id=article_id, merged_into__isnull=False)
        .select_related("merged_into__article")
        .only(
            "id",
            "title",
            "merged_into__id",
            "merged_into__title",
            "merged_into__article__id",
            "merged_into__article__title",
        )
        .order_by("earliest", "id")
    )


def event_merged_list(*, event: Event) -> QuerySet[Event]:
    """The events merged into ``event`` (what its row on the chart stands for)."""
    return Event.objects.filter(merged_into=event).select_related("article", "sentence").order_by("earliest", "id")


def undated_articles(*, article_ids: QuerySet | list[int] | None = None) -> QuerySet[Article]:
    """Articles with no publication date (given or inferred), oldest import first, text deferred:
    the engine could date nothing relative in them, so they hold no happening until dated."""
    found = Article.objects.filter(published__isnull=True)
    if article_ids is not None:
        found = found.filter(pk__in=article_ids)
    return found.defer("text").order_by("created", "pk")


def article_list() -> QuerySet[Article]:
    """Articles without their text, newest first (undated ones last), with ``event_count``
    (shown events) and ``expression_count``."""
    shown = Event.objects.filter(merged_into__isnull=True).exclude(status=Event.Status.HIDDEN)
    return (
        Article.objects.defer("text")
        .annotate(
            event_count=_count_per_article(shown),
            expression_count=_count_per_article(TemporalExpression.objects.all()),
        )
        # Spelled out, not Meta.ordering: the id makes pages stable when dates tie, and
        # NULLS LAST puts undated articles at the end on SQLite and PostgreSQL alike.
        .order_by(F("published").desc(nulls_last=True), "-created", "-id")
    )


def _merged_count() -> Coalesce:
    # A subquery, not Count("merged_events"): the join made SQLite GROUP BY every selected column.
    merged = Event.objects.filter(merged_into=OuterRef("pk")).order_by().values("merged_into")
    return Coalesce(Subquery(merged.annotate(n=Count("pk")).values("n"), output_field=IntegerField()), 0)


def _count_per_article(rows: QuerySet) -> Coalesce:
    """A correlated COUNT per article: joining both child tables and counting DISTINCT
    multiplies their rows (events x expressions) and took a second at 10,000 events."""
    counted = rows.filter(article=OuterRef("pk")).order_by().values("article").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


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


# --- search across articles (stories search their titles with the same words) ---

MAX_QUERY_WORDS = 8  # a pasted paragraph is not a query: its first words are
MIN_WORD_CHARS = 2
_WORD = re.compile(r"\w[\w'’.-]*", re.UNICODE)


def query_words(query: str) -> list[str]:
    """The words searched for, in order, without repeats or one-letter words."""
    words = [w.strip(".-'’") for w in _WORD.findall(query)]
    kept = [w for w in dict.fromkeys(w.lower() for w in words) if len(w) >= MIN_WORD_CHARS]
    return kept[:MAX_QUERY_WORDS]


def all_words_q(words: list[str], fields: tuple[str, ...]) -> Q:
    """Every word in at least one of ``fields`` (case-insensitive)."""
    condition = Q()
    for word in words:
        either = Q()
        for field in fields:
            either |= Q(**{f"{field}__icontains": word})
        condition &= either
    return condition


def full_text_available() -> bool:
    return connection.vendor == "postgresql"


def article_search(*, query: str) -> QuerySet[Article]:
    """Articles matching ``query`` in title or text, best first (PostgreSQL: ranked full-text
    search with stemming, "websearch" syntax; elsewhere: every word present, newest first)."""
    words = query_words(query)
    if not words:
        return Article.objects.none()
    if full_text_available():
        vector = SearchVector("title", weight="A", config="english") + SearchVector(
            "text", weight="B", config="english"
        )
        search = SearchQuery(" ".join(words), search_type="websearch", config="english")
        return (
            Article.objects.annotate(document=vector, rank=SearchRank(vector, search))
            .filter(document=search)  # a match, not merely a rank above zero (ts_rank is never 0)
            .order_by("-rank", F("published").desc(nulls_last=True), "-id")
        )
    return Article.objects.filter(all_words_q(words, ("title", "text"))).order_by(
        F("published").desc(nulls_last=True), "-id"
    )
