"""Celery tasks: thin wrappers over ``timeline.jobs.services`` carrying only an item or batch id.

Acknowledged late and rejected when their worker dies, so a killed worker's item goes
back to the queue; transient database errors are retried with backoff; any other
error refuses the item with its reason and is raised, so the rest of the batch goes on.
"""

from __future__ import annotations

from datetime import timedelta

from celery import shared_task
from django.conf import settings

from timeline.jobs import recovery, services
from timeline.jobs.runner import TRANSIENT_ERRORS, run_item

TASK_OPTIONS = {
    "acks_late": True,
    "reject_on_worker_lost": True,
    "autoretry_for": TRANSIENT_ERRORS,
    "retry_backoff": 2,
    "retry_backoff_max": 120,
    "retry_jitter": True,
    "max_retries": 8,
    "ignore_result": True,
}


def run_item_task(item_id: int) -> None:
    """Import or re-analyse one pending item (its batch's kind says which), then send the bookkeeping task."""
    # One try here: Celery retries transient errors itself (autoretry_for), with backoff.
    run_item(item_id, refresh=refresh_batch.delay)


# One task under two names: the kind of work reads in the workers' logs, and messages
# already queued under either name keep working.
import_item = shared_task(name="jobs.import_item", **TASK_OPTIONS)(run_item_task)
reanalyse_item = shared_task(name="jobs.reanalyse_item", **TASK_OPTIONS)(run_item_task)


@shared_task(name="jobs.refresh_batch", **TASK_OPTIONS)
def refresh_batch(batch_id: int) -> None:
    """Batch bookkeeping: mark it finished once no item is pending."""
    services.batch_refresh(batch_id=batch_id)


@shared_task(name="jobs.resume_pending", ignore_result=True)
def resume_pending() -> int:
    """Re-queue lost and lapsed items (run by ``celery beat`` every ``TIMELINE_LEASE_SECONDS``); see ``recovery``."""
    return len(recovery.items_resume(older_than=timedelta(seconds=settings.TIMELINE_RESUME_AFTER)))


def send_task(item_id: int, kind: str) -> None:
    """Send the task matching the item's batch kind."""
    task = reanalyse_item if kind == "reanalyse" else import_item
    task.apply_async(args=[item_id])
