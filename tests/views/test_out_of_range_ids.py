"""Ids and date parts no database column can hold answer with a 400, a 404 or the admin's
"invalid lookup" page, never a server error (SQLite raises OverflowError, PostgreSQL
NumericValueOutOfRange, a year past 9999 a ValueError)."""

from __future__ import annotations

import pytest
from django.http import QueryDict

from tests.factories import make_article, make_story
from timeline.admin.lookups import lookup_out_of_range
from timeline.models import MAX_ID

TOO_BIG = str(MAX_ID + 1)


@pytest.fixture
def story(db):
    return make_story(name="Harbour", articles=[make_article(title="Harbour closes")])


def test_the_events_api_refuses_an_id_past_the_largest_row_id(client, story):
    response = client.get(f"/api/events.json?article={TOO_BIG}")
    assert response.status_code == 400 and "positive whole numbers" in response.json()["error"]
    assert client.get(f"/api/events.json?article={MAX_ID}").status_code == 200  # the largest id is fine


@pytest.mark.parametrize("query", [f"article={TOO_BIG}", "article=1" + "0" * 23, f"at={TOO_BIG}"])
def test_story_page_and_chart_data_leave_an_impossible_article_out(client, story, query):
    for url in (f"/stories/{story.slug}/?{query}", f"/stories/{story.slug}/figure.json?{query}"):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize(
    "path", [f"/articles/{TOO_BIG}/timeline/", "/articles/" + "9" * 30 + "/timeline/", f"/events/{TOO_BIG}/"]
)
def test_a_path_id_past_the_largest_row_id_is_not_found(client, story, path):
    assert client.get(path).status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/admin/timeline/article/?published__year=99999",
        "/admin/timeline/article/?created__year=0",
        "/admin/timeline/event/?earliest__year=2024&earliest__month=13",
        "/admin/stories/storyevent/?earliest__year=99999",
        f"/admin/timeline/event/?article__id__exact={TOO_BIG}",
    ],
)
def test_admin_change_lists_answer_out_of_range_lookups_with_their_error_page(admin_client, story, url):
    response = admin_client.get(url)
    assert response.status_code == 302 and response["Location"].endswith("?e=1")
    assert admin_client.get(response["Location"]).status_code == 200


@pytest.mark.parametrize(
    ("query", "refused"),
    [
        ("published__year=2024", None),
        ("published__year=10000", "published__year"),
        ("earliest__month=0", "earliest__month"),
        ("earliest__day=31", None),
        (f"article__id__exact={MAX_ID}", None),
        (f"article__id__exact={TOO_BIG}", "article__id__exact"),
        ("q=12345678901234567890123", "q"),
        ("q=harbour", None),
    ],
)
def test_lookup_out_of_range(query, refused):
    assert lookup_out_of_range(QueryDict(query)) == refused
