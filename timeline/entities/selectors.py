"""Reads for entities: which sentences name an entity, and a story's entities by how often they occur."""

from __future__ import annotations

from django.db.models import Count, QuerySet

from timeline.entities.models import SentenceEntity
from timeline.stories.models import Story


def sentences_naming(*, text: str) -> QuerySet:
    """Ids of the sentences naming ``text`` (any kind, case-insensitive), as a subquery."""
    return SentenceEntity.objects.filter(text__iexact=text).values("sentence_id")


def story_entity_list(*, story: Story, limit: int = 60) -> QuerySet[dict]:
    """The story's most mentioned entities: ``{"text", "kind", "mentions"}`` dicts, most first."""
    return (
        SentenceEntity.objects.filter(sentence__events__story_mentions__story=story)
        .values("text", "kind")
        .annotate(mentions=Count("sentence__events__story_mentions", distinct=True))
        .order_by("-mentions", "text")[:limit]
    )
