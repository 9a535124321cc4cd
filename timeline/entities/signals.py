"""Read the entities of a story's sentences when articles join it or one of them is re-analysed.

After the commit, like the stories app's regroup hook, and idempotent: sentences already
read are skipped, so a repeated signal costs one query.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models.signals import m2m_changed
from django.dispatch import receiver

from timeline.models import Article
from timeline.signals import article_analysed
from timeline.stories.models import Story


def refresh_stories(story_ids: list[int]) -> None:
    from timeline.entities.services import story_entities_refresh  # keeps app loading free of spaCy

    for story in Story.objects.filter(pk__in=story_ids):
        story_entities_refresh(story=story)


@receiver(m2m_changed, sender=Story.articles.through, dispatch_uid="entities_after_articles_join")
def after_articles_join(sender: Any, instance: Story | Article, action: str, reverse: bool, pk_set: Any,
                        **kwargs: Any) -> None:  # fmt: skip
    if action != "post_add" or not pk_set:
        return
    # From a story (story.articles.add) or from an article (article.stories.add).
    story_ids = sorted(pk_set) if reverse else [instance.pk]
    transaction.on_commit(lambda: refresh_stories(story_ids))


@receiver(article_analysed, dispatch_uid="entities_after_analysis")
def after_analysis(sender: Any, article_id: int, **kwargs: Any) -> None:
    story_ids = list(Story.objects.filter(articles=article_id).values_list("pk", flat=True))
    if story_ids:
        transaction.on_commit(lambda: refresh_stories(story_ids))
