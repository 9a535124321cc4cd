"""Markup in article text, titles, sources and notes is shown literally on every page,
the admin included (its lists, forms, filters, history, delete confirmation, messages).

tests/views/test_pages.py covers the public pages and the chart's JSON with one
payload; this adds the admin, flash messages, the duplicate notice and payloads
aimed at attribute values and comments.
"""

from __future__ import annotations

import html
import json
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import make_article, make_event, make_extraction
from tests.reliability.conftest import PAYLOAD, PAYLOADS
from timeline.models import Article, Event

pytestmark = pytest.mark.django_db

SENTENCE = f"On Friday {PAYLOAD} the talks began."
EVENTS = reverse("admin:timeline_event_changelist")
ARTICLES = reverse("admin:timeline_article_changelist")


def assert_inert(page: str, where: str) -> None:
    """No payload survives as markup, and at least one is shown as text."""
    for payload in PAYLOADS:
        if any(ch in payload for ch in "<>\"'"):
            assert payload not in page, f"{where}: raw {payload!r}"
    assert "<script>alert" not in page and "<svg onload" not in page and "<img src=x" not in page, where
    assert 'href="javascript:' not in page.lower() and "onfocus='alert" not in page, where
    assert html.escape(PAYLOADS[0]) in page or json.dumps(html.escape(PAYLOADS[0]))[1:-1] in page, (
        f"{where}: the payload is not shown at all"
    )


@pytest.fixture
def hostile(db: None) -> dict[str, object]:
    article = make_article(
        title=f"Talks {PAYLOAD}", source=PAYLOAD, text=SENTENCE, dct_inferred=True, dct_evidence=PAYLOAD,
        engine_mode="blank",
    )  # fmt: skip
    event = make_event(article=article, title=f"Event {PAYLOAD}", earliest=date(2024, 4, 12), sentence_text=SENTENCE,
                       phrase="Friday", notes=PAYLOAD)  # fmt: skip
    merged = make_event(title=f"Merged {PAYLOAD}", merged_into=event)
    return {"article": article, "event": event, "merged": merged}


def test_every_admin_page_shows_the_payload_as_text(admin_client: Client, hostile):
    article, event = hostile["article"], hostile["event"]
    # Actions log the titles (history pages) and flash them (messages).
    merge = admin_client.post(EVENTS, {"action": "merge_events", "_selected_action": [event.pk, hostile["merged"].pk]},
                              follow=True)  # fmt: skip
    approve = admin_client.post(EVENTS, {"action": "approve_events", "_selected_action": [event.pk]}, follow=True)
    pages = {
        "merge message": merge,
        "approve message": approve,
        "event list": admin_client.get(EVENTS),
        "event search": admin_client.get(EVENTS, {"q": PAYLOADS[0]}),
        "event list filtered by article": admin_client.get(EVENTS, {"article__id__exact": article.pk}),
        "event change": admin_client.get(reverse("admin:timeline_event_change", args=[event.pk])),
        "event history": admin_client.get(reverse("admin:timeline_event_history", args=[event.pk])),
        "merged event change": admin_client.get(reverse("admin:timeline_event_change", args=[hostile["merged"].pk])),
        "article list": admin_client.get(ARTICLES),
        "article change": admin_client.get(reverse("admin:timeline_article_change", args=[article.pk])),
        "article delete": admin_client.get(reverse("admin:timeline_article_delete", args=[article.pk])),
        "admin index (recent actions)": admin_client.get(reverse("admin:index")),
    }
    for where, response in pages.items():
        assert response.status_code == 200, where
        assert_inert(response.content.decode(), where)


def test_every_site_page_and_message_shows_the_payload_as_text(admin_client: Client, hostile, fake_engine):
    article, event = hostile["article"], hostile["event"]
    fake_engine.result = make_extraction(SENTENCE, [("Friday", date(2024, 4, 12))])
    fresh = f"Markets fell on Monday. {PAYLOAD}"
    imported = admin_client.post(reverse("import"), {"text": fresh, "title": f"New {PAYLOAD}", "source": PAYLOAD,
                                                     "published": "2024-04-15"}, follow=False)  # fmt: skip
    assert imported.status_code == 302, "the fake engine result did not fit; the import failed"
    pages = {
        "import success message": admin_client.get(imported["Location"]),
        "duplicate notice": admin_client.post(reverse("import"), {"text": SENTENCE}),
        "reanalyse message": admin_client.post(reverse("article-reanalyse", args=[article.pk]), follow=True),
        "article list": admin_client.get(reverse("article-list")),
        "timeline": admin_client.get(reverse("timeline")),
        "article timeline": admin_client.get(reverse("article-timeline", args=[article.pk])),
        "event detail": admin_client.get(reverse("event-detail", args=[event.pk])),
        "import form with the payload echoed": admin_client.post(reverse("import"), {"text": "", "title": PAYLOAD}),
    }
    for where, response in pages.items():
        assert response.status_code == 200, where
        assert_inert(response.content.decode(), where)


def test_json_exports_carry_text_as_data(client: Client, hostile):
    article = hostile["article"]
    api = client.get(reverse("api-events"))
    assert api["Content-Type"] == "application/json"
    titles = {e["title"] for e in api.json()["events"]}
    assert f"Event {PAYLOAD}" in titles  # JSON data is the text itself; the client escapes it
    # TimelineJS renders headline and text as HTML: they arrive escaped.
    timeline = client.get(reverse("article-timelinejs", args=[article.pk]))
    assert timeline["Content-Type"] == "application/json"
    data = timeline.json()
    rendered = json.dumps(data)
    for payload in PAYLOADS:
        if "<" in payload:
            assert payload not in rendered
    # Escaped once, as element text: "<" and "&" become entities, quotes stay quotes.
    assert data["events"][0]["text"]["headline"] == html.escape(f"Event {PAYLOAD}", quote=False)
    assert data["title"]["text"]["headline"] == html.escape(article.title, quote=False)


def test_a_hostile_url_is_not_echoed(client: Client):
    response = client.get("/articles/" + PAYLOADS[0].replace(" ", "%20") + "/timeline/")
    assert response.status_code == 404
    assert "<img src=x" not in response.content.decode()


def test_titles_survive_storage_unchanged(hostile):
    # Escaping happens on output only: the stored text is what the journalist pasted.
    assert Article.objects.get(pk=hostile["article"].pk).source == PAYLOAD
    assert Event.objects.get(pk=hostile["event"].pk).notes == PAYLOAD
