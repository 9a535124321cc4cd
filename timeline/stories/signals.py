"""Regroup a story after one of its articles is re-analysed or deleted, or a curator merges,
unmerges, hides/approves or edits its events, without the timeline depending on stories: the
analysis write (``store_extraction``) sends ``timeline.signals.article_analysed`` and the curator
services send ``timeline.signals.events_changed``; those are the hooks. Regrouping runs after the commit, outside the analysis
transaction, and is idempotent, so a repeated signal costs only time.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.db import transaction
from django.db.models.signals import pre_delete
from django.dispatch import receiver

from timeline.models import Article
from timeline.signals import article_analysed, events_changed
from timeline.stories.models import Story

# Inside ``regroup_deferred()``: the stories waiting for one regroup at the end of a bulk run.
_deferred: ContextVar[set[int] | None] = ContextVar("stories_regroup_deferred", default=None)


@contextmanager
def regroup_deferred() -> Iterator[set[int]]:
    """Collect instead of regrouping after each re-analysis in this block; yields the story ids.

    A bulk re-analysis would otherwise regroup a story once per article (quadratic); the
    caller regroups the collected stories once (``regroup_stories``) when it is done.
    """
    token = _deferred.set(set())
    try:
        yield _deferred.get()  # type: ignore[misc]
    finally:
        _deferred.reset(token)


def regroup_stories(story_ids: list[int]) -> None:
    from timeline.stories.services import story_events_rebuild  # services import models; keep the app loading light

    for story in Story.objects.filter(pk__in=story_ids):
        story_events_rebuild(story=story)


@receiver(article_analysed, dispatch_uid="stories_regroup_after_analysis")
def regroup_after_analysis(sender: Any, article_id: int, **kwargs: Any) -> None:
    _regroup_later(list(Story.objects.filter(articles=article_id).values_list("pk", flat=True)))


@receiver(events_changed, dispatch_uid="stories_regroup_after_event_edit")
def regroup_after_event_edit(sender: Any, article_ids: frozenset[int], **kwargs: Any) -> None:
    _regroup_later(list(Story.objects.filter(articles__in=article_ids).distinct().values_list("pk", flat=True)))


def _regroup_later(story_ids: list[int]) -> None:
    """Regroup after commit, or collect the stories inside ``regroup_deferred()``."""
    deferred = _deferred.get()
    if deferred is not None:
        deferred.update(story_ids)
    elif story_ids:
        transaction.on_commit(lambda: regroup_stories(story_ids))


@receiver(pre_delete, sender=Article, dispatch_uid="stories_regroup_after_delete")
def regroup_after_delete(sender: type[Article], instance: Article, **kwargs: Any) -> None:
    story_ids = list(Story.objects.filter(articles=instance).values_list("pk", flat=True))
    if story_ids:
        transaction.on_commit(lambda: regroup_stories(story_ids))
