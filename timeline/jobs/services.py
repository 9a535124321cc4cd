"""Writes for queued work (keyword-only, atomic): create batches, run one item under its lease, settle it.

``item_run`` is what every task and the in-process runner call. It is idempotent: the
item row is locked and its state checked in the same transaction that stores the
article, and the content hash decides duplicates, so a retried, redelivered or
duplicated task never creates a second article. Resuming stuck items is ``recovery``'s.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from timeline import temporal
from timeline.analysis.drafts import article_draft
from timeline.analysis.rows import fit
from timeline.exceptions import ImportRejected
from timeline.jobs.heartbeat import heartbeat
from timeline.jobs.leases import current_verdict, heartbeat_interval, lease_timeout, worker_identity
from timeline.jobs.models import FINAL_STATES, PENDING_STATES, ImportBatch, ImportItem
from timeline.jobs.signals import items_queued
from timeline.models import Article
from timeline.services import DUPLICATE, REFUSED, article_reanalyse, articles_set_dates, import_one
from timeline.stories.models import Story
from timeline.stories.services import story_add_articles, story_get_or_create
from timeline.stories.signals import regroup_deferred, regroup_stories
from timeline.temporal.errors import InputError

logger = logging.getLogger(__name__)
State = ImportItem.State
# A worker that dies on the same item this many times (out of memory, a crash in a
# native library) will die again: the item is refused instead of killing workers forever.
MAX_ATTEMPTS = 3


@dataclass(frozen=True)
class ItemInput:
    """One article for ``batch_create``: its text (already decoded) and optional metadata.

    ``refused`` holds the reason when the file could not even be read; such an item is
    stored already settled, so the batch page lists it beside the others.
    """

    name: str
    text: str = ""
    title: str = ""
    published: date | None = None
    source: str = ""
    url: str = ""
    place: str = ""
    prefer: str = "auto"
    refused: str = ""


def batch_create(
    *, items: Sequence[ItemInput], user: AbstractBaseUser | None = None, story_name: str = ""
) -> ImportBatch:
    """Store a batch of pending import items and send one task per readable item once committed."""
    if not items:
        raise ImportRejected("Nothing to import: give at least one file or a pasted text.")
    with transaction.atomic():
        story = story_get_or_create(name=story_name) if story_name.strip() else None
        batch = ImportBatch.objects.create(kind=ImportBatch.Kind.IMPORT, created_by=_saved(user), story=story)
        now = timezone.now()
        rows = ImportItem.objects.bulk_create(
            ImportItem(
                batch=batch,
                position=position,
                name=fit(ImportItem, "name", item.name or f"item {position + 1}"),
                text=item.text,
                title=fit(ImportItem, "title", item.title),
                published=item.published,
                source=fit(ImportItem, "source", item.source),
                url=item.url[:500],
                place=fit(ImportItem, "place", item.place),
                prefer=item.prefer,
                state=State.REFUSED if item.refused else State.QUEUED,
                reason=item.refused,
                finished=now if item.refused else None,
            )  # fmt: skip
            for position, item in enumerate(items)
        )
        queued = [row.pk for row in rows if row.state == State.QUEUED]
        if not queued:
            batch.finished = now
            batch.save(update_fields=["finished"])
        transaction.on_commit(lambda: items_announce(item_ids=queued))
    return batch


def batch_create_reanalysis(
    *, articles: Iterable[Article], user: AbstractBaseUser | None = None, prefer: str = "auto"
) -> ImportBatch:
    """A batch re-running the engine over ``articles`` (curated events are kept by ``article_reanalyse``)."""
    with transaction.atomic():
        batch = ImportBatch.objects.create(kind=ImportBatch.Kind.REANALYSE, created_by=_saved(user))
        rows = ImportItem.objects.bulk_create(
            ImportItem(
                batch=batch,
                position=position,
                name=fit(ImportItem, "name", article.title),
                article=article,
                prefer=prefer,
            )
            for position, article in enumerate(articles)
        )
        if not rows:
            batch.finished = timezone.now()
            batch.save(update_fields=["finished"])
        ids = [row.pk for row in rows]
        transaction.on_commit(lambda: items_announce(item_ids=ids))
    return batch


def articles_date_and_reanalyse(*, dates: Mapping[int, date], user: AbstractBaseUser | None = None) -> ImportBatch:
    """Date the articles as a person gave them, then queue their re-analysis against those dates
    (one batch; its page follows the work). Raises what ``articles_set_dates`` raises."""
    with transaction.atomic():
        articles = articles_set_dates(dates=dates)
        return batch_create_reanalysis(articles=articles, user=user)


def item_run(*, item_id: int) -> ImportItem | None:
    """Import or re-analyse one item unless it is already settled; returns it (None if it is gone).

    Refusals (unreadable text, engine input errors) settle the item with a reason. Any
    other exception leaves it pending for a retry or ``items_resume``. While the engine runs,
    this worker holds the item's lease and keeps it alive; a copy of the task arriving
    meanwhile finds the lease standing and does nothing.
    """
    owner = worker_identity()
    item, mine = _claim(item_id, owner)
    if not mine:
        return item
    with heartbeat(item_id=item.pk, owner=owner, every=heartbeat_interval(lease_timeout())):
        return _run_claimed(item)


def _run_claimed(item: ImportItem) -> ImportItem:
    """The work of ``item_run`` once this worker holds the item's lease."""
    if item.batch.kind == ImportBatch.Kind.REANALYSE:
        return _reanalyse(item)
    try:
        draft = article_draft(text=item.text, title=item.title, published=item.published, source=item.source,
                              url=item.url, place=item.place)  # fmt: skip
    except ImportRejected as exc:
        return _settle(item.pk, State.REFUSED, reason=str(exc))
    if Article.objects.filter(content_hash=draft.content_hash).exists():
        return _settle_duplicate(item.pk, draft.content_hash)
    try:
        extraction = temporal.extract(draft.text, draft.published, item.prefer)
    except InputError as exc:
        return _settle(item.pk, State.REFUSED, reason=str(exc))
    with transaction.atomic():  # the article, its story link and the item's state commit together
        locked = ImportItem.objects.select_for_update().select_related("batch").get(pk=item.pk)
        if locked.state in FINAL_STATES:
            return locked  # a duplicate delivery of this task finished first
        outcome = import_one(draft=draft, extraction=extraction)
        if outcome.status == REFUSED:
            return _settle(item.pk, State.REFUSED, reason=outcome.reason)
        if outcome.status == DUPLICATE:
            return _settle_duplicate(item.pk, draft.content_hash)
        _add_to_story(locked.batch.story, outcome.article)
        return _settle(item.pk, State.IMPORTED, article=outcome.article, events=outcome.events,
                       warning=" ".join(outcome.warnings))  # fmt: skip


