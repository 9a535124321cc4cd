"""Event and Article admin: list, search, actions (through services, logged), safe highlight."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.urls import reverse

from tests.factories import make_article, make_event, make_extraction
from timeline.models import Event

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:timeline_event_changelist")


def _action(client, action: str, events: list[Event]):
    return client.post(
        CHANGELIST, {"action": action, "_selected_action": [e.pk for e in events]}, follow=True
    )


def _logged(event: Event) -> list[str]:
    return list(
        LogEntry.objects.filter(object_id=str(event.pk), content_type__model="event", action_flag=CHANGE)
        .order_by("action_time", "id").values_list("change_message", flat=True)
    )


def test_changelist_loads_and_search_finds_title_sentence_and_notes(admin_client):
    make_event(title="Iran launches drones", sentence_text="Drones flew over Jordan on Saturday.")
    make_event(title="Biden convenes aides", notes="check pool report")
    response = admin_client.get(CHANGELIST)
    assert response.status_code == 200
    assert b"Iran launches drones" in response.content and b"Biden convenes aides" in response.content
    for query, expected, other in [
        ("Jordan", "Iran launches drones", "Biden convenes aides"),
        ("pool report", "Biden convenes aides", "Iran launches drones"),
        ("convenes", "Biden convenes aides", "Iran launches drones"),
    ]:
        found = admin_client.get(CHANGELIST, {"q": query}).content.decode()
        assert expected in found and other not in found, query


def test_changelist_filters_and_date_hierarchy_load(admin_client):
    event = make_event(earliest=date(2024, 4, 13))
    for params in ({"status__exact": "proposed"}, {"earliest__year": "2024"}, {"article__id__exact": event.article_id}):
        response = admin_client.get(CHANGELIST, params)
        assert response.status_code == 200 and event.title.encode() in response.content, params


def test_approve_and_hide_actions_change_status_and_log(admin_client):
    first, second = make_event(), make_event()
    response = _action(admin_client, "approve_events", [first, second])
    assert "2 event(s) now approved" in response.content.decode()
    _action(admin_client, "hide_events", [second])
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, first.curated, second.status) == ("approved", True, "hidden")
    assert _logged(first) == ["Set status to approved."]
    assert _logged(second) == ["Set status to approved.", "Set status to hidden."]


def test_merge_action_merges_into_the_earliest_created_and_logs(admin_client):
    oldest = make_event(earliest=date(2024, 4, 13))
    newer = make_event(article=make_article(), earliest=date(2024, 4, 15))
    _action(admin_client, "merge_events", [newer, oldest])
    newer.refresh_from_db()
    oldest.refresh_from_db()
    assert newer.merged_into == oldest and oldest.latest == date(2024, 4, 15)
    assert _logged(newer) == [f'Merged into "{oldest}" (event {oldest.pk}).']
    assert _logged(oldest) == ["Merged 1 event(s) into this one."]


def test_merge_action_with_one_event_warns_and_changes_nothing(admin_client):
    event = make_event()
    response = _action(admin_client, "merge_events", [event])
    assert "Select at least two events" in response.content.decode()
    assert not LogEntry.objects.exists()


def test_merge_action_reports_a_cycle_left_in_the_data(admin_client):
    root, child = make_event(), make_event()
    # Two events pointing at each other (only raw SQL can do this) are reported, not followed forever.
    Event.objects.filter(pk=child.pk).update(merged_into=root)
    Event.objects.filter(pk=root.pk).update(merged_into=child)
    response = _action(admin_client, "merge_events", [root, child])
    assert "merged in a cycle" in response.content.decode()
    assert not LogEntry.objects.exists()


def test_reresolve_action_reanalyses_the_articles_and_logs(admin_client, fake_engine):
    text = "Iran attacked on Saturday. Biden met aides on Sunday."
    article = make_article(text=text)
    approved = make_event(article=article, sentence_text="Iran attacked on Saturday.", status="approved", curated=True)
    stale = make_event(article=article, sentence_text="Something on Saturday.")
    fake_engine.result = make_extraction(text, [("Saturday", date(2024, 4, 13)), ("Sunday", date(2024, 4, 14))])

    response = _action(admin_client, "reanalyse_event_articles", [approved, stale])

    assert "Re-analysed 1 article(s)." in response.content.decode()
    assert fake_engine.calls == [(text, date(2024, 4, 13), "auto")]
    assert not Event.objects.filter(pk=stale.pk).exists()
    approved.refresh_from_db()
    assert approved.expression.text == "Saturday" and approved.sentence.text == "Iran attacked on Saturday."
    assert sorted(article.events.values_list("expression__text", flat=True)) == ["Saturday", "Sunday"]
    assert LogEntry.objects.get(content_type__model="article").change_message == "Re-analysed; curated events kept."


def test_change_page_shows_the_sentence_escaped_with_the_phrase_marked(admin_client):
    event = make_event(sentence_text='<script>alert("x")</script> struck on Saturday & fled.', phrase="Saturday")
    page = admin_client.get(reverse("admin:timeline_event_change", args=[event.pk])).content.decode()
    assert (
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; struck on <mark>Saturday</mark> &amp; fled." in page
    )
    assert '<script>alert("x")</script>' not in page


def test_saving_dates_in_the_change_form_goes_through_services(admin_client):
    event = make_event(earliest=date(2024, 4, 13))
    url = reverse("admin:timeline_event_change", args=[event.pk])
    data = {
        "title": event.title, "earliest": "2024-04-10", "latest": "2024-04-12", "value": event.value,
        "granularity": "day", "status": "proposed", "notes": "",
    }  # fmt: skip
    response = admin_client.post(url, data)
    assert response.status_code == 302
    event.refresh_from_db()
    assert (event.earliest, event.latest, event.curated) == (date(2024, 4, 10), date(2024, 4, 12), True)
    assert {"earliest", "latest"} <= set(event.curated_fields)
    assert LogEntry.objects.filter(object_id=str(event.pk)).exists()

    data.update(earliest="2024-04-20")
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "The latest date must be on or after the earliest date." in response.content.decode()
    event.refresh_from_db()
    assert event.earliest == date(2024, 4, 10)


def test_article_admin_lists_and_shows_inlines(admin_client):
    event = make_event(title="Drones launched")
    listing = admin_client.get(reverse("admin:timeline_article_changelist"))
    assert listing.status_code == 200 and event.article.title in listing.content.decode()
    page = admin_client.get(reverse("admin:timeline_article_change", args=[event.article_id]))
    assert page.status_code == 200 and "Drones launched" in page.content.decode()
