"""The real seed article through the real engine: its timeline page and API carry the right dates."""

from __future__ import annotations

import pytest
from django.urls import reverse

from webapp.charts.payload import expand_hover_strings

pytestmark = pytest.mark.django_db

# (phrase, earliest, latest) the seed must resolve to, DCT 2024-04-13.
EXPECTED = [
    ("Friday", "2024-04-12", "2024-04-12"),
    ("last week", "2024-04-01", "2024-04-07"),
    ("October 7", "2023-10-07", "2023-10-07"),
]


def test_seed_api_returns_its_dated_events(client, seed_article):
    events = client.get(reverse("api-events"), {"article": seed_article.pk}).json()["events"]
    assert len(events) >= 12
    by_phrase = {(e["phrase"], e["earliest"], e["latest"]) for e in events}
    for expected in EXPECTED:
        assert expected in by_phrase, f"{expected} missing from {sorted(by_phrase)}"
    friday = next(e for e in events if e["phrase"] == "Friday")
    assert "Biden kept his promise on Friday" in friday["sentence"]


def test_seed_timeline_page_shows_its_events_in_chart_and_table(client, seed_article):
    response = client.get(reverse("article-timeline", args=[seed_article.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Sat 13 Apr 2024" in html and "inferred from: “Saturday, April 13, 2024”" in html
    assert "Biden kept his promise on <mark>Friday</mark>" in html
    assert "1–7 Apr 2024" in html and "<mark>last week</mark>" in html
    figure_url = reverse("article-timeline-figure", args=[seed_article.pk])
    assert f'data-figure-url="{figure_url}"' in html
    figure = expand_hover_strings(client.get(figure_url).json())
    points = [fields for trace in figure["data"] if "customdata" in trace for fields in trace["customdata"]]
    assert len(points) >= 12
    assert any(f[2] == "Friday" and "Fri 12 Apr 2024" in f[3] for f in points)
    assert any(f[2] == "last week" and "1–7 Apr 2024" in f[3] for f in points)


def test_seed_appears_on_the_all_articles_timeline(client, seed_article):
    html = client.get(reverse("timeline")).content.decode()
    assert seed_article.title in html and "Biden kept his promise on <mark>Friday</mark>" in html


def test_seed_timelinejs_export(client, seed_article):
    body = client.get(reverse("article-timelinejs", args=[seed_article.pk])).json()
    assert len(body["events"]) >= 12
    starts = {(s["start_date"]["year"], s["start_date"]["month"], s["start_date"]["day"]) for s in body["events"]}
    assert {(2024, 4, 12), (2024, 4, 1), (2023, 10, 7)} <= starts
