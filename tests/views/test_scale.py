"""The timeline at scale: constant queries, hover strings sent once, a paged API, indexed dates."""

from __future__ import annotations

import json
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.browser.bulk import make_many_events
from timeline import selectors
from timeline.models import Event
from webapp.charts.article.figure import HOVER_SENTENCE_EVENTS, ChartArticle, ChartEvent, timeline_figure_spec
from webapp.charts.payload import expand_hover_strings, share_hover_strings
from webapp.charts.style import VISIBLE_LANES
from webapp.views.api import API_PAGE_SIZE
from webapp.views.chart_rows import chart_article, chart_event_row
from webapp.views.pages import TABLE_PAGE_SIZE

pytestmark = pytest.mark.django_db


def _queries(client, url: str) -> tuple[int, bytes]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured), response.content


def _figure(client, url: str) -> dict:
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    return response.json()


def _dated_points(figure: dict) -> list[list]:
    return [row for trace in figure["data"] if "customdata" in trace for row in trace["customdata"]]


def _urls_for_busiest_article() -> dict[str, str]:
    busiest = max(selectors.article_list(), key=lambda a: (a.event_count, a.pk)).pk
    return {
        "timeline": reverse("timeline"),
        "timeline, table page 2": f"{reverse('timeline')}?page=2",
        "timeline figure": reverse("timeline-figure"),
        "article timeline": reverse("article-timeline", args=[busiest]),
        "article figure": reverse("article-timeline-figure", args=[busiest]),
        "events API": reverse("api-events"),
        "events API, one article": f"{reverse('api-events')}?article={busiest}",
        "article list": reverse("article-list"),
    }


def test_queries_stay_constant_from_a_few_to_thousands_of_events(client):
    make_many_events(articles=4, events=TABLE_PAGE_SIZE + 40)  # the table has a second page
    few = {name: _queries(client, url)[0] for name, url in _urls_for_busiest_article().items()}
    make_many_events(articles=4, events=3_000)
    many = {name: _queries(client, url)[0] for name, url in _urls_for_busiest_article().items()}
    # The article page adds one query for the links to where its merged events went.
    assert many == few and max(many.values()) <= 4


def test_a_large_timeline_sends_each_hover_string_once_and_no_sentences(client):
    make_many_events(articles=5, events=HOVER_SENTENCE_EVENTS + 500)
    _, html = _queries(client, reverse("timeline"))
    assert b"officials said the talks" in html and len(html) < 500_000  # the table's page, not the chart
    figure = _figure(client, reverse("timeline-figure"))
    strings = figure["strings"]
    assert len(strings) == len(set(strings))
    rows = _dated_points(figure)
    assert len(rows) == HOVER_SENTENCE_EVENTS + 500
    assert all(isinstance(i, int) and 0 <= i < len(strings) for row in rows for i in row[1:])
    assert len(strings) < 3 * len(rows)  # phrases and dates repeat; each is sent once
    assert "Friday" in strings
    assert all(trace["type"] == "scattergl" for trace in figure["data"])
    # The browser sees exactly the figure the chart builder made, without sentence fields.
    events = [chart_event_row(row) for row in selectors.event_rows()]
    articles = [chart_article(a) for a in sorted(selectors.article_list(), key=lambda a: (a.published, a.pk))]
    built = timeline_figure_spec(events, articles)
    assert expand_hover_strings(figure)["data"] == json.loads(json.dumps(built["data"]))
    assert {len(row) for row in _dated_points(built)} == {4}
    assert "officials said the talks" not in json.dumps(figure)  # sentences wait for a click


def test_a_small_timeline_keeps_sentences_in_the_hover(client):
    article = make_many_events(articles=1, events=30)[0]
    rows = _dated_points(expand_hover_strings(_figure(client, reverse("article-timeline-figure", args=[article.pk]))))
    assert len(rows) == 30 and all(len(row) == 7 for row in rows)
    assert all("talks were difficult" in "".join(row[4:]) and row[5] == "Friday" for row in rows)


