"""Reads for stories: QuerySets for the story pages, the chart and the exports.

A story's chronology is read as *mention rows*: one dict per (story event, mention)
with the article, sentence and time phrase beside it, in time order, so a page, its
chart or an export is one SQL query however many events the story holds.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Count, F, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from timeline.models import Article, Event, Sentence
from timeline.selectors import all_words_q, query_words
from timeline.stories.counting import outlet_of
from timeline.stories.models import Story, StoryEvent, StoryMention

# What the story page and its chart read; exports add ``EXPORT_COLUMNS``.
MENTION_COLUMNS = (
    "story_event_id", "story_event__title", "story_event__earliest", "story_event__latest",
    "story_event__value", "story_event__granularity", "story_event__status",
    "event_id", "event__article_id", "event__article__title", "event__article__source",
    "event__sentence__start", "event__sentence__text", "event__expression__text", "event__expression__start",
)  # fmt: skip
EXPORT_COLUMNS = ("event__sentence__end", "event__expression__end", "event__expression_id")
SHOWN_STATUSES = (StoryEvent.Status.PROPOSED, StoryEvent.Status.APPROVED)


@dataclass(frozen=True)
class StoryFilters:
    """What a reader narrowed the story to; every field is optional.

    ``start``/``end`` keep story events overlapping [start, end]; ``article_ids``,
    ``outlet``, ``entity`` and ``keyword`` keep story events with at least one
    mention that matches (the story event keeps all its sources); ``statuses``
    keeps those statuses (hidden ones are never shown).
    """

    start: date | None = None
    end: date | None = None
    article_ids: tuple[int, ...] = ()
    outlet: str = ""
    entity: str = ""
    entity_names: tuple[str, ...] = ()  # every name of the entity, as stored (set by the page)
    keyword: str = ""
    statuses: tuple[str, ...] = ()


def story_list() -> QuerySet[Story]:
    """Stories by name with ``article_count`` and ``event_count`` (shown story events)."""
    shown = StoryEvent.objects.filter(story=OuterRef("pk"), status__in=SHOWN_STATUSES)
    events = shown.order_by().values("story").annotate(n=Count("pk")).values("n")
    articles = (
        Story.articles.through.objects.filter(story=OuterRef("pk")).order_by().values("story")
        .annotate(n=Count("pk")).values("n")
    )  # fmt: skip
    # Correlated counts, not Count() over joins: joining both would multiply the rows.
    return Story.objects.annotate(
        article_count=Coalesce(Subquery(articles, output_field=IntegerField()), 0),
        event_count=Coalesce(Subquery(events, output_field=IntegerField()), 0),
    ).order_by("name")


def story_get(*, slug: str) -> Story:
    """One story by slug; raises Story.DoesNotExist."""
    return Story.objects.get(slug=slug)


def stories_of_article(*, article_id: int) -> QuerySet[Story]:
    """The stories an article belongs to, by name."""
    return Story.objects.filter(articles__id=article_id).order_by("name")


def story_articles(*, story: Story) -> QuerySet[Article]:
    """The story's articles without their text, oldest publication first (undated last)."""
    return story.articles.defer("text").order_by(F("published").asc(nulls_last=True), "id")


def with_source_counts(story_events: QuerySet[StoryEvent]) -> QuerySet[StoryEvent]:
    """``story_events`` with ``source_count`` (distinct articles) and ``mention_count``, over the
    mentions the story page shows (hidden events left out), as ``counting.source_count`` counts
    them: for sorting and filtering in the database (the admin)."""
    shown = ~Q(mentions__event__status=Event.Status.HIDDEN)
    return story_events.annotate(
        source_count=Count("mentions__event__article", distinct=True, filter=shown),
        mention_count=Count("mentions", distinct=True, filter=shown),
    )


def story_event_list(*, story: Story, filters: StoryFilters = StoryFilters()) -> QuerySet[StoryEvent]:
    """The story events the filters keep, in time order."""
    return _filtered_story_events(Q(story=story), filters).order_by("earliest", "latest", "id")


