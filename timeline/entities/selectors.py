"""Reads for entities: a story's entities by how often they occur."""

from __future__ import annotations

from django.db.models import Count, Max, QuerySet

from timeline.entities.models import SentenceEntity
from timeline.stories.models import Story


def story_entity_list(*, story: Story, limit: int = 60) -> QuerySet[dict]:
    """The story's most mentioned entities: ``{"text", "kind", "mentions"}`` dicts, most first.

    One row per name: the filter matches a name whatever spaCy called it, so "Biden" read as a
    person in one sentence and an organisation in another is listed once (the kind shown is the
    person where there is one, else the place, else the organisation).
    """
    return (
        SentenceEntity.objects.filter(sentence__events__story_mentions__story=story)
        .values("text")
        .annotate(kind=Max("kind"), mentions=Count("sentence__events__story_mentions", distinct=True))
        .order_by("-mentions", "text")[:limit]
    )
