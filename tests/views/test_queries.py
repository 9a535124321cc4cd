"""The timeline pages and the API cost the same number of queries for 10 or 200 events."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import make_article, make_event

pytestmark = pytest.mark.django_db


def add_events(article, count: int) -> None:
    for n in range(count):
        make_event(article=article, earliest=date(2024, 1, 1) + timedelta(days=n % 90), title=f"Event {n}")


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("name", ["timeline", "article-timeline", "api-events", "article-timelinejs", "article-list"])
def test_query_count_does_not_grow_with_events(client, name):
    articles = [make_article(), make_article()]
    url = lambda: reverse(name, args=[articles[0].pk] if name.startswith("article-") and name != "article-list" else [])  # noqa: E731
    add_events(articles[0], 5)
    add_events(articles[1], 5)
    few = queries(client, url())
    add_events(articles[0], 95)
    add_events(articles[1], 95)
    many = queries(client, url())
    assert many == few, f"{name}: {few} queries for 10 events, {many} for 200"
    assert few <= 4


def test_event_detail_query_count_is_small(client, django_assert_max_num_queries):
    event = make_event()
    with django_assert_max_num_queries(3):
        assert client.get(reverse("event-detail", args=[event.pk])).status_code == 200
