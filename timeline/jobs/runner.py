"""Run one import item where the caller is: the step a Celery task and the local runners share.

A transient database error is tried again after a growing pause; any other error refuses
the item with its reason and is raised, so the rest of the batch goes on.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from django.db import InterfaceError, OperationalError

from timeline.jobs import services

# Errors worth another try after a pause: the database restarting, a lock held too long.
TRANSIENT_ERRORS = (OperationalError, InterfaceError)
_LOCAL_RETRIES = 5


def run_item(item_id: int, *, refresh: Callable[[int], None], tries: int = 1) -> None:
    """Run one item, then ``refresh(batch_id)``: what a Celery task and the local runners both do.

    A transient database error is tried ``tries`` times in all, with a growing pause, then
    raised (the item stays pending for a retry or ``items_resume``); any other error
    refuses the item with its reason and is raised.
    """
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
    run_item(item_id, refresh=lambda batch_id: services.batch_refresh(batch_id=batch_id), tries=_LOCAL_RETRIES)
