"""Regroup a story's events into story events, keeping every curator decision.

The parse (features) runs before the write transaction; the transaction writes only what
changed: new story events, moved or new mentions, story events left without mentions.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import transaction

from timeline.models import Event
from timeline.stories.clustering import Constraints, Group, Grouper, group_mentions
from timeline.stories.features import (
    ClauseFeatures,
    ClauseKey,
    MentionInput,
    cached_clause,
    clause_digest,
    clause_key,
    mention_features,
)  # fmt: skip
from timeline.stories.models import EventFeatures, RejectedPairing, Story, StoryEvent, StoryMention
from timeline.stories.titles import DatedMention, TitleCandidate, best_title, consensus_date

CONFIRMED_EVIDENCE = "Confirmed by a curator."


@dataclass(frozen=True)
class RebuildSummary:
    """What a regroup changed."""

    story_events: int
    created: int
    deleted: int
    mentions_moved: int
    mentions_added: int


def story_events(story: Story) -> list[Event]:
    """The events a story groups: its articles' events, not hidden, not merged into another."""
    return list(
        Event.objects.filter(article__stories=story, merged_into__isnull=True)
        .exclude(status=Event.Status.HIDDEN)
        .select_related("sentence", "expression")
        .order_by("article_id", "id")
    )


def mention_input(event: Event) -> MentionInput:
    """What grouping needs from a stored event (no re-parse of its article)."""
    sentence, expression = event.sentence, event.expression
    start = end = -1
    if sentence is not None and expression is not None and sentence.start <= expression.start:
        start, end = expression.start - sentence.start, expression.end - sentence.start
    return MentionInput(
        event_id=event.pk, article_id=event.article_id, earliest=event.earliest, latest=event.latest,
        granularity=event.granularity, title=event.title, sentence=sentence.text if sentence else event.title,
        phrase_start=start, phrase_end=end,
    )  # fmt: skip


def rebuild(story: Story, grouper: Grouper = group_mentions) -> RebuildSummary:
    """Group the story's events again and write the difference (see ``story_events_rebuild``)."""
    events = {e.pk: e for e in story_events(story)}
    inputs = [mention_input(e) for e in events.values()]
    stored = _stored_features(inputs)
    features = mention_features(inputs, known=stored)
    with transaction.atomic():
        _store_features(inputs, stored)
        story = Story.objects.select_for_update().get(pk=story.pk)
        mentions = {m.event_id: m for m in StoryMention.objects.filter(story=story)}
        alive = set(Event.objects.filter(pk__in=events).values_list("pk", flat=True))
        features = [f for f in features if f.event_id in alive]
        constraints = _constraints(story, mentions, alive)
        groups = grouper(features, constraints=constraints)
        return _write(story, groups, events, mentions)


def _stored_features(inputs: Sequence[MentionInput]) -> dict[ClauseKey, ClauseFeatures]:
    """Features saved by an earlier regroup whose sentence and phrase are unchanged (one query)."""
    digests = {m.event_id: clause_digest(clause_key(m)) for m in inputs}
    rows = EventFeatures.objects.filter(event_id__in=digests).values_list("event_id", "digest", "data")
    by_event = {m.event_id: m for m in inputs}
    return {clause_key(by_event[e]): ClauseFeatures.from_json(data) for e, digest, data in rows if digest == digests[e]}


def _store_features(inputs: Sequence[MentionInput], stored: dict[ClauseKey, ClauseFeatures]) -> None:
    """Save the features parsed this time (new events, or sentences that changed)."""
    rows = []
    for mention in inputs:
        key = clause_key(mention)
        if key not in stored and (parsed := cached_clause(key)) is not None:
            rows.append(EventFeatures(event_id=mention.event_id, digest=clause_digest(key), data=parsed.to_json()))
    alive = set(Event.objects.filter(pk__in=[r.event_id for r in rows]).values_list("pk", flat=True))
    EventFeatures.objects.bulk_create(
        [r for r in rows if r.event_id in alive], update_conflicts=True, unique_fields=["event"],
        update_fields=["digest", "data"],
    )  # fmt: skip


def _constraints(story: Story, mentions: dict[int, StoryMention], alive: set[int]) -> Constraints:
    together: dict[int, set[int]] = {}
    for event_id, mention in mentions.items():
        if mention.confirmed and event_id in alive:
            together.setdefault(mention.story_event_id, set()).add(event_id)
    apart = frozenset(
        frozenset(pair) for pair in RejectedPairing.objects.filter(story=story).values_list("event_low", "event_high")
    )
    return Constraints(together=[frozenset(g) for g in together.values()], apart=apart)