def item_refuse(*, item_id: int, reason: str) -> ImportItem | None:
    """Settle a pending item as refused (an unexpected error its task could not recover from)."""
    with transaction.atomic():
        item = ImportItem.objects.select_for_update().filter(pk=item_id).first()
        if item is None or item.state in FINAL_STATES:
            return item
        return _settle(item_id, State.REFUSED, reason=reason)


def batch_refresh(*, batch_id: int) -> ImportBatch | None:
    """Bookkeeping: once none of its items is pending, regroup its stories and mark the batch finished.

    Items join their story without regrouping it (once per article would be quadratic), so
    the story is grouped here, once, before the batch says it is done and links to it.
    """
    with transaction.atomic():
        batch = ImportBatch.objects.select_for_update().filter(pk=batch_id).first()
        if batch is None or batch.finished is not None:
            return batch
        if not batch.items.filter(state__in=PENDING_STATES).exists():
            regroup_stories(_batch_story_ids(batch))
            batch.finished = timezone.now()
            batch.save(update_fields=["finished"])
    return batch


def _batch_story_ids(batch: ImportBatch) -> list[int]:
    if batch.kind == ImportBatch.Kind.IMPORT:
        return [batch.story_id] if batch.story_id is not None else []
    articles = batch.items.filter(article__isnull=False).values("article_id")
    return sorted(set(Story.objects.filter(articles__in=articles).values_list("pk", flat=True)))


