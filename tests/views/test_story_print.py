"""The printable chronology: every happening the filters keep, with sources; no filters or chart."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.factories import make_article, make_event, make_story, make_story_event
from webapp.views import stories as story_views

pytestmark = pytest.mark.django_db


@pytest.fixture
def story():
    ap, xinhua = make_article(title="AP wire", source="AP"), make_article(title="Xinhua wire", source="Xinhua")
    story = make_story(name="Harbour <b>strike</b>", articles=[ap, xinhua])
    for n in range(5):
        day = date(2025, 3, 10) + timedelta(days=n)
        events = [
            make_event(
                article=a,
                title=f"Dockers strike day {n}",
                sentence_text=f"Dockers struck, day {n}, on Monday.",
                phrase="Monday",
                earliest=day,
            )
            for a in ((ap, xinhua) if n == 0 else (ap,))
        ]
        make_story_event(story=story, events=events, title=f"Dockers strike day {n}")
    return story


def test_every_happening_on_one_page_with_its_sources_and_no_filters(client, story, monkeypatch):
    monkeypatch.setattr(story_views, "TABLE_PAGE_SIZE", 2)  # the screen table would page; print never does
    page = client.get(f"/stories/{story.slug}/print/").content.decode()
    assert all(f"Dockers strike day {n}" in page for n in range(5))
    assert "2 articles from 2 outlets" in page and "Key dates" in page and "AP wire (AP)" in page
    assert 'class="card story-filters"' not in page and "timeline-chart" not in page
    assert "Harbour &lt;b&gt;strike&lt;/b&gt;" in page and "<b>strike</b>" not in page


def test_the_filters_carry_over_and_are_named(client, story):
    page = client.get(f"/stories/{story.slug}/print/", {"start": "2025-03-13"}).content.decode()
    assert "Dockers strike day 3" in page and "Dockers strike day 0" not in page
    assert "filtered by from “2025-03-13”" in page


def test_the_story_page_links_its_printable_chronology_with_the_filters(client, story):
    page = client.get(f"/stories/{story.slug}/", {"outlet": "AP"}).content.decode()
    assert f'href="/stories/{story.slug}/print/?outlet=AP"' in page
    assert client.get("/stories/no-such-story/print/").status_code == 404
