"""Regroup a story's events into story events, keeping every curator decision.

The parse (features) runs before the write transaction; the transaction writes only what
changed: new story events, moved or new mentions, story events left without mentions.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date

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
BATCH = 1000  # rows per bulk statement: a 10,000-mention story is written in statements of bounded size


@dataclass(frozen=True)
class RebuildSummary:
    """What a regroup changed."""

    story_events: int
    created: int
    deleted: int
    mentions_moved: int
    mentions_added: int


DERIVED_FIELDS = ("title", "earliest", "latest", "value", "granularity", "confidence", "evidence")


@dataclass(frozen=True)
class StoredEvent:
    """What grouping reads of a stored event: its dates, title, sentence and the time phrase in it."""

    pk: int
    article_id: int
    title: str
    earliest: date
    latest: date
    value: str
    granularity: str
    sentence: str | None
    sentence_start: int | None
    phrase_start: int | None
    phrase_end: int | None


@dataclass
class MentionRow:
    """A stored mention, as grouping reads it (model instances only for the rows written)."""

    pk: int
    event_id: int
    story_event_id: int
    confirmed: bool
    score: float


def story_mentions(story: Story) -> dict[int, MentionRow]:
    """Event id -> the story's mention of it (one query)."""
    rows = StoryMention.objects.filter(story=story).values_list(
        "pk", "event_id", "story_event_id", "confirmed", "score"
    )
    return {row[1]: MentionRow(*row) for row in rows}


def story_events(story: Story) -> list[StoredEvent]:
    """The events a story groups: its articles' events, not hidden, not merged into another (one
    query, plain rows: a 10,000-event story is read in a fraction of a second)."""
    rows = (
        Event.objects.filter(article__stories=story, merged_into__isnull=True)
        .exclude(status=Event.Status.HIDDEN)
        .order_by("article_id", "id")
        .values_list("id", "article_id", "title", "earliest", "latest", "value", "granularity", "sentence__text",
                     "sentence__start", "expression__start", "expression__end")
    )  # fmt: skip
    return [StoredEvent(*row) for row in rows]


def mention_input(event: StoredEvent) -> MentionInput:
    """What grouping needs from a stored event (no re-parse of its article)."""
    start = end = -1
    if (
        event.sentence_start is not None
        and event.phrase_start is not None
        and event.sentence_start <= event.phrase_start
    ):
        start, end = event.phrase_start - event.sentence_start, event.phrase_end - event.sentence_start
    return MentionInput(
        event_id=event.pk, article_id=event.article_id, earliest=event.earliest, latest=event.latest,
        granularity=event.granularity, title=event.title,
        sentence=event.sentence if event.sentence is not None else event.title, phrase_start=start, phrase_end=end,
    )  # fmt: skip


def rebuild(story: Story, grouper: Grouper = group_mentions) -> RebuildSummary:
    """Group the story's events again and write the difference (see ``story_events_rebuild``)."""
    events = {e.pk: e for e in story_events(story)}
    inputs = [mention_input(e) for e in events.values()]
    stored = stored_features(story, inputs)
    features = mention_features(inputs, known=stored)
    with transaction.atomic():
        store_features(inputs, stored)
        story = Story.objects.select_for_update().get(pk=story.pk)
        mentions = story_mentions(story)
        alive = still_grouped(story, events)
        features = [f for f in features if f.event_id in alive]
        constraints = curator_constraints(story, mentions, alive)
        groups = grouper(features, constraints=constraints)
        return write_groups(story, groups, events, mentions)


def still_grouped(story: Story, events: Collection[int]) -> set[int]:
    """Those of ``events`` the story still groups, read again under the story's lock."""
    grouped = Event.objects.filter(article__stories=story, merged_into__isnull=True).exclude(status=Event.Status.HIDDEN)
    return set(grouped.values_list("pk", flat=True)) & set(events)


