"""New articles join a grouped story without regrouping it: only the story events their events could
match (overlapping dates and a shared term, ``candidates.neighbours``) are regrouped with them.

Word and name weights still come from the whole story, so a pair scores exactly as in a full
regroup; curators' decisions (confirmed groups, rejected pairings, curated fields) apply as there.
When the story has no grouping yet, or it is not current (an event left or came back since the
last regroup), the join declines and the caller regroups the whole story.
"""

from __future__ import annotations

from collections.abc import Collection

from django.db import transaction

from timeline.stories.candidates import neighbours
from timeline.stories.clustering import group_mentions
from timeline.stories.features import mention_features
from timeline.stories.models import Story
from timeline.stories.regroup import (
    RebuildSummary,
    curator_constraints,
    mention_input,
    still_grouped,
    store_features,
    stored_features,
    story_events,
    story_mentions,
    write_groups,
)  # fmt: skip
from timeline.stories.stance import ASSERTED


def join_articles(story: Story, article_ids: Collection[int]) -> RebuildSummary | None:
    """Group the events of ``article_ids`` (just added to ``story``) into it; None when the story
    needs a full regroup instead. A bounded number of queries, whatever the story's size."""
    article_ids = set(article_ids)
    events = {e.pk: e for e in story_events(story)}
    new = {pk for pk, e in events.items() if e.article_id in article_ids}
    inputs = [mention_input(e) for e in events.values()]
    stored = stored_features(story, inputs)
    features = mention_features(inputs, known=stored)
    with transaction.atomic():
        store_features([m for m in inputs if m.event_id in new], stored)
        story = Story.objects.select_for_update().get(pk=story.pk)
        mentions = story_mentions(story)
        alive = still_grouped(story, events)
        features = [f for f in features if f.event_id in alive]
        # Current: every mention's event still grouped, and every other event a mention unless it is
        # negated or hypothetical (grouping gives those no story event of their own).
        unmentioned = {f.event_id for f in features if f.event_id not in mentions and f.event_id not in new}
        current = set(mentions) <= alive and all(f.modality != ASSERTED for f in features if f.event_id in unmentioned)
        if not mentions or not current or not new <= alive:
            return None  # a first grouping, or one out of date: the caller regroups the whole story
        index = {f.event_id: n for n, f in enumerate(features)}
        near = {features[n].event_id for n in neighbours(features, [index[e] for e in new])}
        touched = {mentions[e].story_event_id for e in near if e in mentions}
        affected = new | (near - set(mentions)) | {e for e, m in mentions.items() if m.story_event_id in touched}
        groups = group_mentions(
            features, constraints=curator_constraints(story, mentions, alive), among={index[e] for e in affected}
        )
        groups = [g for g in groups if not affected.isdisjoint(g.event_ids)]
        return write_groups(story, groups, events, {e: mentions[e] for e in affected if e in mentions}, scope=touched)
