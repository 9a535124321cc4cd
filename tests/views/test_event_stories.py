"""The event page links to the story events (and stories) that group it."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from tests.factories import make_article, make_event, make_story, make_story_event

pytestmark = pytest.mark.django_db
HOSTILE = "<img src=x onerror=alert(1)>"


def test_event_page_links_to_its_story_event_and_story(client) -> None:
    article = make_article()
    event = make_event(article=article, earliest=date(2025, 3, 12))
    story = make_story(name=f"Dam {HOSTILE}", articles=[article])
    story_event = make_story_event(story=story, events=[event], title=f"Dam bursts {HOSTILE}")
    other_event = make_event(article=article, earliest=date(2025, 3, 14))
    make_story_event(story=story, events=[other_event], title="Rescue ends")
    page = client.get(reverse("event-detail", args=[event.pk])).content.decode()
    detail = reverse("story-detail", args=[story.slug])
    assert f'href="{detail}?at={story_event.pk}#story-event-{story_event.pk}"' in page
    assert f'href="{detail}"' in page
    assert "Dam bursts &lt;img" in page and HOSTILE not in page
    assert "Rescue ends" not in page  # only the story event holding this event


def test_a_hidden_story_event_is_listed_only_for_curators(client, admin_client) -> None:
    article = make_article()
    event = make_event(article=article)
    story = make_story(name="Dam", articles=[article])
    make_story_event(story=story, events=[event], title="Dam bursts", status="hidden")
    url = reverse("event-detail", args=[event.pk])
    assert "Dam bursts" not in client.get(url).content.decode()
    assert "Dam bursts" in admin_client.get(url).content.decode()


def test_an_event_in_no_story_has_no_story_section(client) -> None:
    event = make_event()
    assert "In stories" not in client.get(reverse("event-detail", args=[event.pk])).content.decode()