def _write(
    story: Story, groups: Sequence[Group], events: dict[int, Event], mentions: dict[int, StoryMention]
) -> RebuildSummary:
    existing = {se.pk: se for se in StoryEvent.objects.filter(story=story)}
    assigned = _assign(groups, mentions, existing)
    moved = added = 0
    kept: set[int] = set()
    to_create: list[StoryEvent] = []
    to_update: list[StoryEvent] = []
    new_mentions: list[StoryMention] = []
    changed_mentions: list[StoryMention] = []
    for n, group in enumerate(groups):
        story_event = existing.get(assigned.get(n, -1))
        if story_event is None:
            story_event = StoryEvent(story=story)
            to_create.append(story_event)
        else:
            to_update.append(story_event)
            kept.add(story_event.pk)
        _derive(story_event, group, events, mentions)
        for event_id in group.event_ids:
            mention = mentions.get(event_id)
            score = group.scores.get(event_id, 1.0)
            if mention is None:
                new_mentions.append(StoryMention(story=story, story_event=story_event, event_id=event_id, score=score))
                added += 1
            elif mention.story_event_id != story_event.pk or mention.score != score:
                moved += mention.story_event_id != story_event.pk  # a new story event has no pk yet: moved
                mention.story_event, mention.score = story_event, score
                changed_mentions.append(mention)
    # Inserted before the mentions: each mention picks up its new story event's id when it is written.
    StoryEvent.objects.bulk_create(to_create)
    grouped = {e for g in groups for e in g.event_ids}
    StoryMention.objects.filter(story=story).exclude(event_id__in=grouped).delete()
    StoryMention.objects.bulk_update(changed_mentions, ["story_event", "score"])
    StoryMention.objects.bulk_create(new_mentions)
    StoryEvent.objects.bulk_update(
        to_update, ["title", "earliest", "latest", "value", "granularity", "confidence", "evidence"]
    )
    stale = [pk for pk in existing if pk not in kept]
    StoryEvent.objects.filter(pk__in=stale).delete()
    return RebuildSummary(len(groups), len(to_create), len(stale), moved, added)


def _assign(
    groups: Sequence[Group], mentions: dict[int, StoryMention], existing: dict[int, StoryEvent]
) -> dict[int, int]:
    """Group index -> existing story event id: the one holding most of its confirmed, then its other mentions."""
    options = []
    for n, group in enumerate(groups):
        overlap: Counter[int] = Counter()
        confirmed: Counter[int] = Counter()
        for event_id in group.event_ids:
            mention = mentions.get(event_id)
            if mention is not None and mention.story_event_id in existing:
                overlap[mention.story_event_id] += 1
                confirmed[mention.story_event_id] += mention.confirmed
        for pk, count in overlap.items():
            options.append((-confirmed[pk], -int(existing[pk].curated), -count, pk, n))
    assigned: dict[int, int] = {}
    taken: set[int] = set()
    for *_, pk, n in sorted(options):
        if pk not in taken and n not in assigned:
            assigned[n] = pk
            taken.add(pk)
    return assigned


def _derive(story_event: StoryEvent, group: Group, events: dict[int, Event], mentions: dict[int, StoryMention]) -> None:
    """Title, dates, confidence and evidence from the group, except the fields a curator set."""
    members = [events[e] for e in group.event_ids]
    curated = set(story_event.curated_fields or [])
    if "title" not in curated:
        story_event.title = best_title([TitleCandidate(e.title, group.scores.get(e.pk, 0.0)) for e in members])[:300]
    if not curated & {"earliest", "latest"}:
        date = consensus_date([DatedMention(e.earliest, e.latest, e.value, e.granularity) for e in members])
        story_event.earliest, story_event.latest = date.earliest, date.latest
        story_event.value, story_event.granularity = date.value, date.granularity
    all_confirmed = len(members) > 1 and all(
        mentions.get(e.pk) is not None and mentions[e.pk].confirmed for e in members
    )
    story_event.confidence = 1.0 if all_confirmed else group.confidence
    story_event.evidence = f"{CONFIRMED_EVIDENCE} {group.evidence}" if all_confirmed else group.evidence
