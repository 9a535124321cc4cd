"""Curator services: confirm, split, join, rename, dates, status; each survives regrouping."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from tests.factories import make_article, make_reported_event, make_story
from timeline.stories.curation import (
    story_event_confirm,
    story_event_rename,
    story_event_set_dates,
    story_events_join,
    story_events_set_status,
    story_mention_split,
)  # fmt: skip
from timeline.stories.models import RejectedPairing, StoryEvent, StoryMention
from timeline.stories.services import story_add_articles, story_events_rebuild

pytestmark = pytest.mark.django_db
DAY = date(2025, 3, 12)
BREACH = ["The Dunmore Dam collapsed on Wednesday, flooding Brevik.", "The Dunmore Dam gave way on Wednesday.",
          "The Dunmore Dam burst on Wednesday, officials said."]  # fmt: skip
OTHER = "Governor Ellen Marsh declared a state of emergency on Wednesday."


@pytest.fixture
def story():
    articles = [make_article() for _ in range(3)]
    for article, sentence in zip(articles, BREACH):
        make_reported_event(article=article, sentence_text=sentence, phrase="Wednesday", day=DAY)
    make_reported_event(article=articles[0], sentence_text=OTHER, phrase="Wednesday", day=DAY)
    story = make_story()
    story_add_articles(story=story, articles=articles)
    return story


def _breach(story) -> StoryEvent:
    return StoryEvent.objects.filter(story=story).order_by("-pk").get(mentions__event__sentence__text=BREACH[0])


def _sizes(story) -> list[int]:
    return sorted(se.mentions.count() for se in StoryEvent.objects.filter(story=story))


def test_confirm_marks_every_mention_and_the_grouping_sure(story) -> None:
    breach = _breach(story)
    assert breach.mentions.count() == 3 and breach.confidence < 1
    story_event_confirm(story_events=[breach])
    breach.refresh_from_db()
    assert breach.confidence == 1.0 and breach.evidence.startswith("Confirmed by a curator.")
    assert set(breach.mentions.values_list("confirmed", flat=True)) == {True}
    story_events_rebuild(story=story)
    breach.refresh_from_db()
    assert breach.confidence == 1.0 and breach.mentions.count() == 3


def test_split_records_rejected_pairs_and_regrouping_keeps_it(story) -> None:
    breach = _breach(story)
    mention = breach.mentions.order_by("pk").last()
    alone = story_mention_split(mention=mention)
    assert alone.mentions.get().pk == mention.pk and alone.curated
    assert RejectedPairing.objects.filter(story=story).count() == 2
    story_events_rebuild(story=story)
    assert _sizes(story) == [1, 1, 2]
    assert StoryEvent.objects.filter(pk=alone.pk).exists()  # the split-out story event keeps its id


def test_a_split_of_the_only_mention_is_refused(story) -> None:
    single = StoryEvent.objects.get(story=story, mentions__event__sentence__text=OTHER)
    with pytest.raises(ValidationError):
        story_mention_split(mention=single.mentions.get())


def test_join_keeps_the_survivor_confirms_all_and_lifts_rejections(story) -> None:
    breach = _breach(story)
    alone = story_mention_split(mention=breach.mentions.order_by("pk").last())
    emergency = StoryEvent.objects.get(story=story, mentions__event__sentence__text=OTHER)
    joined = story_events_join(story_events=[breach, alone, emergency], into=breach)
    assert joined.pk == breach.pk and joined.mentions.count() == 4
    assert not RejectedPairing.objects.filter(story=story).exists()
    assert not StoryEvent.objects.filter(pk__in=[alone.pk, emergency.pk]).exists()
    story_events_rebuild(story=story)
    assert _sizes(story) == [4]


def test_join_refuses_a_single_event_and_events_of_two_stories(story) -> None:
    breach = _breach(story)
    with pytest.raises(ValidationError):
        story_events_join(story_events=[breach])
    other_story = make_story()
    foreign = StoryEvent.objects.create(story=other_story, title="x", earliest=DAY, latest=DAY)
    with pytest.raises(ValidationError):
        story_events_join(story_events=[breach, foreign])


def test_rename_dates_and_status_are_curated_and_survive_regrouping(story) -> None:
    breach = _breach(story)
    story_event_rename(story_event=breach, title="  Dunmore   Dam fails ")
    story_event_set_dates(story_event=breach, earliest=date(2025, 3, 11), latest=date(2025, 3, 12))
    story_events_set_status(story_events=[breach], status="approved")
    story_events_rebuild(story=story)
    breach.refresh_from_db()
    assert (breach.title, breach.earliest, breach.latest, breach.status) == (
        "Dunmore Dam fails",
        date(2025, 3, 11),
        date(2025, 3, 12),
        "approved",
    )
    assert breach.value == "2025-03-11/2025-03-12"
    assert {"title", "earliest", "latest", "status"} <= set(breach.curated_fields)


@pytest.mark.parametrize(
    ("fields", "message"),
    [({"title": "   "}, "empty"), ({"status": "gone"}, "Unknown status"),
     ({"earliest": date(2025, 3, 13), "latest": date(2025, 3, 12)}, "on or after")],
)  # fmt: skip
def test_bad_edits_are_refused_with_a_clear_message(story, fields, message) -> None:
    from timeline.stories.curation import story_event_update

    breach = _breach(story)
    with pytest.raises(ValidationError, match=message):
        story_event_update(story_event=breach, **fields)
    breach.refresh_from_db()
    assert not breach.curated


def test_an_event_cannot_be_mentioned_twice_in_one_story(story) -> None:
    from django.db import IntegrityError, transaction

    mention = StoryMention.objects.filter(story=story).first()
    with pytest.raises(IntegrityError), transaction.atomic():
        StoryMention.objects.create(story=story, story_event=mention.story_event, event=mention.event)


def test_setting_the_status_of_many_story_events_costs_the_same_queries_as_one(story) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    both = list(StoryEvent.objects.filter(story=story).order_by("-pk"))
    assert len(both) == 2
    with CaptureQueriesContext(connection) as one:
        story_events_set_status(story_events=both[:1], status="approved")
    with CaptureQueriesContext(connection) as two:
        done = story_events_set_status(story_events=both, status="hidden")
    assert len(two) == len(one) and [se.pk for se in done] == [se.pk for se in both]
    assert set(StoryEvent.objects.filter(story=story).values_list("status", flat=True)) == {"hidden"}


def test_a_status_already_set_is_not_counted_as_a_curators_change(story) -> None:
    breach = _breach(story)
    story_events_set_status(story_events=[breach], status="proposed")  # already proposed
    breach.refresh_from_db()
    assert not breach.curated and breach.curated_fields == []
    with pytest.raises(ValidationError, match="Unknown status"):
        story_events_set_status(story_events=[breach], status="gone")
