"""Send pending items to whatever runs them: Celery workers, or a thread in this process.

``settings.TIMELINE_TASK_RUNNER`` chooses:
- ``"celery"`` (the default when ``CELERY_BROKER_URL`` is set): one task per item on the broker;
- ``"thread"`` (the default without a broker, for a newcomer's one-command start): one
  background thread in the web process runs the items in order, so pages never wait;
- ``"inline"``: run at once in the caller (tests of the pages and services).
Whichever runs them, the item rows in the database are the truth; see ``items_resume``.
The services announce committed items with the ``items_queued`` signal; this module sends them.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

from django.conf import settings
from django.db import connection
from django.dispatch import receiver
from kombu.exceptions import OperationalError as BrokerUnavailable

from timeline.jobs import tasks
from timeline.jobs.models import ImportItem
from timeline.jobs.runner import run_locally
from timeline.jobs.signals import items_queued

logger = logging.getLogger(__name__)

_executor: ThreadPoolExecutor | None = None


@receiver(items_queued, dispatch_uid="timeline.jobs.dispatch.send_queued")
def _send_queued(sender: object, item_ids: Sequence[int], **kwargs: object) -> None:
    send_items(item_ids)  # looked up at call time, so a test can replace send_items


def send_items(item_ids: Sequence[int]) -> None:
    """Have each item run once (call after the items are committed)."""
    runner = settings.TIMELINE_TASK_RUNNER
    if runner == "celery":
        kinds = dict(ImportItem.objects.filter(pk__in=item_ids).values_list("pk", "batch__kind"))
        try:
            for item_id in item_ids:
                if item_id in kinds:
                    tasks.send_task(item_id, kinds[item_id])
        except BrokerUnavailable:
            # Celery already retried the publish. The items are safe in the database, pending:
            # the page answers and a starting worker, beat or resume_imports sends them later.
            logger.error(
                "broker unreachable: %d import item(s) stay pending until resumed", len(item_ids), exc_info=True
            )
    elif runner == "thread":
        for item_id in item_ids:
            _local_executor().submit(_run_in_thread, item_id)
    elif runner == "inline":
        for item_id in item_ids:
            run_locally(item_id)
    else:
        raise ValueError(f"Unknown TIMELINE_TASK_RUNNER {runner!r}; use celery, thread or inline.")


def _run_in_thread(item_id: int) -> None:
    try:
        run_locally(item_id)
    except Exception:
        # The item is settled as refused (or left pending for a resume); the thread must live on.
        logger.exception("import item %s failed", item_id)
    finally:
        connection.close()  # this thread's own connection


def _local_executor() -> ThreadPoolExecutor:
    global _executor
    if _executor is None:
        # One thread: the engine uses both cores' worth of numpy already; more threads only contend.
        _executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="timeline-import")
    return _executor
