"""Send again what was lost: queued items whose message vanished, analysed items whose lease lapsed.

Run by a starting worker, by beat (``jobs.resume_pending``), by ``resume_imports``, by the
batch admin's action and by ``runapp``. Safe at any time and from several places at once:
a task for a settled item does nothing, a task meeting a standing lease does nothing, and
the first result stored is the one kept.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import timedelta

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from timeline.jobs.leases import current_verdict
from timeline.jobs.models import PENDING_STATES, ImportBatch, ImportItem
from timeline.jobs.services import batch_refresh, items_announce

logger = logging.getLogger(__name__)
State = ImportItem.State


def items_resume(*, older_than: timedelta, batch_ids: Sequence[int] | None = None) -> list[int]:
    """Send again every queued item unchanged for ``older_than`` and every analysed item whose
    lease lapsed (its heartbeat too old, or its process gone from this host); returns their ids.

    A lapsed item goes back to the queue, its lease cleared, so it counts as waiting again and
    the next resume leaves it alone until it waits ``older_than`` too.
    """
    now = timezone.now()
    pending = ImportItem.objects.filter(state__in=PENDING_STATES)
    if batch_ids is not None:
        pending = pending.filter(batch_id__in=batch_ids)
    with transaction.atomic():
        waiting = pending.filter(state=State.QUEUED, updated__lte=now - older_than).select_for_update()
        stuck = set(waiting.values_list("pk", flat=True))
        # Touch them so a second resume within the timeout does not send them again.
        ImportItem.objects.filter(pk__in=stuck).update(updated=now)
        stuck |= _requeue_lapsed(pending.filter(state=State.ANALYSING))
        ordered = list(
            ImportItem.objects.filter(pk__in=stuck).order_by("batch_id", "position").values_list("pk", flat=True)
        )
        transaction.on_commit(lambda: items_announce(item_ids=ordered))
    # A bookkeeping task lost with the broker leaves a settled batch unmarked: mark it here.
    for batch_id in _settled_unfinished_batches(batch_ids):
        batch_refresh(batch_id=batch_id)
    return ordered


def _requeue_lapsed(analysing: QuerySet[ImportItem]) -> set[int]:
    """Put back in the queue the items of ``analysing`` whose lease lapsed; returns their ids."""
    lapsed: set[int] = set()
    for pk, owner, beat in analysing.select_for_update().values_list("pk", "lease_owner", "lease_heartbeat"):
        verdict = current_verdict(owner=owner, heartbeat=beat)
        if verdict.stands:
            continue
        # Only if the lease is still the one judged: a heartbeat or a claim in between wins.
        if ImportItem.objects.filter(pk=pk, state=State.ANALYSING, lease_owner=owner, lease_heartbeat=beat).update(
            state=State.QUEUED, lease_owner="", lease_heartbeat=None, updated=timezone.now()
        ):
            logger.warning("import item %s sent again: %s", pk, verdict.why)
            lapsed.add(pk)
    return lapsed


def _settled_unfinished_batches(batch_ids: Sequence[int] | None) -> list[int]:
    batches = ImportBatch.objects.filter(finished__isnull=True).exclude(items__state__in=PENDING_STATES)
    if batch_ids is not None:
        batches = batches.filter(pk__in=batch_ids)
    return list(batches.values_list("pk", flat=True))