def story_events_of_event(*, event_id: int, include_hidden: bool = False) -> QuerySet[StoryEvent]:
    """The story events (with their story) that group this event, oldest story first. One query."""
    found = StoryEvent.objects.filter(mentions__event_id=event_id).select_related("story")
    if not include_hidden:
        found = found.exclude(status=StoryEvent.Status.HIDDEN)
    return found.order_by("story__name", "story_id", "pk")


def story_event_position(*, story: Story, story_event_id: int, filters: StoryFilters = StoryFilters()) -> int | None:
    """How many kept story events come before this one in time order (None when the filters
    do not keep it): which table page holds it. One query."""
    kept = _filtered_story_events(Q(story=story), filters)
    target = kept.filter(pk=story_event_id).values("earliest", "latest", "pk")[:1]
    before = kept.filter(
        Q(earliest__lt=Subquery(target.values("earliest")))
        | Q(earliest=Subquery(target.values("earliest")), latest__lt=Subquery(target.values("latest")))
        | Q(earliest=Subquery(target.values("earliest")), latest=Subquery(target.values("latest")),
            pk__lt=story_event_id)
    )  # fmt: skip
    found = (
        kept.filter(pk=story_event_id)
        .annotate(before=Coalesce(Subquery(before.order_by().values("story").annotate(n=Count("pk")).values("n")), 0))
        .values_list("before", flat=True)
    )
    return next(iter(found), None)


def story_mention_rows(
    *,
    story: Story | None = None,
    slug: str | None = None,
    filters: StoryFilters = StoryFilters(),
    page: tuple[int, int] | None = None,
) -> QuerySet[dict[str, Any]]:
    """Mention rows (``MENTION_COLUMNS`` dicts) of the story events the filters keep, in
    time order, mentions of one story event together (oldest article first).

    The story is given as ``story`` or by ``slug`` (then no query is spent loading it);
    ``page`` = (offset, limit) keeps only that slice of the story events (a table page),
    inside the same query.
    """
    kept = _filtered_story_events(_story_q(story, slug), filters).order_by("earliest", "latest", "id").values("pk")
    if page is not None:
        offset, limit = page
        kept = kept[offset : offset + limit]
    return (
        StoryMention.objects.filter(story_event__in=kept)
        .exclude(event__status=Event.Status.HIDDEN)
        .values(*MENTION_COLUMNS)
        .order_by(
            "story_event__earliest", "story_event__latest", "story_event_id",
            F("event__article__published").asc(nulls_last=True), "event__article_id", "id",
        )
    )  # fmt: skip