def test_the_table_shows_one_page_of_the_same_ordered_events(client):
    make_many_events(articles=3, events=TABLE_PAGE_SIZE + 50)
    ordered = list(selectors.event_rows().values_list("id", flat=True))
    _, html = _queries(client, f"{reverse('timeline')}?page=2")
    links = [int(part.split("/")[0]) for part in html.decode().split('class="title"><a href="/events/')[1:]]
    assert links == ordered[TABLE_PAGE_SIZE:]


def test_the_api_pages_through_a_large_timeline_keeping_its_filters(client):
    make_many_events(articles=2, events=API_PAGE_SIZE * 2 + 10)
    start = date(2022, 1, 1)
    expected = list(selectors.event_rows(start=start).values_list("id", flat=True))
    url, seen, pages = f"{reverse('api-events')}?start={start.isoformat()}", [], 0
    while url:
        body = client.get(url).json()
        assert body["count"] == len(expected) and len(body["events"]) <= API_PAGE_SIZE
        seen += [event["id"] for event in body["events"]]
        url, pages = body["next"], pages + 1
        assert url is None or "start=2022-01-01" in url
    assert seen == expected and pages == body["pages"] == -(-len(expected) // API_PAGE_SIZE)
    assert body["previous"] is not None and body["page"] == pages


@pytest.mark.parametrize("page", ["0", "-1", "x", "99"])
def test_api_rejects_pages_that_do_not_exist(client, page):
    make_many_events(articles=1, events=5)
    response = client.get(reverse("api-events"), {"page": page})
    assert response.status_code == 400 and "page must be" in response.json()["error"]


def test_event_date_columns_are_indexed():
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, Event._meta.db_table)
    indexed = {tuple(c["columns"]) for c in constraints.values() if c["index"]}
    assert ("earliest",) in indexed and ("latest",) in indexed
    assert ("article_id", "earliest") in indexed


def test_sharing_hover_strings_round_trips_and_leaves_other_traces_alone():
    spec = {
        "data": [
            {"type": "scattergl", "x": [1, 2], "customdata": [[7, "Talks", "Friday", "Fri"], [8, "Vote", "Friday", "Sat"]]},
            {"type": "scattergl", "x": [1, None, 2], "hoverinfo": "skip"},
        ],
        "layout": {"height": 300},
    }  # fmt: skip
    shared = share_hover_strings(spec)
    assert shared["strings"] == ["Talks", "Friday", "Fri", "Vote", "Sat"]
    assert shared["data"][0]["customdata"] == [[7, 0, 1, 2], [8, 3, 1, 4]]
    assert shared["data"][1] == spec["data"][1] and shared["layout"] == spec["layout"]
    assert expand_hover_strings(shared) == spec
    assert spec["data"][0]["customdata"][0] == [7, "Talks", "Friday", "Fri"]  # the input is not changed


def _lanes(count: int) -> dict:
    articles = [ChartArticle(id=n, title=f"Article {n}", published=date(2024, 4, 1)) for n in range(1, count + 1)]
    events = [ChartEvent(id=n, article_id=n, title=f"Event {n}", earliest=date(2024, 4, 2), latest=date(2024, 4, 2))
              for n in range(1, count + 1)]  # fmt: skip
    return timeline_figure_spec(events, articles)["layout"]


def test_many_lanes_scroll_inside_a_chart_of_bounded_height():
    layout = _lanes(VISIBLE_LANES * 5)
    assert layout["height"] <= 1000 and layout["yaxis"]["range"] == [VISIBLE_LANES - 0.5, -0.5]
    assert layout["yaxis"]["fixedrange"] is False and len(layout["yaxis"]["tickvals"]) == VISIBLE_LANES * 5
    assert any(f"{VISIBLE_LANES} of {VISIBLE_LANES * 5} articles shown" in a["text"] for a in layout["annotations"])
    assert layout["showlegend"] is False  # the lane names say which article is which

    few = _lanes(VISIBLE_LANES)
    assert few["yaxis"]["range"] == [VISIBLE_LANES - 0.5, -0.5] and few["yaxis"]["fixedrange"] is True
    assert not any("articles shown" in a["text"] for a in few["annotations"])
