"""Every write to the timeline tables goes through these functions.

The engine's parse is slow, so it always runs before the write transaction opens;
the transactions only hold the bulk inserts and updates.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from timeline import temporal
from timeline.analysis.curated import apply_edits, mark_curated, range_value
from timeline.analysis.drafts import ArticleDraft, article_date_problem, article_draft
from timeline.analysis.rows import fit, store_extraction
from timeline.exceptions import DuplicateArticle, ImportRejected, MergeRejected
from timeline.models import Article, Event
from timeline.signals import send_events_changed
from timeline.temporal.errors import InputError
from timeline.temporal.types import Extraction

EDITABLE_EVENT_FIELDS = ("title", "notes", "status", "earliest", "latest", "value", "granularity")


IMPORTED, DUPLICATE, REFUSED = "imported", "duplicate", "refused"


@dataclass(frozen=True)
class ImportOutcome:
    """What became of one analysed article: stored (``article`` is new), a duplicate (``article``
    is the stored original) or refused (``reason`` says why; nothing stored); ``warnings`` are for
    the person who imported it."""

    status: str
    article: Article | None
    events: int = 0
    warnings: tuple[str, ...] = ()
    reason: str = ""


def import_one(*, draft: ArticleDraft, extraction: Extraction) -> ImportOutcome:
    """Store one analysed draft: the one write every import path makes (the form, the command
    line's batch stream, the background thread and the Celery task differ only in how they
    produce the draft and its extraction). Call inside your own transaction to commit other
    rows with it (a queue item's state, a story link)."""
    if len(extraction.events) > settings.TIMELINE_MAX_EVENTS:
        reason = (
            f"{len(extraction.events):,} events from one text is more than the {settings.TIMELINE_MAX_EVENTS:,} "
            "an article may hold: is it many articles in one file? Split it and import the parts."
        )
        return ImportOutcome(REFUSED, None, len(extraction.events), reason=reason)
    try:
        article = article_store(draft=draft, extraction=extraction)
    except DuplicateArticle as exc:
        return ImportOutcome(DUPLICATE, exc.article)
    return ImportOutcome(IMPORTED, article, len(extraction.events), _import_warnings(extraction))


def _import_warnings(extraction: Extraction) -> tuple[str, ...]:
    many = settings.TIMELINE_MANY_EVENTS
    if len(extraction.events) <= many:
        return ()
    return (
        f"{len(extraction.events):,} events from one text is unusually many (more than {many:,}): was it several "
        "articles pasted together? Check the timeline, or split the text and import it again.",
    )


def article_import(
    *,
    text: str,
    title: str,
    published: date | None = None,
    source: str | None = None,
    prefer: str = "auto",
    url: str = "",
    place: str = "",
) -> Article:
    """Analyse ``text`` and store it with its sentences, time expressions and proposed events.

    ``published`` is the article's date (DCT); when None the engine infers it. An empty
    ``title`` becomes the headline; an empty ``place`` comes from the dateline.
    Raises ``ImportRejected`` for unusable input and ``DuplicateArticle`` when the
    same text (up to whitespace) is already stored.
    """
    draft = article_draft(text=text, title=title, published=published, source=source, url=url, place=place)
    _raise_if_duplicate(draft.content_hash)
    outcome = import_one(draft=draft, extraction=_run_engine(draft.text, draft.published, prefer))
    if outcome.status == DUPLICATE:
        raise DuplicateArticle(outcome.article)
    if outcome.status == REFUSED:
        raise ImportRejected(outcome.reason)
    return outcome.article


def article_store(*, draft: ArticleDraft, extraction: Extraction) -> Article:
    """Write an analysed draft as a new article in one transaction (``import_one`` calls it).

    Raises ``DuplicateArticle`` when the same text is already stored.
    """
    try:
        with transaction.atomic():
            article = Article.objects.create(
                title=draft.title,
                source=draft.source,
                url=draft.url,
                place=draft.place,
                text=draft.text,
                content_hash=draft.content_hash,
            )
            store_extraction(article, extraction, given_dct=draft.published)
    except IntegrityError:
        # Another import of the same text won the race; the unique hash caught it.
        _raise_if_duplicate(draft.content_hash)
        raise
    return article


def article_reanalyse(*, article: Article, prefer: str = "auto") -> Article:
    """Re-run the engine on the stored text, keeping every event a person touched.

    A DCT the user gave is kept; an inferred (or missing) one is inferred again.
    Every event whose sentence and phrase are still found keeps its id (matched on
    its content key): untouched ones take the engine's new title and dates, touched
    ones survive field for field and are only re-linked. A vanished untouched event
    is deleted and leaves a tombstone; a vanished touched one stays with NULL links.
    """
    given_dct = article.published if article.published and not article.dct_inferred else None
    extraction = _run_engine(article.text, given_dct, prefer)
    with transaction.atomic():
        article = Article.objects.select_for_update().get(pk=article.pk)
        _replace_analysis(article, extraction, given_dct=given_dct)
    return article


def article_update(
    *, article: Article, title: str, source: str, published: date | None, prefer: str = "auto"
) -> Article:
    """Edit title, source and DCT. A changed DCT counts as given (None: infer it) and re-analyses."""
    title = " ".join(title.split())
    if not title:
        raise ValidationError({"title": "The title cannot be empty."})
    stored = Article.objects.get(pk=article.pk)
    dct_changed = published != stored.published
    extraction = _run_engine(stored.text, published, prefer) if dct_changed else None
    with transaction.atomic():
        article = Article.objects.select_for_update().get(pk=article.pk)
        article.title = fit(Article, "title", title)
        article.source = source.strip()
        if extraction is not None and published is not None:
            article.published = published
            article.dct_inferred = False
            article.dct_evidence = "Set by a curator."
            article.dct_confidence = 1.0
        article.full_clean(exclude=["text", "content_hash"])
        article.save()
        if extraction is not None:
            _replace_analysis(article, extraction, given_dct=published)
    return article


def articles_set_dates(*, dates: Mapping[int, date]) -> list[Article]:
    """Give undated (or wrongly dated) articles their publication dates, as given by a person, in
    one transaction and without re-running the engine (queue ``article_reanalyse`` for that).

    ``dates`` maps article ids to dates; raises ``ValidationError`` naming every date out of range
    (then nothing is saved) and ``Article.DoesNotExist`` for an unknown id.
    """
    problems = {pk: problem for pk, day in dates.items() if (problem := article_date_problem(day))}
    if problems:
        raise ValidationError([f"Article {pk}: {problem}" for pk, problem in sorted(problems.items())])
    with transaction.atomic():
        articles = {a.pk: a for a in Article.objects.select_for_update().filter(pk__in=list(dates))}
        if missing := set(dates) - set(articles):
            raise Article.DoesNotExist(f"No article with id {', '.join(map(str, sorted(missing)))}.")
        for pk, day in dates.items():
            article = articles[pk]
            article.published, article.dct_inferred = day, False
            article.dct_evidence, article.dct_confidence = "Set by a curator.", 1.0
        Article.objects.bulk_update(articles.values(), ["published", "dct_inferred", "dct_evidence", "dct_confidence"])
    return [articles[pk] for pk in dates]


def article_delete(*, article: Article) -> None:
    """Delete the article with its sentences, expressions and events (nothing else)."""
    with transaction.atomic():
        article.delete()


def event_merge(*, events: Iterable[Event], into: Event) -> Event:
    """Merge ``events`` into ``into`` (or the event it is itself merged into) and return that survivor.

    A merge says "these are the same happening": the merged events keep their rows,
    point at the survivor and count as curated; the survivor keeps its own dates
    (a curator edits them if they are wrong). Events may come from any article.
    """
    events = list(events)
    with transaction.atomic():
        target = _merge_root(into)
        others = {e.pk for e in events} - {into.pk}
        if into.pk in {e.pk for e in events} and not others:
            raise MergeRejected("An event cannot be merged into itself.", code="merge_self")
        if not others:
            raise MergeRejected("Choose at least one other event to merge.", code="merge_empty")
        if target.pk in others:
            raise MergeRejected(
                f'"{into}" is already merged into "{target}"; merging them again would make a cycle.',
                code="merge_cycle",
            )
        merged = list(Event.objects.select_for_update().filter(pk__in=others))
        for event in merged:
            event.merged_into = target
            mark_curated(event, ["merged_into"])
            event.updated = timezone.now()  # bulk_update skips auto_now
        Event.objects.bulk_update(merged, ["merged_into", "curated", "curated_fields", "updated"])
        # Flatten: whatever was merged into the merged events now points at the root.
        Event.objects.filter(merged_into__in=others).update(merged_into=target, updated=timezone.now())
        send_events_changed({target.article_id, *(e.article_id for e in merged)})
    return target


def event_unmerge(*, events: Iterable[Event]) -> list[Event]:
    """Undo merges: each of ``events`` that is merged into another shows on its own again.

    Returns the events that were unmerged (the others are left alone). They stay
    curated, so re-analysis keeps the person's decision.
    """
    with transaction.atomic():
        changed = list(
            Event.objects.select_for_update().filter(pk__in=[e.pk for e in events], merged_into__isnull=False)
        )
        # The survivors' articles change too: their story events lose a member.
        survivors = Event.objects.filter(pk__in={e.merged_into_id for e in changed}).values_list(
            "article_id", flat=True
        )
        affected = {*survivors, *(e.article_id for e in changed)}
        for event in changed:
            event.merged_into = None
            mark_curated(event, ["merged_into"])
            event.updated = timezone.now()  # bulk_update skips auto_now
        Event.objects.bulk_update(changed, ["merged_into", "curated", "curated_fields", "updated"])
        send_events_changed(affected)
    return changed


def event_set_dates(*, event: Event, earliest: date, latest: date) -> Event:
    """Set the event's date range by hand; raises ValidationError if earliest > latest."""
    return event_update(event=event, earliest=earliest, latest=latest)


def event_set_status(*, events: Iterable[Event], status: str) -> list[Event]:
    """Approve or hide events (or send them back to proposed); marks them curated."""
    if status not in Event.Status.values:
        raise ValidationError({"status": f"Unknown status {status!r}; use one of {', '.join(Event.Status.values)}."})
    with transaction.atomic():
        changed = list(Event.objects.select_for_update().filter(pk__in=[e.pk for e in events]))
        for event in changed:
            event.status = status
            mark_curated(event, ["status"])
            event.updated = timezone.now()  # bulk_update skips auto_now
        Event.objects.bulk_update(changed, ["status", "curated", "curated_fields", "updated"])
        send_events_changed(e.article_id for e in changed)
    return changed


def event_update(*, event: Event, **fields: Any) -> Event:
    """Edit title/notes/status/dates/value/granularity; changed fields count as curated.

    Dates are validated (earliest <= latest) with a ValidationError naming the field.
    A date change without a new ``value`` rewrites the value to match the range.
    """
    unknown = set(fields) - set(EDITABLE_EVENT_FIELDS)
    if unknown:
        raise ValidationError(f"These event fields cannot be edited: {', '.join(sorted(unknown))}.")
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=event.pk)
        changed = apply_edits(event, fields)
        if {"earliest", "latest"} & set(changed) and "value" not in fields:
            event.value = range_value(event.earliest, event.latest)
            changed.append("value")
        if not changed:
            return event
        mark_curated(event, changed)
        event.full_clean(exclude=["article", "sentence", "expression", "merged_into"])
        event.save()
        send_events_changed([event.article_id])
    return event