def by_story_event(rows: Iterable[dict[str, Any]]) -> list[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """Mention rows gathered per story event, in the rows' order: its first row (which carries the
    story event's columns) and all its rows. No query beyond reading ``rows``."""
    grouped: dict[int, tuple[dict[str, Any], list[dict[str, Any]]]] = {}
    for row in rows:
        grouped.setdefault(row["story_event_id"], (row, []))[1].append(row)
    return list(grouped.values())


def _story_q(story: Story | None, slug: str | None) -> Q:
    if (story is None) == (slug is None):
        raise TypeError("Give either story or slug.")
    return Q(story=story) if story is not None else Q(story__slug=slug)


def story_exists(*, slug: str) -> bool:
    return Story.objects.filter(slug=slug).exists()


# The import form suggests at most this many story names (a datalist, not a search).
SUGGESTED_NAMES = 500


def story_named(*, name: str) -> Story | None:
    """The story called ``name`` ignoring case and runs of whitespace, or None.

    Where older data holds several such stories ("Seed" and "seed"), the exact spelling
    wins, then the oldest.
    """
    folded = " ".join(name.split())
    exact = Story.objects.filter(name=folded).first()
    if exact is not None:
        return exact
    # Compared in Python: SQLite's case-insensitive match folds ASCII letters only. This
    # pass runs only for a name that is not stored exactly, i.e. mostly a new story.
    key = folded.casefold()
    for pk, stored in Story.objects.order_by("pk").values_list("pk", "name").iterator():
        if " ".join(stored.split()).casefold() == key:
            return Story.objects.get(pk=pk)
    return None


def story_names() -> list[str]:
    """Existing story names to suggest where a story is typed in, by name."""
    return list(Story.objects.order_by("name").values_list("name", flat=True)[:SUGGESTED_NAMES])


def outlets_of(articles: Iterable[Article]) -> list[str]:
    """The distinct outlets of ``articles`` (see ``outlet_of``), sorted; no query."""
    return sorted({outlet_of(a.source) for a in articles if a.source.strip()}, key=str.casefold)


def _outlet_q(outlet: str, prefix: str) -> Q:
    """Articles whose source is ``outlet`` or a URL on that host (with or without ``www.``)."""
    field = f"{prefix}source"
    q = Q(**{f"{field}__iexact": outlet})
    for scheme in ("http://", "https://"):
        for host in (outlet, f"www.{outlet}"):
            q |= Q(**{f"{field}__iexact": f"{scheme}{host}"}) | Q(**{f"{field}__istartswith": f"{scheme}{host}/"})
    return q


def _filtered_story_events(story_q: Q, filters: StoryFilters) -> QuerySet[StoryEvent]:
    events = StoryEvent.objects.filter(story_q)
    statuses = [s for s in filters.statuses if s in SHOWN_STATUSES] if filters.statuses else list(SHOWN_STATUSES)
    events = events.filter(status__in=statuses)
    if filters.start is not None:
        events = events.filter(latest__gte=filters.start)
    if filters.end is not None:
        events = events.filter(earliest__lte=filters.end)
    mention_q = Q()
    if filters.article_ids:
        mention_q &= Q(event__article_id__in=list(filters.article_ids))
    if filters.outlet:
        mention_q &= _outlet_q(filters.outlet, "event__article__")
    if filters.entity:
        # Sentences not read for entities yet (``story_entities``) fall back to the name in their text,
        # so an unread story never answers "nothing matches". The entities app reads sentences for
        # stories; its rows are reached here through the sentence's ``entities`` relation.
        if filters.entity_names:
            naming = Sentence.objects.filter(entities__text__in=filters.entity_names).values("pk")
        else:
            naming = Sentence.objects.filter(entities__text__iexact=filters.entity).values("pk")
        mention_q &= Q(event__sentence_id__in=naming) | Q(
            event__sentence__entity_scan__isnull=True, event__sentence__text__icontains=filters.entity
        )
    keyword_q = Q()
    if filters.keyword:
        keyword_q = Q(title__icontains=filters.keyword) | Q(
            pk__in=StoryMention.objects.filter(
                Q(event__sentence__text__icontains=filters.keyword) | Q(event__title__icontains=filters.keyword)
            ).values("story_event")
        )
        events = events.filter(keyword_q)
    if mention_q:
        events = events.filter(pk__in=StoryMention.objects.filter(mention_q).values("story_event"))
    return events


def story_event_search(*, query: str) -> QuerySet[StoryEvent]:
    """Shown story events whose title holds every word of ``query``, with their story, newest first."""
    words = query_words(query)
    if not words:
        return StoryEvent.objects.none()
    return (
        StoryEvent.objects.filter(all_words_q(words, ("title",)), status__in=SHOWN_STATUSES)
        .select_related("story")
        .order_by(F("earliest").desc(), "-id")
    )


def story_search(*, query: str) -> QuerySet[Story]:
    """Stories whose name holds every word of ``query``."""
    words = query_words(query)
    return Story.objects.filter(all_words_q(words, ("name",))).order_by("name") if words else Story.objects.none()


def key_date_rows(*, story: Story, candidates: int = 30) -> QuerySet[dict[str, Any]]:
    """Mention rows (``MENTION_COLUMNS``) of the story's most widely reported shown happenings:
    the ``candidates`` with most distinct articles, then mentions, for ``key_dates`` to rank.
    One query (the candidates are a subquery)."""
    shown = with_source_counts(StoryEvent.objects.filter(story=story, status__in=SHOWN_STATUSES))
    best = shown.order_by("-source_count", "-mention_count", "earliest", "id").values("pk")[:candidates]
    return (
        StoryMention.objects.filter(story_event_id__in=best)
        .exclude(event__status=Event.Status.HIDDEN)
        .values(*MENTION_COLUMNS)
        .order_by("story_event_id", "event__article_id", "id")
    )
