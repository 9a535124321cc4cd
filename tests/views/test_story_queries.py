"""The story page, its chart data and its exports cost the same queries for 10 or 200 story events."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import make_article, make_event, make_story, make_story_event

pytestmark = pytest.mark.django_db


def add_story_events(story, articles, count: int) -> None:
    for n in range(count):
        day = date(2024, 1, 1) + timedelta(days=n % 90)
        events = [make_event(article=a, earliest=day, title=f"Event {n}") for a in articles[: 1 + n % len(articles)]]
        make_story_event(story=story, events=events)


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    ("name", "args", "query", "most"),
    [("story-detail", [], "", 6), ("story-detail", [], "?q=Event&outlet=AP&start=2024-01-05", 5),
     ("story-figure", [], "", 1), ("story-figure", [], "?q=Event&status=proposed&outlet=AP", 1),
     ("story-export", ["json"], "", 3), ("story-export", ["csv"], "?status=approved", 3),
     ("story-list", None, "", 1)],
)  # fmt: skip
def test_query_count_does_not_grow_with_story_events(client, name, args, query, most):
    articles = [make_article(source="AP"), make_article(source="Xinhua"), make_article()]
    story = make_story(name="Scale", articles=articles)
    url = reverse(name, args=None if args is None else [story.slug, *args]) + query
    add_story_events(story, articles, 6)
    few = queries(client, url)
    add_story_events(story, articles, 120)
    many = queries(client, url)
    assert many == few, f"{name}: {few} queries for 6 story events, {many} for 126"
    assert few <= most
