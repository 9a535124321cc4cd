"""event_set_dates / event_update / event_set_status: validation and curation marks."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from tests.factories import make_event
from timeline.models import Event
from timeline.services import event_set_dates, event_set_status, event_update

pytestmark = pytest.mark.django_db


def test_setting_dates_marks_the_event_curated_and_rewrites_the_value():
    event = make_event(earliest=date(2024, 4, 13))
    event_set_dates(event=event, earliest=date(2024, 4, 1), latest=date(2024, 4, 30))
    event.refresh_from_db()
    assert (event.earliest, event.latest, event.value) == (date(2024, 4, 1), date(2024, 4, 30), "2024-04-01/2024-04-30")
    assert event.curated and event.curated_fields == ["earliest", "latest", "value"]


def test_single_day_value_is_the_iso_date():
    event = make_event(earliest=date(2024, 4, 13))
    event_set_dates(event=event, earliest=date(2024, 4, 12), latest=date(2024, 4, 12))
    event.refresh_from_db()
    assert event.value == "2024-04-12"


def test_earliest_after_latest_is_a_validation_error_and_changes_nothing():
    event = make_event(earliest=date(2024, 4, 13))
    with pytest.raises(ValidationError) as caught:
        event_set_dates(event=event, earliest=date(2024, 4, 20), latest=date(2024, 4, 1))
    assert caught.value.message_dict == {"latest": ["The latest date must be on or after the earliest date."]}
    event.refresh_from_db()
    assert (event.earliest, event.latest, event.curated) == (date(2024, 4, 13), date(2024, 4, 13), False)


def test_unchanged_dates_do_not_mark_curated():
    event = make_event(earliest=date(2024, 4, 13))
    event_set_dates(event=event, earliest=date(2024, 4, 13), latest=date(2024, 4, 13))
    event.refresh_from_db()
    assert not event.curated and event.curated_fields == []


def test_curated_fields_accumulate():
    event = make_event()
    event_update(event=event, title="Iran launches drones")
    event_update(event=event, notes="Source: IDF")
    event.refresh_from_db()
    assert (event.title, event.notes) == ("Iran launches drones", "Source: IDF")
    assert event.curated_fields == ["notes", "title"]


def test_update_rejects_engine_fields_and_blank_title():
    event = make_event()
    with pytest.raises(ValidationError, match="cannot be edited: key"):
        event_update(event=event, key="x")
    with pytest.raises(ValidationError) as caught:
        event_update(event=event, title="")
    assert "title" in caught.value.message_dict


def test_set_status_approves_and_hides_and_rejects_unknown():
    first, second = make_event(), make_event()
    changed = event_set_status(events=[first, second], status=Event.Status.APPROVED)
    assert {e.pk for e in changed} == {first.pk, second.pk}
    event_set_status(events=Event.objects.filter(pk=second.pk), status="hidden")
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == ("approved", "hidden")
    assert first.curated and second.curated_fields == ["status"]
    with pytest.raises(ValidationError, match="Unknown status 'gone'"):
        event_set_status(events=[first], status="gone")
