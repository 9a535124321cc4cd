"""Download links of a story and an article: formats, approved only, bad parameters."""

from __future__ import annotations

import json
from datetime import date

import pytest
from django.urls import reverse

from tests.factories import make_article, make_event, make_story, make_story_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def story():
    article = make_article(source="/var/lib/timeline/x.txt")
    approved = make_event(article=article, title="Approved thing", earliest=date(2024, 4, 12), status="approved")
    proposed = make_event(article=article, title="Proposed thing", earliest=date(2024, 4, 13))
    story = make_story(name="Downloads", articles=[article])
    make_story_event(story=story, events=[approved], status="approved")
    make_story_event(story=story, events=[proposed])
    return story


@pytest.mark.parametrize(("fmt", "kind"), [("json", "application/json"), ("csv", "text/csv"),
                                           ("ics", "text/calendar"), ("timelinejs", "application/json"),
                                           ("timeml", "application/zip")])  # fmt: skip
def test_story_downloads(client, story, fmt, kind):
    response = client.get(reverse("story-export", args=[story.slug, fmt]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith(kind)
    assert "attachment;" in response["Content-Disposition"] and "downloads." in response["Content-Disposition"]
    assert b"/var/lib" not in response.content


def test_story_page_links_every_download(client, story):
    html = client.get(reverse("story-detail", args=[story.slug])).content.decode()
    for fmt in ("json", "csv", "ics", "timelinejs", "timeml"):
        assert reverse("story-export", args=[story.slug, fmt]) in html
    assert reverse("story-export", args=[story.slug, "json"]) + "?status=approved" in html


def test_approved_only_download(client, story):
    url = reverse("story-export", args=[story.slug, "json"]) + "?status=approved"
    data = json.loads(client.get(url).content)
    assert [e["title"] for e in data["events"]] == ["Approved thing"]


@pytest.mark.parametrize("query", ["?status=hidden", "?approved=1"])
def test_bad_parameters_are_a_400_that_says_why(client, story, query):
    response = client.get(reverse("story-export", args=[story.slug, "json"]) + query)
    assert response.status_code == 400
    assert "status" in response.json()["error"]


def test_unknown_format_or_story_is_404(client, story):
    assert client.get(reverse("story-export", args=[story.slug, "pdf"])).status_code == 404
    assert client.get(reverse("story-export", args=["missing", "json"])).status_code == 404


def test_article_download(client, story):
    article = story.articles.get()
    data = json.loads(client.get(reverse("article-export", args=[article.pk, "json"])).content)
    assert [e["title"] for e in data["events"]] == ["Approved thing", "Proposed thing"]
    assert data["articles"][0]["source"] == "x.txt"
    assert client.get(reverse("article-export", args=[999999, "json"])).status_code == 404


def test_article_page_links_its_exports(client, story):
    article = story.articles.get()
    html = client.get(reverse("article-timeline", args=[article.pk])).content.decode()
    for fmt in ("json", "csv", "ics"):
        assert reverse("article-export", args=[article.pk, fmt]) in html


def test_a_filtered_page_downloads_what_its_filters_keep(client, story):
    page = client.get(reverse("story-detail", args=[story.slug]), {"status": "approved"}).content.decode()
    assert reverse("story-export", args=[story.slug, "csv"]) + "?status=approved" in page
    data = json.loads(client.get(reverse("story-export", args=[story.slug, "json"]) + "?q=Approved").content)
    assert [e["title"] for e in data["events"]] == ["Approved thing"] and data["filters"] == {"Keyword": "Approved"}
    response = client.get(reverse("story-export", args=[story.slug, "csv"]) + "?q=Approved")
    assert "-filtered.csv" in response["Content-Disposition"]
    bad = client.get(reverse("story-export", args=[story.slug, "json"]) + "?start=yesterday")
    assert bad.status_code == 400 and "start" in bad.json()["error"]
