"""The stories app regroups a story after one of its articles is re-analysed or deleted."""

from __future__ import annotations

from datetime import date

import pytest

from tests.factories import make_extraction, make_story
from timeline.services import article_delete, article_import, article_reanalyse
from timeline.stories.models import StoryEvent, StoryMention
from timeline.stories.services import story_add_articles

pytestmark = pytest.mark.django_db
DAY = date(2025, 3, 12)
TEXT_A = "The Dunmore Dam collapsed on Wednesday. Crews pulled residents from roofs on Thursday."
TEXT_B = "The Dunmore Dam gave way on Wednesday. Governor Marsh declared an emergency on Friday."


def _regroups(callbacks: list) -> list:
    return [c for c in callbacks if c.__qualname__.startswith(("regroup_after_", "_regroup_later"))]


def _import(fake_engine, text: str, phrases: list[tuple[str, date]]):
    fake_engine.result = make_extraction(text, phrases, dct=DAY)
    return article_import(text=text, title=text[:20], published=DAY)


def test_reanalysis_regroups_the_story_after_commit(fake_engine, django_capture_on_commit_callbacks) -> None:
    a = _import(fake_engine, TEXT_A, [("Wednesday", DAY), ("Thursday", date(2025, 3, 13))])
    b = _import(fake_engine, TEXT_B, [("Wednesday", DAY), ("Friday", date(2025, 3, 14))])
    story = make_story()
    story_add_articles(story=story, articles=[a, b])
    before = set(StoryMention.objects.filter(story=story).values_list("event_id", flat=True))
    assert len(before) == 4 and StoryEvent.objects.filter(story=story).count() == 3
    # Re-analysis now finds only the Wednesday sentence in A.
    fake_engine.result = make_extraction(TEXT_A, [("Wednesday", DAY)], dct=DAY)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        article_reanalyse(article=a)
    assert len(_regroups(callbacks)) == 1  # other apps may hook the analysis too
    after = set(StoryMention.objects.filter(story=story).values_list("event_id", flat=True))
    assert after == set(a.events.values_list("pk", flat=True)) | set(b.events.values_list("pk", flat=True))
    assert StoryEvent.objects.filter(story=story).count() == 2
    groups = sorted(se.mentions.count() for se in StoryEvent.objects.filter(story=story))
    assert groups == [1, 2]  # A's Wednesday event joined B's again
    story_events = set(StoryEvent.objects.filter(story=story).values_list("pk", flat=True))
    with django_capture_on_commit_callbacks(execute=True):
        article_reanalyse(article=a)  # the same analysis again: the same events (stable ids), the same grouping
    assert set(StoryMention.objects.filter(story=story).values_list("event_id", flat=True)) == after
    assert set(StoryEvent.objects.filter(story=story).values_list("pk", flat=True)) == story_events


def test_an_article_outside_any_story_queues_nothing(fake_engine, django_capture_on_commit_callbacks) -> None:
    a = _import(fake_engine, TEXT_A, [("Wednesday", DAY)])
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        article_reanalyse(article=a)
    assert _regroups(callbacks) == []


def test_deleting_an_article_removes_its_story_events(fake_engine, django_capture_on_commit_callbacks) -> None:
    a = _import(fake_engine, TEXT_A, [("Wednesday", DAY), ("Thursday", date(2025, 3, 13))])
    b = _import(fake_engine, TEXT_B, [("Wednesday", DAY)])
    story = make_story()
    story_add_articles(story=story, articles=[a, b])
    with django_capture_on_commit_callbacks(execute=True):
        article_delete(article=a)
    assert StoryEvent.objects.filter(story=story).count() == 1
    assert StoryEvent.objects.get(story=story).mentions.get().event.article_id == b.pk


def test_a_bulk_reanalysis_regroups_each_story_once(fake_engine, monkeypatch, django_capture_on_commit_callbacks):
    from io import StringIO

    from django.core.management import call_command

    from timeline.stories import services as story_services

    a = _import(fake_engine, TEXT_A, [("Wednesday", DAY), ("Thursday", date(2025, 3, 13))])
    b = _import(fake_engine, TEXT_B, [("Wednesday", DAY), ("Friday", date(2025, 3, 14))])
    story = make_story()
    story_add_articles(story=story, articles=[a, b])
    rebuilt: list[int] = []
    real_rebuild = story_services.story_events_rebuild
    monkeypatch.setattr(
        story_services, "story_events_rebuild", lambda *, story: rebuilt.append(story.pk) or real_rebuild(story=story)
    )
    fake_engine.result = make_extraction(TEXT_A, [("Wednesday", DAY)], dct=DAY)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("reanalyse", "--story", story.name, "--no-progress", stdout=StringIO())
    assert rebuilt == [story.pk]  # once for the story, not once per article
    assert StoryEvent.objects.filter(story=story).exists()
