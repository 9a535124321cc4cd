"""A story over every benchmark event, for the story page figures at scale.

Events are grouped as a story's grouping would: consecutive events on the same dates,
up to ``GROUP`` articles per happening, so the page carries thousands of story events
with one to three sources each. Bulk inserts: the benchmark measures reading, not this.
"""

from __future__ import annotations

from django.db import transaction

from timeline.models import Article, Event
from timeline.stories.models import Story, StoryEvent, StoryMention

SLUG = "benchmark-story"
GROUP = 3
APPROVED_EVERY = 20


def make_benchmark_story() -> tuple[str, int, int]:
    """(slug, story events, mentions) of a fresh story holding every shown event."""
    with transaction.atomic():
        Story.objects.filter(slug=SLUG).delete()
        story = Story.objects.create(name="Benchmark story", slug=SLUG)
        story.articles.add(*Article.objects.values_list("pk", flat=True))
        events = list(
            Event.objects.filter(merged_into__isnull=True).exclude(status=Event.Status.HIDDEN)
            .order_by("earliest", "latest", "id").values("id", "title", "earliest", "latest", "value", "granularity")
        )  # fmt: skip
        groups: list[list[dict]] = []
        for event in events:
            last = groups[-1] if groups else None
            if (
                last
                and len(last) < GROUP
                and (last[0]["earliest"], last[0]["latest"]) == (event["earliest"], event["latest"])
            ):
                last.append(event)
            else:
                groups.append([event])
        drafts = [
            StoryEvent(story=story, title=g[0]["title"], earliest=g[0]["earliest"], latest=g[0]["latest"],
                       value=g[0]["value"], granularity=g[0]["granularity"],
                       status="approved" if n % APPROVED_EVERY == 0 else "proposed")
            for n, g in enumerate(groups)
        ]  # fmt: skip
        created = StoryEvent.objects.bulk_create(drafts, batch_size=2000)
        mentions = [
            StoryMention(story=story, story_event=se, event_id=e["id"]) for se, g in zip(created, groups) for e in g
        ]
        StoryMention.objects.bulk_create(mentions, batch_size=5000)
    return SLUG, len(created), len(mentions)