def _raise_if_duplicate(digest: str) -> None:
    existing = Article.objects.filter(content_hash=digest).first()
    if existing is not None:
        raise DuplicateArticle(existing)


def _run_engine(text: str, dct: date | None, prefer: str) -> Extraction:
    try:
        # Looked up at call time so tests (and a later batch engine) can swap the entry point.
        return temporal.extract(text, dct, prefer)
    except InputError as exc:
        raise ImportRejected(str(exc)) from exc


def _replace_analysis(article: Article, extraction: Extraction, *, given_dct: date | None) -> None:
    events = Event.objects.filter(article=article)
    # Lock them first: a curator's save committed between reading "touched" and the
    # update below would otherwise be overwritten (PostgreSQL; SQLite's IMMEDIATE
    # transactions already serialise).
    existing = list(events.select_for_update())
    touched = set(events.filter(_touched_condition()).values_list("pk", flat=True))
    # Deleting sentences cascades to expressions; events keep their rows (SET_NULL links)
    # and store_extraction re-links each one whose key is still produced.
    article.sentences.all().delete()
    for event in existing:
        event.sentence, event.expression = None, None
    store_extraction(article, extraction, given_dct=given_dct, existing=existing, touched=touched)


def _touched_condition() -> Q:
    """Events a person has acted on; re-analysis never replaces these."""
    return (
        Q(curated=True)
        | ~Q(status=Event.Status.PROPOSED)
        | Q(merged_into__isnull=False)
        | Q(merged_events__isnull=False)
        | ~Q(notes="")
    )


def _merge_root(event: Event) -> Event:
    seen: set[int] = set()
    current = Event.objects.select_for_update().get(pk=event.pk)
    while current.merged_into_id is not None:
        if current.pk in seen:
            raise MergeRejected("These events are merged in a cycle; unmerge one first.", code="merge_cycle")
        seen.add(current.pk)
        current = Event.objects.select_for_update().get(pk=current.merged_into_id)
    return current
