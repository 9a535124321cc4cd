"""Curator edits of timeline events (merge, unmerge, status, dates) reach the stories holding them."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from tests.factories import make_article, make_reported_event, make_story
from timeline.models import Event
from timeline.services import event_merge, event_set_status, event_unmerge, event_update
from timeline.stories.models import StoryEvent, StoryMention
from timeline.stories.services import story_add_articles
from timeline.stories.signals import regroup_deferred

pytestmark = pytest.mark.django_db
WEDNESDAY, FRIDAY = date(2025, 3, 12), date(2025, 3, 14)
BREACH = "The Dunmore Dam collapsed on Wednesday, flooding Brevik."
EMERGENCY = "Governor Ellen Marsh declared a state of emergency on Friday."


@pytest.fixture
def story():
    """Two articles, two different happenings: two story events."""
    a, b = make_article(), make_article()
    make_reported_event(article=a, sentence_text=BREACH, phrase="Wednesday", day=WEDNESDAY)
    make_reported_event(article=b, sentence_text=EMERGENCY, phrase="Friday", day=FRIDAY)
    story = make_story()
    story_add_articles(story=story, articles=[a, b])
    assert StoryEvent.objects.filter(story=story).count() == 2
    return story


def _event(text: str) -> Event:
    return Event.objects.get(sentence__text=text)


def _grouped(story) -> set[int]:
    return set(StoryMention.objects.filter(story=story).values_list("event_id", flat=True))


def test_merging_events_of_two_articles_leaves_one_story_event(story, django_capture_on_commit_callbacks) -> None:
    breach, emergency = _event(BREACH), _event(EMERGENCY)
    with django_capture_on_commit_callbacks(execute=True):
        event_merge(events=[emergency], into=breach)
    assert StoryEvent.objects.filter(story=story).count() == 1
    assert _grouped(story) == {breach.pk}  # the merged-away event is no happening of its own
    with django_capture_on_commit_callbacks(execute=True):
        event_unmerge(events=[emergency])
    assert StoryEvent.objects.filter(story=story).count() == 2
    assert _grouped(story) == {breach.pk, emergency.pk}


def test_hiding_an_event_takes_it_off_the_story_page(story, client, django_capture_on_commit_callbacks) -> None:
    emergency = _event(EMERGENCY)
    page = client.get(reverse("story-detail", args=[story.slug])).content.decode()
    assert "emergency" in page.lower()
    with django_capture_on_commit_callbacks(execute=True):
        event_set_status(events=[emergency], status=Event.Status.HIDDEN)
    assert _grouped(story) == {_event(BREACH).pk}
    page = client.get(reverse("story-detail", args=[story.slug])).content.decode()
    assert "emergency" not in page.lower()
    with django_capture_on_commit_callbacks(execute=True):
        event_set_status(events=[emergency], status=Event.Status.APPROVED)
    assert _grouped(story) == {_event(BREACH).pk, emergency.pk}


def test_a_date_edit_moves_the_story_event(story, django_capture_on_commit_callbacks) -> None:
    emergency = _event(EMERGENCY)
    with django_capture_on_commit_callbacks(execute=True):
        event_update(event=emergency, earliest=date(2025, 3, 15), latest=date(2025, 3, 15))
    moved = StoryEvent.objects.get(story=story, mentions__event=emergency)
    assert moved.earliest == date(2025, 3, 15)


def test_inside_regroup_deferred_the_story_is_collected_not_regrouped(story, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks, regroup_deferred() as stories:
        event_set_status(events=[_event(EMERGENCY)], status=Event.Status.HIDDEN)
    assert stories == {story.pk}
    assert not [c for c in callbacks if c.__qualname__.startswith("_regroup_later")]
    assert StoryEvent.objects.filter(story=story).count() == 2  # nothing regrouped yet


def test_an_event_outside_any_story_queues_nothing(django_capture_on_commit_callbacks) -> None:
    event = make_reported_event(article=make_article(), sentence_text=BREACH, phrase="Wednesday", day=WEDNESDAY)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        event_set_status(events=[event], status=Event.Status.HIDDEN)
    assert not [c for c in callbacks if c.__qualname__.startswith("_regroup_later")]