def _claim(item_id: int, owner: str) -> tuple[ImportItem | None, bool]:
    """Take the item's lease for ``owner`` (one more attempt); returns the item and whether it was taken.

    Not taken when the item is settled, when another worker's lease on it still stands, or
    when it was started ``MAX_ATTEMPTS`` times already (it is refused instead). A lease held
    by ``owner`` itself is taken again: one process runs one item at a time, so its earlier
    run of this item ended without settling it (a transient error being retried).
    """
    with transaction.atomic():
        item = ImportItem.objects.select_for_update().select_related("batch").filter(pk=item_id).first()
        if item is None or item.state in FINAL_STATES:
            return item, False
        if item.state == State.ANALYSING and item.lease_owner != owner:
            verdict = current_verdict(owner=item.lease_owner, heartbeat=item.lease_heartbeat)
            if verdict.stands:
                logger.info("import item %s left to its worker: %s", item.pk, verdict.why)
                return item, False
            logger.warning("import item %s taken over by %s: %s", item.pk, owner, verdict.why)
        if item.attempts >= MAX_ATTEMPTS:
            reason = (
                f"The analysis stopped {item.attempts} times without finishing (its worker died each time); "
                "the text may be too large or malformed. Split it or check it, then import it again."
            )
            return _settle(item.pk, State.REFUSED, reason=reason), False
        now = timezone.now()
        # Compare and set on the attempt read above: where rows cannot be locked, the first of
        # two simultaneous claims wins and the other finds the row changed.
        taken = ImportItem.objects.filter(pk=item.pk, state=item.state, attempts=item.attempts).update(
            state=State.ANALYSING, attempts=item.attempts + 1, started=now, lease_owner=owner,
            lease_heartbeat=now, updated=now,
        )  # fmt: skip
        if not taken:
            return item, False
        item.state, item.attempts, item.started = State.ANALYSING, item.attempts + 1, now
        item.lease_owner, item.lease_heartbeat, item.updated = owner, now, now
        return item, True


def _reanalyse(item: ImportItem) -> ImportItem:
    if item.article_id is None:
        return _settle(item.pk, State.REFUSED, reason="The article was deleted before it could be re-analysed.")
    try:
        with regroup_deferred():  # the batch's stories are regrouped once, when it finishes
            article = article_reanalyse(article=item.article, prefer=item.prefer)
    except Article.DoesNotExist:
        return _settle(item.pk, State.REFUSED, reason="The article was deleted before it could be re-analysed.")
    except ImportRejected as exc:
        return _settle(item.pk, State.REFUSED, reason=str(exc))
    return _settle(item.pk, State.REANALYSED, article=article, events=article.events.count())


def _settle_duplicate(item_id: int, digest: str) -> ImportItem:
    with transaction.atomic():
        item = ImportItem.objects.select_for_update().select_related("batch").get(pk=item_id)
        if item.state in FINAL_STATES:
            return item
        original = Article.objects.get(content_hash=digest)
        # The person asked for this text in the story: the copy already stored joins it.
        _add_to_story(item.batch.story, original)
        reason = f"Same text as article {original.pk}, “{original.title}”; nothing new was stored."
        if item.published and item.published != original.published:
            stored = f"{original.published:%d %B %Y}" if original.published else "no date"
            reason += f" It was given the date {item.published:%d %B %Y}; the stored article keeps {stored}."
        return _settle(item_id, State.DUPLICATE, article=original, reason=reason)


def _settle(
    item_id: int,
    state: str,
    *,
    reason: str = "",
    article: Article | None = None,
    events: int | None = None,
    warning: str = "",
) -> ImportItem:
    with transaction.atomic():
        item = ImportItem.objects.select_for_update().get(pk=item_id)
        if item.state in FINAL_STATES:
            return item  # another delivery of the same task settled it first; its outcome stands
        item.state, item.reason, item.warning, item.events = state, reason, warning, events
        item.article = article if article is not None else item.article
        item.finished = timezone.now()
        item.save(update_fields=["state", "reason", "warning", "events", "article", "finished", "updated"])
    return item


def _add_to_story(story: Story | None, article: Article) -> None:
    if story is not None:  # grouped once for the whole batch, in batch_refresh
        story_add_articles(story=story, articles=[article], regroup=False)


def _saved(user: AbstractBaseUser | None) -> AbstractBaseUser | None:
    return user if user is not None and user.is_authenticated else None


def items_announce(*, item_ids: list[int]) -> None:
    """Say (after commit) that these items are pending and must run once."""
    items_queued.send(sender=ImportItem, item_ids=item_ids)
