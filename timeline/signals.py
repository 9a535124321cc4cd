"""Signals the timeline app sends so other apps can follow curator edits without the timeline
depending on them: bulk updates (merge, status) send no ``post_save``.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.dispatch import Signal

# Sent inside the write transaction with ``article_ids``: a frozenset of the articles whose
# events were merged, unmerged, hidden/approved or edited. Receivers defer work to on_commit.
events_changed = Signal()


def send_events_changed(article_ids: Iterable[int]) -> None:
    """Tell receivers which articles' events a curator changed (nothing sent for none)."""
    ids = frozenset(article_ids)
    if ids:
        events_changed.send(sender=events_changed, article_ids=ids)
