"""Curators' decisions about story events (keyword-only, atomic); regrouping keeps every one.

- confirm: these mentions are one happening (they stay together from now on);
- split: this mention is a different happening (its pairings with the others are rejected);
- join: these story events are one happening (all their mentions confirmed together);
- update: title, dates and status set by hand (kept by regrouping).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from timeline.analysis.curated import apply_edits, mark_curated, range_value
from timeline.stories.models import RejectedPairing, StoryEvent, StoryMention
from timeline.stories.regroup import CONFIRMED_EVIDENCE
from timeline.stories.titles import DatedMention, consensus_date

EDITABLE_FIELDS = ("title", "earliest", "latest", "status")


def story_event_confirm(*, story_events: Iterable[StoryEvent]) -> list[StoryEvent]:
    """Confirm the grouping of each story event: its mentions stay together through regrouping."""
    with transaction.atomic():
        locked = list(StoryEvent.objects.select_for_update().filter(pk__in=[se.pk for se in story_events]))
        StoryMention.objects.filter(story_event__in=locked).update(confirmed=True)
        now = timezone.now()
        for story_event in locked:
            story_event.confidence = 1.0
            if not story_event.evidence.startswith(CONFIRMED_EVIDENCE):
                story_event.evidence = f"{CONFIRMED_EVIDENCE} {story_event.evidence}".strip()
            mark_curated(story_event, ["mentions"])
            story_event.updated = now  # bulk_update skips auto_now
        StoryEvent.objects.bulk_update(locked, ["confidence", "evidence", "curated", "curated_fields", "updated"])
    return locked


def story_mention_split(*, mention: StoryMention) -> StoryEvent:
    """Take ``mention`` out into a story event of its own; it is never grouped with the others again."""
    with transaction.atomic():
        mention = StoryMention.objects.select_for_update().select_related("event", "story_event").get(pk=mention.pk)
        old = mention.story_event
        others = list(
            StoryMention.objects.filter(story_event=old).exclude(pk=mention.pk).values_list("event_id", flat=True)
        )
        if not others:
            raise ValidationError("This mention is already the only one in its story event.")
        RejectedPairing.objects.bulk_create(
            [
                RejectedPairing(story_id=mention.story_id, event_low_id=min(e, mention.event_id),
                                event_high_id=max(e, mention.event_id))
                for e in others
            ],
            ignore_conflicts=True,
        )  # fmt: skip
        event = mention.event
        new = StoryEvent.objects.create(
            story_id=mention.story_id, title=event.title, earliest=event.earliest, latest=event.latest,
            value=event.value, granularity=event.granularity, confidence=1.0,
            evidence=f"{CONFIRMED_EVIDENCE} Split out of “{old.title}”.", curated=True, curated_fields=["mentions"],
        )  # fmt: skip
        mention.story_event, mention.confirmed, mention.score = new, True, 1.0
        mention.save(update_fields=["story_event", "confirmed", "score"])
        _refresh_dates(old)
    return new


def story_events_join(*, story_events: Sequence[StoryEvent], into: StoryEvent | None = None) -> StoryEvent:
    """Make one story event of several (same story): ``into`` (default: a curated one, else the
    oldest) keeps its title and status and takes every mention, all confirmed."""
    ids = {se.pk for se in story_events} | ({into.pk} if into is not None else set())
    if len(ids) < 2:
        raise ValidationError("Choose at least two story events to join.")
    with transaction.atomic():
        locked = list(StoryEvent.objects.select_for_update().filter(pk__in=ids).order_by("-curated", "created", "pk"))
        if len({se.story_id for se in locked}) != 1:
            raise ValidationError("Only story events of the same story can be joined.")
        survivor = next((se for se in locked if into is not None and se.pk == into.pk), locked[0])
        others = [se for se in locked if se.pk != survivor.pk]
        StoryMention.objects.filter(story_event__in=others).update(story_event=survivor)
        StoryMention.objects.filter(story_event=survivor).update(confirmed=True)
        event_ids = list(StoryMention.objects.filter(story_event=survivor).values_list("event_id", flat=True))
        # Joining overrides an earlier "different happenings" between these events.
        RejectedPairing.objects.filter(
            story_id=survivor.story_id, event_low_id__in=event_ids, event_high_id__in=event_ids
        ).delete()
        StoryEvent.objects.filter(pk__in=[se.pk for se in others]).delete()
        survivor.confidence = 1.0
        survivor.evidence = f"{CONFIRMED_EVIDENCE} Joined {len(locked)} story events."
        mark_curated(survivor, ["mentions"])
        survivor.save()
        _refresh_dates(survivor)
    return survivor


def story_event_update(*, story_event: StoryEvent, **fields: Any) -> StoryEvent:
    """Set title, dates or status by hand; changed fields count as curated and survive regrouping."""
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValidationError(f"These story event fields cannot be edited: {', '.join(sorted(unknown))}.")
    if "title" in fields:
        fields["title"] = " ".join(str(fields["title"]).split())
        if not fields["title"]:
            raise ValidationError({"title": "The title cannot be empty."})
    if "status" in fields and fields["status"] not in StoryEvent.Status.values:
        raise ValidationError({"status": f"Unknown status; use one of {', '.join(StoryEvent.Status.values)}."})
    with transaction.atomic():
        story_event = StoryEvent.objects.select_for_update().get(pk=story_event.pk)
        changed = apply_edits(story_event, fields)
        if not changed:
            return story_event
        if {"earliest", "latest"} & set(changed):
            story_event.value = range_value(story_event.earliest, story_event.latest)
            story_event.granularity = "day"  # a hand-set range is read in whole days
            changed += ["earliest", "latest"]
        mark_curated(story_event, changed)
        story_event.full_clean(exclude=["story"])
        story_event.save()
    return story_event


def story_event_rename(*, story_event: StoryEvent, title: str) -> StoryEvent:
    return story_event_update(story_event=story_event, title=title)


def story_event_set_dates(*, story_event: StoryEvent, earliest: date, latest: date) -> StoryEvent:
    return story_event_update(story_event=story_event, earliest=earliest, latest=latest)


def story_events_set_status(*, story_events: Iterable[StoryEvent], status: str) -> list[StoryEvent]:
    """Approve, hide or send back to proposed, all in one transaction; each whose status changes counts as
    curated. Returns them as stored now, in the order given (one deleted meanwhile is left out)."""
    if status not in StoryEvent.Status.values:
        raise ValidationError({"status": f"Unknown status; use one of {', '.join(StoryEvent.Status.values)}."})
    ids = list(dict.fromkeys(se.pk for se in story_events))
    with transaction.atomic():
        locked = {se.pk: se for se in StoryEvent.objects.select_for_update().filter(pk__in=ids)}
        changed = [se for se in locked.values() if se.status != status]
        now = timezone.now()
        for story_event in changed:
            story_event.status = status
            mark_curated(story_event, ["status"])
            story_event.updated = now  # bulk_update skips auto_now
        StoryEvent.objects.bulk_update(changed, ["status", "curated", "curated_fields", "updated"])
    return [locked[pk] for pk in ids if pk in locked]


def _refresh_dates(story_event: StoryEvent) -> None:
    """After mentions moved: dates from the remaining mentions unless a curator set them."""
    if {"earliest", "latest"} & set(story_event.curated_fields or []):
        return
    events = [m.event for m in StoryMention.objects.filter(story_event=story_event).select_related("event")]
    if not events:
        return
    chosen = consensus_date([DatedMention(e.earliest, e.latest, e.value, e.granularity) for e in events])
    StoryEvent.objects.filter(pk=story_event.pk).update(
        earliest=chosen.earliest, latest=chosen.latest, value=chosen.value, granularity=chosen.granularity
    )
