"""The events API (filters, 400s) and the TimelineJS export."""

from __future__ import annotations

import html
from datetime import date

import pytest
from django.urls import reverse

from tests.factories import make_article, make_event
from tests.views.conftest import HOSTILE
from timeline.models import Event
from timeline.services import event_set_status
from timeline.temporal.types import OPEN_END, OPEN_START

pytestmark = pytest.mark.django_db


def api(client, **params):
    response = client.get(reverse("api-events"), params)
    return response, response.json()


@pytest.fixture
def two_articles():
    first, second = make_article(title="First"), make_article(title="Second")
    events = {
        "early": make_event(article=first, title="early", earliest=date(2024, 4, 1)),
        "week": make_event(article=first, title="week", earliest=date(2024, 4, 8), latest=date(2024, 4, 14)),
        "late": make_event(article=second, title="late", earliest=date(2024, 4, 20)),
    }
    make_event(article=second, title="hidden", earliest=date(2024, 4, 20), status=Event.Status.HIDDEN)
    make_event(article=second, title="merged", earliest=date(2024, 4, 20), merged_into=events["late"])
    return first, second, events


def test_api_lists_shown_events_with_every_field(client, two_articles):
    first, _, events = two_articles
    response, body = api(client)
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    assert [e["title"] for e in body["events"]] == ["early", "week", "late"]
    week = next(e for e in body["events"] if e["title"] == "week")
    assert week == {
        "id": events["week"].pk, "article": first.pk, "title": "week", "earliest": "2024-04-08",
        "latest": "2024-04-14", "value": "2024-04-08", "granularity": "day", "phrase": "Saturday",
        "sentence": events["week"].sentence.text, "status": "proposed", "open_start": False, "open_end": False,
        "curated": False, "article_title": "First", "article_url": "", "article_published": "2024-04-13",
    }  # fmt: skip


def test_api_carries_the_article_metadata_and_a_curated_flag(client, db):
    article = make_article(title="Bomb <kills> 80", url="https://example.org/n", published=None)
    event = make_event(article=article, title="blast")
    event_set_status(events=[event], status=Event.Status.APPROVED)
    (row,) = api(client)[1]["events"]
    assert (row["article_title"], row["article_url"], row["article_published"], row["curated"]) == (
        "Bomb <kills> 80",
        "https://example.org/n",
        None,
        True,
    )


def test_api_flags_open_ends_and_keeps_iso_dates(client, db):
    article = make_article()
    make_event(article=article, title="from now on", earliest=date(2024, 4, 13), latest=OPEN_END)
    make_event(article=article, title="until then", earliest=OPEN_START, latest=date(2024, 4, 1))
    events = {e["title"]: e for e in api(client)[1]["events"]}
    assert (events["from now on"]["latest"], events["from now on"]["open_end"]) == ("9999-12-31", True)
    assert events["from now on"]["open_start"] is False
    assert (events["until then"]["earliest"], events["until then"]["open_start"]) == ("0001-01-01", True)
    assert events["until then"]["open_end"] is False


@pytest.mark.parametrize("style", ["repeat", "comma"])
def test_api_filters_by_article(client, two_articles, style):
    first, second, _ = two_articles
    assert [e["title"] for e in api(client, article=first.pk)[1]["events"]] == ["early", "week"]
    both = [first.pk, second.pk] if style == "repeat" else f"{first.pk},{second.pk}"
    assert len(api(client, article=both)[1]["events"]) == 3


def test_api_filters_by_overlapping_date_range(client, two_articles):
    titles = lambda **p: [e["title"] for e in api(client, **p)[1]["events"]]  # noqa: E731
    assert titles(start="2024-04-10") == ["week", "late"]
    assert titles(end="2024-04-09") == ["early", "week"]
    assert titles(start="2024-04-02", end="2024-04-19") == ["week"]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"article": "abc"}, "article must be positive whole numbers"),
        ({"article": "1,-2"}, "article must be positive whole numbers"),
        ({"start": "13/04/2024"}, "start must be a date like 2024-04-13"),
        ({"end": "2024-02-30"}, "end must be a date like 2024-04-13"),
        ({"start": "2024-05-01", "end": "2024-04-01"}, "start must be on or before end"),
    ],
)
def test_api_bad_parameters_are_400_with_a_json_error(client, db, params, message):
    response, body = api(client, **params)
    assert response.status_code == 400 and message in body["error"]


