"""Send pending items to whatever runs them: Celery workers, or a thread in this process.

``settings.TIMELINE_TASK_RUNNER`` chooses:
- ``"celery"`` (the default when ``CELERY_BROKER_URL`` is set): one task per item on the broker;
- ``"thread"`` (the default without a broker, for a newcomer's one-command start): one
  background thread in the web process runs the items in order, so pages never wait;
- ``"inline"``: run at once in the caller (tests of the pages and services).
Whichever runs them, the item rows in the database are the truth; see ``items_resume``.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor

from django.conf import settings
from django.db import InterfaceError, OperationalError, connection
from kombu.exceptions import OperationalError as BrokerUnavailable

logger = logging.getLogger(__name__)

# Errors worth another try after a pause: the database restarting, a lock held too long.
TRANSIENT_ERRORS = (OperationalError, InterfaceError)
_LOCAL_RETRIES = 5
_executor: ThreadPoolExecutor | None = None


def send_items(item_ids: Sequence[int]) -> None:
    """Have each item run once (call after the items are committed)."""
    runner = settings.TIMELINE_TASK_RUNNER
    if runner == "celery":
        from timeline.jobs.models import ImportItem
        from timeline.jobs.tasks import send_task

        kinds = dict(ImportItem.objects.filter(pk__in=item_ids).values_list("pk", "batch__kind"))
        try:
            for item_id in item_ids:
                if item_id in kinds:
                    send_task(item_id, kinds[item_id])
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


def run_item(item_id: int, *, refresh: Callable[[int], None], tries: int = 1) -> None:
    """Run one item, then ``refresh(batch_id)``: what a Celery task and the local runners both do.

    A transient database error is tried ``tries`` times in all, with a growing pause, then
    raised (the item stays pending for a retry or ``items_resume``); any other error
    refuses the item with its reason and is raised.
    """
    from timeline.jobs import services

    for attempt in range(tries):
        try:
            item = services.item_run(item_id=item_id)
        except TRANSIENT_ERRORS:
            if attempt == tries - 1:
                raise
            time.sleep(2**attempt)
            continue
        except Exception as exc:
            services.item_refuse(item_id=item_id, reason=f"Internal error ({type(exc).__name__}): {exc}")
            raise
        if item is not None:
            refresh(item.batch_id)
        return


def run_locally(item_id: int) -> None:
    """Run one item in this process, retrying transient database errors with a growing pause."""
    from timeline.jobs import services

    run_item(item_id, refresh=lambda batch_id: services.batch_refresh(batch_id=batch_id), tries=_LOCAL_RETRIES)


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
