"""Reads for stories: QuerySets for views, the API and exports."""

from __future__ import annotations

from django.db.models import Count, QuerySet

from timeline.stories.models import Story


def story_list() -> QuerySet[Story]:
    """Stories with their article counts, by name."""
    return Story.objects.annotate(article_count=Count("articles")).order_by("name")
