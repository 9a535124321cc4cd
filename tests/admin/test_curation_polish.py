"""Curation polish: the merge survivor offered, edits in words, the article's date beside the event."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from tests.factories import make_article, make_event
from timeline.models import Event
from timeline.services import event_set_dates, event_set_status, event_update

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:timeline_event_changelist")


def _merge_page(client, events: list[Event]) -> str:
    return client.post(
        CHANGELIST, {"action": "merge_events", "_selected_action": [e.pk for e in events]}, follow=True
    ).content.decode()


@pytest.mark.parametrize("curate", ["approve", "edit"])
def test_merge_page_offers_the_approved_or_curated_event_as_survivor(admin_client, curate):
    first = make_event(title="Blast reported")
    second = make_event(title="Embassy bombed")
    if curate == "approve":
        event_set_status(events=[second], status=Event.Status.APPROVED)
    else:
        event_update(event=second, title="Embassy bombed in Nairobi")
    page = _merge_page(admin_client, [first, second])
    assert f'value="{second.pk}" checked' in page and f'value="{first.pk}" checked' not in page


def test_approved_wins_over_merely_curated(admin_client):
    edited, approved = make_event(), make_event()
    event_update(event=edited, notes="check")
    event_set_status(events=[approved], status=Event.Status.APPROVED)
    assert f'value="{approved.pk}" checked' in _merge_page(admin_client, [edited, approved])


def test_changelist_edited_column_is_empty_for_untouched_events_and_words_for_edited_ones(admin_client):
    untouched = make_event(title="Untouched event")
    edited = make_event(title="Edited event")
    event_set_dates(event=edited, earliest=date(2024, 4, 1), latest=date(2024, 4, 2))
    event_set_status(events=[edited], status=Event.Status.APPROVED)
    page = admin_client.get(CHANGELIST).content.decode()
    assert "icon-no.svg" not in page  # no red cross for "not curated"
    assert '<td class="field-edited">dates, status</td>' in page
    assert '<td class="field-edited"></td>' in page
    form = admin_client.get(reverse("admin:timeline_event_change", args=[edited.pk])).content.decode()
    assert "dates, status" in form and "[&quot;" not in form and '["earliest"' not in form
    untouched_form = admin_client.get(reverse("admin:timeline_event_change", args=[untouched.pk])).content.decode()
    assert "icon-no.svg" not in untouched_form


def test_event_form_shows_the_articles_publication_date_and_the_sentence(admin_client):
    article = make_article(published=date(1998, 8, 7), dct_inferred=True, dct_evidence="NAIROBI, Kenya, Aug. 7")
    event = make_event(article=article, sentence_text="A bomb exploded on Friday.", phrase="Friday")
    form = admin_client.get(reverse("admin:timeline_event_change", args=[event.pk])).content.decode()
    assert "Friday 07 August 1998 (inferred from “NAIROBI, Kenya, Aug. 7”)" in form
    assert "A bomb exploded on <mark>Friday</mark>." in form
    undated = make_event(article=make_article(published=None))
    form = admin_client.get(reverse("admin:timeline_event_change", args=[undated.pk])).content.decode()
    assert "unknown: relative dates could not be resolved" in form
