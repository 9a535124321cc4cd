"""Reads for batches: who may see one, its items, its progress counts and the articles it led to."""

from __future__ import annotations

from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import Count, Max, Min, Q, QuerySet

from timeline.jobs.models import PENDING_STATES, ImportBatch, ImportItem
from timeline.jobs.progress import BatchProgress, progress_from, progress_of

ITEM_COLUMNS = ("id", "position", "name", "state", "reason", "warning", "events", "article_id", "article__title")


def batch_visible_to(*, user: AbstractBaseUser) -> QuerySet[ImportBatch]:
    """Batches ``user`` may see: their own; every batch for those allowed to view batches in the admin."""
    batches = ImportBatch.objects.select_related("story")
    if not user.is_authenticated:
        return batches.none()
    if user.has_perm("jobs.view_importbatch"):
        return batches
    return batches.filter(created_by=user)


def batch_items(*, batch: ImportBatch) -> QuerySet[ImportItem]:
    """The batch's items in upload order, without their texts."""
    return ImportItem.objects.filter(batch=batch).select_related("article").only(*ITEM_COLUMNS).order_by("position")


def batch_progress(*, batch: ImportBatch, since: int | None = None) -> BatchProgress:
    """The batch's counts with every item's row (one query); or, given ``since`` (a cursor from an
    earlier progress), the counts with only the items from that position on that have left the queue:
    all that can have changed for whoever saw that earlier progress (two queries)."""
    if since is None:
        return progress_of(batch, list(batch_items(batch=batch)))
    # Counted first: an item settling between the two queries is then sent again next time, never skipped.
    totals = ImportItem.objects.filter(batch=batch).aggregate(
        first_pending=Min("position", filter=Q(state__in=PENDING_STATES)), last=Max("position"),
        **{state: Count("pk", filter=Q(state=state)) for state in ImportItem.State.values},
    )  # fmt: skip
    first_pending, last = totals.pop("first_pending"), totals.pop("last")
    cursor = first_pending if first_pending is not None else (last + 1 if last is not None else 0)
    moved = batch_items(batch=batch).filter(position__gte=since).exclude(state=ImportItem.State.QUEUED)
    return progress_from(batch, {state: n for state, n in totals.items() if n}, list(moved), cursor)


def batch_article_ids(*, batch: ImportBatch) -> QuerySet[ImportItem, int]:
    """The ids of the articles the batch's items stored, re-analysed or found as duplicates."""
    return (
        ImportItem.objects.filter(batch=batch, article__isnull=False)
        .order_by().values_list("article_id", flat=True).distinct()
    )  # fmt: skip
