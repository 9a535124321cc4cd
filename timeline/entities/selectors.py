"""Reads for entities: a story's entities (names clustered into people, organisations and places)."""

from __future__ import annotations

from django.db.models import Count

from timeline.entities.clusters import EntityCluster, NameCount, cluster_names, find_entity
from timeline.entities.models import SentenceEntity
from timeline.stories.models import Story


def story_entity_list(*, story: Story, limit: int | None = 60) -> list[EntityCluster]:
    """The story's entities, most mentioned first: one per person, organisation or place, whatever
    names the articles give it ("Clinton", "Bill Clinton"), counted in story mentions. One query."""
    rows = (
        SentenceEntity.objects.filter(sentence__events__story_mentions__story=story)
        .values("text", "kind")
        .annotate(mentions=Count("sentence__events__story_mentions", distinct=True))
        .order_by()
    )
    clusters = cluster_names([NameCount(row["text"], row["kind"], row["mentions"]) for row in rows])
    return clusters if limit is None else clusters[:limit]


def story_entity(*, story: Story, name: str) -> EntityCluster | None:
    """The story's entity with this key, label or any of its names (case-insensitive), or None."""
    return find_entity(story_entity_list(story=story, limit=None), name)
