"""What every export format writes: a story (or one article) as plain dataclasses, read in few queries.

Offsets are character offsets into the article's text as stored at import; an
article's source is given as imported, except that a server file path is cut to
its file name (older imports stored absolute paths, which must never leave the server).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property
from pathlib import PureWindowsPath
from typing import Any

from timeline import selectors as timeline_selectors
from timeline.models import Article, Event, TemporalExpression
from timeline.stories import selectors
from timeline.stories.counting import SourceCount, by_article, source_count
from timeline.stories.key_dates import Candidate, KeyDate, MentionText, key_dates
from timeline.stories.models import Story, StoryEvent

_WINDOWS_PATH = re.compile(r"^[A-Za-z]:[\\/]|^\\\\")


def public_source(source: str) -> str:
    """``source`` as given, unless it is a server path: then only its file name."""
    text = source.strip()
    if text.lower().startswith("file:"):
        text = text[5:].lstrip("/")
        return PureWindowsPath(text).name if "\\" in text else text.rsplit("/", 1)[-1]
    if text.startswith(("/", "~")) or _WINDOWS_PATH.match(text):
        return PureWindowsPath(text).name if "\\" in text else text.rsplit("/", 1)[-1]
    return text


@dataclass(frozen=True)
class ExportArticle:
    id: int
    title: str
    published: date | None
    source: str
    url: str = ""


@dataclass(frozen=True)
class ExportMention:
    article_id: int
    article_source: str
    sentence_start: int | None
    sentence_end: int | None
    phrase_start: int | None
    phrase_end: int | None
    sentence: str
    phrase: str = ""
    article_title: str = ""
    event_id: int = 0


@dataclass(frozen=True)
class ExportEvent:
    id: int
    title: str
    earliest: date
    latest: date
    value: str
    granularity: str
    status: str
    mentions: tuple[ExportMention, ...] = ()

    @cached_property
    def count(self) -> SourceCount:
        """Its sources (distinct articles), their outlets and its mentions, as the story page counts them."""
        return source_count((m.article_id, m.article_source) for m in self.mentions)

    @cached_property
    def articles(self) -> list[list[ExportMention]]:
        """The mentions gathered per article: one entry per source."""
        return by_article(self.mentions, lambda m: m.article_id)


@dataclass(frozen=True)
class ExportDocument:
    """A story (``story`` its name) or one article (``story`` None) ready to be written out."""

    story: str | None
    slug: str
    articles: tuple[ExportArticle, ...]
    events: tuple[ExportEvent, ...]
    approved_only: bool = False
    expression_ids: frozenset[int] = field(default_factory=frozenset)
    filtered_by: tuple[tuple[str, str], ...] = ()  # (filter, value) pairs a filtered export was made with


def _article(article: Article) -> ExportArticle:
    return ExportArticle(article.pk, article.title, article.published, public_source(article.source), article.url)


def story_document(
    *,
    story: Story,
    approved_only: bool = False,
    filters: selectors.StoryFilters = selectors.StoryFilters(),
    filtered_by: tuple[tuple[str, str], ...] = (),
) -> ExportDocument:
    """The story's shown events the filters keep (or only approved ones) with their mentions: two
    queries. ``filtered_by`` names the filters in words, for the file to say what it holds."""
    if approved_only:
        filters = replace(filters, statuses=(StoryEvent.Status.APPROVED,))
    rows = selectors.story_mention_rows(story=story, filters=filters)
    grouped = selectors.by_story_event(rows.values(*selectors.MENTION_COLUMNS, *selectors.EXPORT_COLUMNS))
    events = tuple(
        ExportEvent(first["story_event_id"], first["story_event__title"], first["story_event__earliest"],
                    first["story_event__latest"], first["story_event__value"], first["story_event__granularity"],
                    first["story_event__status"], tuple(_mention(row) for row in mentions))
        for first, mentions in grouped
    )  # fmt: skip
    expression_ids = {row["event__expression_id"] for _, mentions in grouped for row in mentions}
    expression_ids.discard(None)
    articles = tuple(_article(a) for a in selectors.story_articles(story=story))
    return ExportDocument(
        story.name, story.slug, articles, events, approved_only, frozenset(expression_ids), filtered_by
    )


def _mention(row: dict[str, Any]) -> ExportMention:
    return ExportMention(
        article_id=row["event__article_id"], article_source=public_source(row["event__article__source"] or ""),
        sentence_start=row["event__sentence__start"], sentence_end=row["event__sentence__end"],
        phrase_start=row["event__expression__start"], phrase_end=row["event__expression__end"],
        sentence=row["event__sentence__text"] or "", phrase=row["event__expression__text"] or "",
        article_title=row["event__article__title"], event_id=row["event_id"],
    )  # fmt: skip


def article_document(*, article: Article, approved_only: bool = False) -> ExportDocument:
    """One article's shown events (or only approved ones), each its own single mention: one query."""
    statuses = [Event.Status.APPROVED] if approved_only else None
    source = public_source(article.source)
    events, expression_ids = [], set()
    for event in timeline_selectors.event_list(article_ids=[article.pk], statuses=statuses):
        sentence, expression = event.sentence, event.expression
        mention = ExportMention(
            article_id=article.pk, article_source=source,
            sentence_start=sentence.start if sentence else None,
            sentence_end=sentence.start + len(sentence.text) if sentence else None,
            phrase_start=expression.start if expression else None, phrase_end=expression.end if expression else None,
            sentence=sentence.text if sentence else "", phrase=expression.text if expression else "",
            article_title=article.title, event_id=event.pk,
        )  # fmt: skip
        if event.expression_id:
            expression_ids.add(event.expression_id)
        events.append(ExportEvent(event.pk, event.title, event.earliest, event.latest, event.value,
                                  event.granularity, event.status, (mention,)))  # fmt: skip
    return ExportDocument(None, f"article-{article.pk}", (_article(article),), tuple(events), approved_only,
                          frozenset(expression_ids))  # fmt: skip


def articles_with_expressions(document: ExportDocument) -> list[tuple[Article, list[TemporalExpression]]]:
    """Each article of ``document`` with its text and time expressions (for TimeML): two queries."""
    ids = [a.id for a in document.articles]
    articles = {a.pk: a for a in Article.objects.filter(pk__in=ids)}
    expressions: dict[int, list[TemporalExpression]] = {pk: [] for pk in ids}
    for expression in TemporalExpression.objects.filter(article_id__in=ids).order_by("article_id", "start", "index"):
        expressions[expression.article_id].append(expression)
    return [(articles[pk], expressions[pk]) for pk in ids if pk in articles]


def document_key_dates(document: ExportDocument) -> list[KeyDate]:
    """The story's key dates among the exported happenings (none for one article's export)."""
    if document.story is None:
        return []
    return key_dates(
        Candidate(
            e.id, e.title, e.earliest, e.latest,
            tuple(MentionText(m.article_id, m.article_source, m.sentence, m.sentence_start) for m in e.mentions),
            e.value, e.granularity,
        )
        for e in document.events
    )  # fmt: skip
