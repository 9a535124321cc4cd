"""Signals the timeline app sends so other apps (stories, entities) can follow its writes without
the timeline depending on them: an article's analysis written, and curator edits (bulk updates
such as merge or status send no ``post_save``).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.dispatch import Signal

# Sent inside the write transaction with ``article_id`` when an article's analysis (first import or
# re-analysis) has been written. Receivers defer work to on_commit.
article_analysed = Signal()

# Sent inside the write transaction with ``article_ids``: a frozenset of the articles whose
# events were merged, unmerged, hidden/approved or edited. Receivers defer work to on_commit.
events_changed = Signal()


def send_events_changed(article_ids: Iterable[int]) -> None:
    """Tell receivers which articles' events a curator changed (nothing sent for none)."""
    ids = frozenset(article_ids)
    if ids:
        events_changed.send(sender=events_changed, article_ids=ids)


def send_article_analysed(article_id: int) -> None:
    """Tell receivers that ``article_id``'s sentences, expressions and events were (re)written."""
    article_analysed.send(sender=article_analysed, article_id=article_id)
