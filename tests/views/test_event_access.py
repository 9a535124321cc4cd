"""Who sees which event page: hidden events only for curators, merged-away ones redirect, admin link for curators."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse

from tests.factories import make_event
from timeline.models import Event

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(django_user_model) -> dict[str, Client]:
    """Anonymous, signed-in, staff without rights, staff who may view events, staff who may change them."""

    def signed_in(name: str, *codenames: str, staff: bool = False) -> Client:
        user = django_user_model.objects.create_user(username=name, password="pw-for-tests-only", is_staff=staff)
        user.user_permissions.add(
            *Permission.objects.filter(content_type__app_label="timeline", codename__in=codenames)
        )
        client = Client()
        client.force_login(user)
        return client

    return {
        "anonymous": Client(),
        "reader": signed_in("reader"),
        "staff": signed_in("staff", staff=True),
        "viewer": signed_in("viewer", "view_event", staff=True),
        "curator": signed_in("curator", "view_event", "change_event", staff=True),
    }


def test_hidden_events_are_404_for_everyone_who_cannot_change_events(people):
    event = make_event(title="Hidden by a curator", status=Event.Status.HIDDEN)
    url = reverse("event-detail", args=[event.pk])
    for who in ("anonymous", "reader", "staff", "viewer"):
        response = people[who].get(url)
        assert response.status_code == 404 and b"Hidden by a curator" not in response.content, who
    page = people["curator"].get(url)
    assert page.status_code == 200 and "This event is hidden" in page.content.decode()


def test_merged_away_events_redirect_to_their_survivor(people):
    survivor = make_event(title="Survivor")
    middle = make_event(article=survivor.article, title="Merged away", merged_into=survivor)
    # A chain only a raw edit leaves (merges flatten): still followed to its end.
    merged = make_event(article=survivor.article, title="Chained", merged_into=middle)
    for who in ("anonymous", "curator"):
        for event in (middle, merged):
            response = people[who].get(reverse("event-detail", args=[event.pk]))
            assert response.status_code == 302, who
            assert response["Location"] == reverse("event-detail", args=[survivor.pk]), who
    page = people["anonymous"].get(reverse("event-detail", args=[survivor.pk])).content.decode()
    assert "Merged into this event" in page and "Merged away" in page
    assert reverse("event-detail", args=[middle.pk]) not in page  # no link that would only bounce back


def test_a_merge_loop_left_in_the_data_renders_instead_of_redirecting_forever(client):
    first, second = make_event(title="First"), make_event(title="Second")
    Event.objects.filter(pk=first.pk).update(merged_into=second)
    Event.objects.filter(pk=second.pk).update(merged_into=first)
    response = client.get(reverse("event-detail", args=[first.pk]))
    assert response.status_code == 200 and "First" in response.content.decode()


def test_edit_in_admin_only_for_staff_who_may_change_events(people):
    event = make_event()
    merged = make_event(article=event.article, title="Folded in", merged_into=event)
    url = reverse("event-detail", args=[event.pk])
    admin_link = reverse("admin:timeline_event_change", args=[event.pk])
    for who, shown in [("anonymous", False), ("reader", False), ("staff", False), ("viewer", False), ("curator", True)]:
        html = people[who].get(url).content.decode()
        assert ("Edit in admin" in html) is shown and (admin_link in html) is shown, who
        assert (reverse("admin:timeline_event_change", args=[merged.pk]) in html) is shown, who