def test_json_endpoints_answer_get_and_head_only(client, db):
    article = make_article()
    for url in (reverse("api-events"), reverse("article-timelinejs", args=[article.pk])):
        assert client.post(url).status_code == 405, url
        head = client.head(url)
        assert head.status_code == 200 and head["Content-Type"] == "application/json", url
        assert head.content == b"", url


def test_unknown_parameters_are_400_naming_the_accepted_ones(client, two_articles):
    response, body = api(client, articel=1, sort="title")
    assert response.status_code == 400
    assert body["error"] == "Unknown parameters articel, sort; the accepted ones are article, start, end, status, page."
    assert "Unknown parameter colour;" in api(client, colour="red")[1]["error"]


def test_api_filters_by_status(client, two_articles):
    _, _, events = two_articles
    event_set_status(events=[events["week"]], status=Event.Status.APPROVED)
    titles = lambda **p: [e["title"] for e in api(client, **p)[1]["events"]]  # noqa: E731
    assert titles(status="approved") == ["week"]
    assert titles(status="proposed") == ["early", "late"]
    assert titles(status="proposed,approved") == titles() == ["early", "week", "late"]
    for bad in ("hidden", "approved,merged", ""):
        response, body = api(client, status=bad)
        assert response.status_code == 400 and "status must be proposed or approved" in body["error"], bad


def test_timelinejs_of_a_missing_article_is_a_json_404(client, db):
    response = client.get(reverse("article-timelinejs", args=[999]))
    assert response.status_code == 404 and response["Content-Type"] == "application/json"
    assert response.json() == {"error": "No article with id 999."}


def test_timelinejs_export_shape(client):
    article = make_article(title="Talks")
    day = make_event(
        article=article,
        title="Talks begin",
        earliest=date(2024, 4, 12),
        phrase="Friday",
        sentence_text="Talks began on Friday.",
    )
    week = make_event(article=article, title="Envoy visits", earliest=date(2024, 4, 1), latest=date(2024, 4, 7))
    make_event(article=article, title="Ceasefire holds", earliest=date(2024, 4, 14), latest=OPEN_END)
    make_event(article=article, title="Before the war", earliest=OPEN_START, latest=date(2023, 10, 6))
    body = client.get(reverse("article-timelinejs", args=[article.pk])).json()
    assert body["title"]["text"]["headline"] == "Talks"
    slides = {s["text"]["headline"]: s for s in body["events"]}
    assert slides["Talks begin"]["start_date"] == {"year": 2024, "month": 4, "day": 12}
    assert "end_date" not in slides["Talks begin"]
    assert "Talks began on <mark>Friday</mark>." in slides["Talks begin"]["text"]["text"]
    assert slides["Envoy visits"]["end_date"] == {"year": 2024, "month": 4, "day": 7}
    assert slides["Ceasefire holds"]["start_date"]["day"] == 14 and "end_date" not in slides["Ceasefire holds"]
    assert slides["Before the war"]["start_date"] == {"year": 2023, "month": 10, "day": 6}
    # Dates in words, one arrow from the phrase to them, no 9999 sentinel.
    assert "<p>“Friday” → Fri 12 Apr 2024</p>" in slides["Talks begin"]["text"]["text"]
    assert "from Sun 14 Apr 2024 on (open-ended)" in slides["Ceasefire holds"]["text"]["text"]
    assert "until Fri 6 Oct 2023" in slides["Before the war"]["text"]["text"]
    assert all(s["text"]["text"].count("→") == 1 and "9999" not in s["text"]["text"] for s in slides.values())
    assert all(
        s["group"] == "Talks" and s["unique_id"] == f"event-{pk}"
        for s, pk in [(slides["Talks begin"], day.pk), (slides["Envoy visits"], week.pk)]
    )


def test_timelinejs_export_escapes_article_text(client, hostile_article):
    body = client.get(reverse("article-timelinejs", args=[hostile_article.pk])).json()
    text = str(body)
    assert HOSTILE not in text and html.escape(HOSTILE) in text
    assert "<script" not in text
