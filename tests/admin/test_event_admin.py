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
    return client.post(CHANGELIST, {"action": action, "_selected_action": [e.pk for e in events]}, follow=True)


def _logged(event: Event) -> list[str]:
    return list(
        LogEntry.objects.filter(object_id=str(event.pk), content_type__model="event", action_flag=CHANGE)
        .order_by("action_time", "id")
        .values_list("change_message", flat=True)
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


def _confirm_merge(client, events: list[Event], survivor: Event | None):
    data = {"action": "merge_events", "_selected_action": [e.pk for e in events], "confirm": "yes"}
    if survivor is not None:
        data["survivor"] = survivor.pk
    return client.post(CHANGELIST, data, follow=True)


def test_merge_action_first_shows_a_confirmation_page_and_changes_nothing(admin_client):
    oldest = make_event(title="Drones launched", earliest=date(2024, 4, 13))
    newer = make_event(article=make_article(title="Second desk"), title="Drone attack", earliest=date(2024, 4, 15))
    response = _action(admin_client, "merge_events", [newer, oldest])
    page = response.content.decode()
    assert response.status_code == 200 and "Merge events" in page
    for event in (oldest, newer):
        assert f'name="survivor" id="survivor-{event.pk}" value="{event.pk}"' in page
        assert f'name="_selected_action" value="{event.pk}"' in page
    assert f'value="{oldest.pk}" checked' in page  # the earliest created is offered first
    assert "Sat 13 Apr 2024" in page and "Mon 15 Apr 2024" in page
    assert f"“{oldest.sentence.text}”" in page  # the sentences tell whether they are one happening
    assert "2 different articles" in page and "Second desk" in page
    assert "Their dates do not overlap" in page
    assert not Event.objects.filter(merged_into__isnull=False).exists() and not LogEntry.objects.exists()


def test_merge_of_overlapping_events_from_one_article_shows_no_warning(admin_client):
    first = make_event(earliest=date(2024, 4, 8), latest=date(2024, 4, 14))
    second = make_event(article=first.article, earliest=date(2024, 4, 13))
    page = _action(admin_client, "merge_events", [first, second]).content.decode()
    assert "Check before merging" not in page and "different articles" not in page


def test_confirmed_merge_goes_into_the_chosen_survivor_which_keeps_its_own_date(admin_client):
    oldest = make_event(earliest=date(2024, 4, 13))
    newer = make_event(article=make_article(), earliest=date(2024, 4, 15))
    response = _confirm_merge(admin_client, [oldest, newer], survivor=newer)
    assert "Merged 1 event(s)" in response.content.decode()
    newer.refresh_from_db()
    oldest.refresh_from_db()
    assert oldest.merged_into == newer and newer.merged_into is None
    assert (newer.earliest, newer.latest) == (date(2024, 4, 15), date(2024, 4, 15))  # no union of dates
    assert _logged(oldest) == [f'Merged into "{newer}" (event {newer.pk}).']
    assert _logged(newer) == ["Merged 1 event(s) into this one."]


def test_confirmation_without_a_survivor_asks_again(admin_client):
    first, second = make_event(), make_event()
    for survivor in (None, make_event()):  # none chosen, or one that was not selected
        response = _confirm_merge(admin_client, [first, second], survivor=survivor)
        page = response.content.decode()
        assert "Choose the event that survives" in page and 'name="survivor"' in page
    assert not Event.objects.filter(merged_into__isnull=False).exists()


def test_changelist_shows_merged_into_and_filters_by_merged(admin_client):
    survivor = make_event(title="Survivor event")
    merged = make_event(article=survivor.article, title="Merged away event")
    _confirm_merge(admin_client, [survivor, merged], survivor=survivor)
    page = admin_client.get(CHANGELIST).content.decode()
    assert "merged into" in page.lower()
    assert f'<a href="{reverse("admin:timeline_event_change", args=[survivor.pk])}">Survivor event</a>' in page
    listed = {choice: [e.title for e in admin_client.get(CHANGELIST, {"merged": choice}).context["cl"].result_list]
              for choice in ("yes", "no")}  # fmt: skip
    assert listed == {"yes": ["Merged away event"], "no": ["Survivor event"]}


def test_unmerge_action_undoes_a_merge_and_logs(admin_client):
    survivor = make_event(title="Survivor event")
    merged = make_event(article=survivor.article, title="Merged away event")
    _confirm_merge(admin_client, [survivor, merged], survivor=survivor)
    response = _action(admin_client, "unmerge_events", [merged])
    assert "Unmerged 1 event(s)" in response.content.decode()
    merged.refresh_from_db()
    assert merged.merged_into is None and merged.curated
    assert _logged(merged)[-1] == 'Unmerged from "Survivor event".'
    again = _action(admin_client, "unmerge_events", [merged]).content.decode()
    assert "None of the selected events is merged" in again


def test_lists_show_human_dates_not_sentinels_or_codes(admin_client):
    from timeline.temporal.types import OPEN_END

    event = make_event(title="Talks go on", earliest=date(2024, 4, 13), latest=OPEN_END)
    Event.objects.filter(pk=event.pk).update(value="FUTURE_REF", granularity="open")
    page = admin_client.get(CHANGELIST).content.decode()
    assert "from Sat 13 Apr 2024 on (open-ended)" in page
    assert "9999" not in page and "FUTURE_REF" not in page
    inline = admin_client.get(reverse("admin:timeline_article_change", args=[event.article_id])).content.decode()
    assert "from Sat 13 Apr 2024 on (open-ended)" in inline
    change = admin_client.get(reverse("admin:timeline_event_change", args=[event.pk])).content.decode()
    assert "from Sat 13 Apr 2024 on (open-ended)" in change and "FUTURE_REF" in change  # raw value still editable


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
    response = _confirm_merge(admin_client, [root, child], survivor=root)
    assert "merged in a cycle" in response.content.decode()
    assert not LogEntry.objects.exists()


def test_reanalyse_action_reanalyses_the_articles_and_logs(admin_client, fake_engine):
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
    actions = admin_client.get(CHANGELIST).content.decode()
    assert "Re-analyse the articles of selected events" in actions and "Re-resolve" not in actions


def test_change_page_shows_the_sentence_escaped_with_the_phrase_marked(admin_client):
    event = make_event(sentence_text='<script>alert("x")</script> struck on Saturday & fled.', phrase="Saturday")
    page = admin_client.get(reverse("admin:timeline_event_change", args=[event.pk])).content.decode()
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; struck on <mark>Saturday</mark> &amp; fled." in page
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
