"""The public all-articles chart is bounded: past the cap it keeps the most recent events and
says, in the payload and on the page, how many it left out and where to see them."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.urls import reverse

from tests.factories import make_article, make_event

pytestmark = pytest.mark.django_db


def _event_ids(figure: dict) -> set[int]:
    return {int(point[0]) for trace in figure["data"] for point in (trace.get("customdata") or []) if point}


@pytest.fixture
def seven_days(settings):
    settings.TIMELINE_FIGURE_MAX_EVENTS = 4
    article = make_article()
    return [make_event(article=article, earliest=date(2024, 4, 1) + timedelta(days=n)) for n in range(7)]


def test_the_all_articles_figure_keeps_the_most_recent_events_and_counts_the_rest(client, seven_days):
    figure = client.get(reverse("timeline-figure")).json()
    assert _event_ids(figure) == {event.pk for event in seven_days[3:]}
    assert figure["left_out"]["events"] == 3 and figure["left_out"]["shown"] == 4
    assert "story's page" in figure["left_out"]["hint"]


def test_the_page_says_how_many_the_chart_left_out_and_the_table_keeps_all(client, seven_days):
    html = client.get(reverse("timeline")).content.decode()
    assert "The chart shows the 4 most recent of 7 events (3 left out)" in html
    assert all(event.title in html for event in seven_days)  # the table lists every event


def test_under_the_cap_nothing_is_left_out(client, seven_days, settings):
    article_id = seven_days[0].article_id
    capped = client.get(reverse("article-timeline-figure", args=[article_id])).json()
    assert len(_event_ids(capped)) == 4 and capped["left_out"]["events"] == 3  # an article's chart is capped too
    settings.TIMELINE_FIGURE_MAX_EVENTS = 7
    one_article = client.get(reverse("article-timeline-figure", args=[article_id])).json()
    assert _event_ids(one_article) == {e.pk for e in seven_days} and "left_out" not in one_article
    everything = client.get(reverse("timeline-figure")).json()
    assert len(_event_ids(everything)) == 7 and "left_out" not in everything
    assert "most recent of" not in client.get(reverse("timeline")).content.decode()


def test_an_article_figure_of_ten_thousand_events_is_capped_at_the_default(client):
    from tests.browser.bulk import make_many_events
    from webapp import settings as site_settings

    (article,) = make_many_events(articles=1, events=10_000)
    cap = site_settings.TIMELINE_FIGURE_MAX_EVENTS
    figure = client.get(reverse("article-timeline-figure", args=[article.pk])).json()
    assert len(_event_ids(figure)) <= cap and figure["left_out"]["events"] == 10_000 - cap


def test_a_story_figure_past_the_cap_charts_the_first_happenings_and_says_how_many_are_left(client, settings):
    from tests.factories import make_story, make_story_event

    settings.TIMELINE_FIGURE_MAX_EVENTS = 3
    article = make_article()
    story = make_story(name="Long story", articles=[article])
    for n in range(5):
        event = make_event(article=article, title=f"Happening {n}", earliest=date(2024, 4, 1) + timedelta(days=n))
        make_story_event(story=story, events=[event], title=f"Happening {n}")
    figure = client.get(reverse("story-figure", args=[story.slug])).json()
    assert figure["left_out"] == {
        "events": 2,
        "shown": 3,
        "hint": "Narrow the dates or other filters to chart the rest.",
    }
    assert "Happening 2" in str(figure) and "Happening 3" not in str(figure)
    page = client.get(reverse("story-detail", args=[story.slug])).content.decode()
    assert "The chart shows the first 3 of 5 happenings" in page