def stored_features(story: Story, inputs: Sequence[MentionInput]) -> dict[ClauseKey, ClauseFeatures]:
    """Features saved by an earlier regroup whose sentence and phrase are unchanged: the digests of
    the story's events in one query, then the saved data of those this process has not read yet."""
    by_event = {m.event_id: clause_key(m) for m in inputs}
    digests = {e: clause_digest(key) for e, key in by_event.items()}
    rows = EventFeatures.objects.filter(event__article__stories=story).values_list("event_id", "digest").distinct()
    current = [e for e, digest in rows if e in digests and digest == digests[e]]
    known = {by_event[e]: parsed for e in current if (parsed := cached_clause(by_event[e])) is not None}
    unread = [e for e in current if by_event[e] not in known]
    if unread:
        for e, data in EventFeatures.objects.filter(event_id__in=unread).values_list("event_id", "data"):
            known[by_event[e]] = ClauseFeatures.from_json(data)
    return known


def store_features(inputs: Sequence[MentionInput], stored: dict[ClauseKey, ClauseFeatures]) -> None:
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


def curator_constraints(story: Story, mentions: dict[int, MentionRow], alive: set[int]) -> Constraints:
    together: dict[int, set[int]] = {}
    for event_id, mention in mentions.items():
        if mention.confirmed and event_id in alive:
            together.setdefault(mention.story_event_id, set()).add(event_id)
    apart = frozenset(
        frozenset(pair) for pair in RejectedPairing.objects.filter(story=story).values_list("event_low", "event_high")
    )
    return Constraints(together=[frozenset(g) for g in together.values()], apart=apart)


def write_groups(
    story: Story,
    groups: Sequence[Group],
    events: dict[int, StoredEvent],
    mentions: dict[int, MentionRow],
    scope: Collection[int] | None = None,
) -> RebuildSummary:
    """Write ``groups`` over the story's story events, or only over those in ``scope`` (ids; an
    incremental join): the rest are not read, changed or deleted."""
    in_scope = StoryEvent.objects.filter(story=story)
    if scope is not None:
        in_scope = in_scope.filter(pk__in=scope)
    existing = {se.pk: se for se in in_scope}
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
            kept.add(story_event.pk)
        before = tuple(getattr(story_event, name) for name in DERIVED_FIELDS)
        _derive(story_event, group, events, mentions)
        if story_event.pk is not None and before != tuple(getattr(story_event, name) for name in DERIVED_FIELDS):
            to_update.append(story_event)  # only what changed is written: a regroup mostly confirms
        for event_id in group.event_ids:
            mention = mentions.get(event_id)
            score = group.scores.get(event_id, 1.0)
            if mention is None:
                new_mentions.append(StoryMention(story=story, story_event=story_event, event_id=event_id, score=score))
                added += 1
            elif mention.story_event_id != story_event.pk or mention.score != score:
                moved += mention.story_event_id != story_event.pk  # a new story event has no pk yet: moved
                changed_mentions.append(StoryMention(pk=mention.pk, story_event=story_event, score=score))
    # Inserted before the mentions: each mention picks up its new story event's id when it is written.
    StoryEvent.objects.bulk_create(to_create, batch_size=BATCH)
    grouped = {e for g in groups for e in g.event_ids}
    gone = [m.pk for e, m in mentions.items() if e not in grouped]
    StoryMention.objects.filter(pk__in=gone).delete()
    StoryMention.objects.bulk_update(changed_mentions, ["story_event", "score"], batch_size=BATCH)
    StoryMention.objects.bulk_create(new_mentions, batch_size=BATCH)
    StoryEvent.objects.bulk_update(to_update, DERIVED_FIELDS, batch_size=BATCH)
    stale = [pk for pk in existing if pk not in kept]
    StoryEvent.objects.filter(pk__in=stale).delete()
    return RebuildSummary(len(groups), len(to_create), len(stale), moved, added)


def _assign(
    groups: Sequence[Group], mentions: dict[int, MentionRow], existing: dict[int, StoryEvent]
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


def _derive(
    story_event: StoryEvent, group: Group, events: dict[int, StoredEvent], mentions: dict[int, MentionRow]
) -> None:
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
