"""An event's relation to its time is stored with its reason, dates it, and shows on the event page."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from django.urls import reverse

from tests.factories import make_extraction
from timeline.models import Event
from timeline.services import article_import, article_reanalyse

pytestmark = pytest.mark.django_db

TEXT = "Ford has announced cuts during the fourth quarter. Apple will ship it on Saturday."
DCT = date(2024, 4, 10)
REASON = "'announced' reports (a present perfect takes no past date): dated by the article"


def _extraction():
    extraction = make_extraction(TEXT, [("the fourth quarter", date(2023, 10, 1)), ("Saturday", date(2024, 4, 13))])
    first, second = extraction.events
    extraction.events = [
        replace(first, relation="reported", reason=REASON, earliest=DCT, latest=DCT, value="2024-04-10",
                granularity="day"),
        replace(second, relation="planned", reason="'ship' looks ahead: planned for 'Saturday'"),
    ]  # fmt: skip
    return extraction


def test_relation_reason_and_own_dates_are_stored(fake_engine):
    fake_engine.result = _extraction()
    article = article_import(text=TEXT, title="Cuts", published=DCT)
    rows = list(Event.objects.filter(article=article).order_by("sentence__index"))
    assert [(e.relation, e.earliest, e.latest, e.value) for e in rows] == [
        ("reported", DCT, DCT, "2024-04-10"),  # the report's own date, not the quarter's
        ("planned", date(2024, 4, 13), date(2024, 4, 13), "2024-04-13"),
    ]
    assert rows[0].relation_reason == REASON
    assert rows[0].expression.text == "the fourth quarter"


def test_reanalysis_updates_the_relation_of_an_untouched_event(fake_engine):
    fake_engine.result = _extraction()
    article = article_import(text=TEXT, title="Cuts", published=DCT)
    event = Event.objects.get(article=article, relation="planned")
    changed = _extraction()
    changed.events[1] = replace(changed.events[1], relation="at", reason="'on Saturday' dates 'ship'")
    fake_engine.result = changed
    article_reanalyse(article=article)
    event.refresh_from_db()
    assert (event.relation, event.relation_reason) == ("at", "'on Saturday' dates 'ship'")


def test_event_page_shows_the_relation_and_why(client, fake_engine):
    fake_engine.result = _extraction()
    article = article_import(text=TEXT, title="Cuts", published=DCT)
    event = Event.objects.get(article=article, relation="reported")
    html = client.get(reverse("event-detail", args=[event.pk])).content.decode()
    assert "Relation" in html and "reported" in html
    assert "dated by the article" in html and "present perfect takes no past date" in html
