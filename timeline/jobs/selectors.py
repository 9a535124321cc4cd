"""Reads for batches: who may see one, its items and its progress counts."""

from __future__ import annotations

from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import QuerySet

from timeline.jobs.models import ImportBatch, ImportItem
from timeline.jobs.progress import BatchProgress, progress_of

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


def batch_progress(*, batch: ImportBatch) -> BatchProgress:
    """The batch's counts and every item's row, from one query."""
    return progress_of(batch, list(batch_items(batch=batch)))
