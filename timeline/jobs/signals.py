"""Signals of the import jobs: the services announce, the dispatcher (connected in ``apps.ready``) acts."""

from __future__ import annotations

from django.dispatch import Signal

# Sent after commit with ``item_ids``: these items are pending and must run once.
items_queued = Signal()
