"""The heartbeat of a lease: a small thread refreshing it while the engine runs one item.

The engine call for one article can take tens of seconds and cannot be interrupted to
write a row, so a daemon thread does it, on its own database connection. It stops when the
item is settled, when the lease passed to another worker, or when the work ends.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import DatabaseError, connection
from django.utils import timezone

from timeline.jobs.models import ImportItem

logger = logging.getLogger(__name__)


@contextmanager
def heartbeat(*, item_id: int, owner: str, every: float) -> Iterator[None]:
    """Refresh ``owner``'s lease on the item every ``every`` seconds until the block ends."""
    stop = threading.Event()
    beats = threading.Thread(target=_beat, args=(item_id, owner, every, stop), name=f"lease-{item_id}", daemon=True)
    beats.start()
    try:
        yield
    finally:
        stop.set()
        beats.join(timeout=max(every, 5.0))


def _beat(item_id: int, owner: str, every: float, stop: threading.Event) -> None:
    used_database = False
    try:
        while not stop.wait(every):
            used_database = True
            try:
                held = ImportItem.objects.filter(
                    pk=item_id, state=ImportItem.State.ANALYSING, lease_owner=owner
                ).update(lease_heartbeat=timezone.now())
            except DatabaseError:
                # A locked or restarting database: the next beat tries again; the lease
                # only lapses if every beat within the lease timeout fails.
                logger.warning("lease heartbeat of import item %s failed", item_id, exc_info=True)
                continue
            if not held:
                logger.warning("import item %s: %s no longer holds its lease", item_id, owner)
                return
    finally:
        if used_database:
            connection.close()  # this thread's own connection
