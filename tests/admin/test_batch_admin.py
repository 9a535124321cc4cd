"""The batch admin: read-only pages for operators; the re-queue action needs the change permission."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse

from timeline.jobs import dispatch, services
from timeline.jobs.models import ImportBatch
from timeline.jobs.services import ItemInput

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:jobs_importbatch_changelist")


@pytest.fixture
def pending_batch(monkeypatch, django_capture_on_commit_callbacks) -> tuple[ImportBatch, list[int]]:
    sent: list[int] = []
    monkeypatch.setattr(dispatch, "send_items", sent.extend)
    with django_capture_on_commit_callbacks(execute=True):
        batch = services.batch_create(items=[ItemInput(name="a.txt", text="Talks on Monday.")])
    sent.clear()
    return batch, sent


def staff(django_user_model, *codenames: str) -> Client:
    user = django_user_model.objects.create_user(username="-".join(codenames) or "none", password="pw", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    client = Client()
    client.force_login(user)
    return client


def test_viewers_see_the_batch_and_its_items_but_cannot_resend(
    django_user_model, pending_batch, django_capture_on_commit_callbacks
):
    batch, sent = pending_batch
    viewer = staff(django_user_model, "view_importbatch")
    page = viewer.get(reverse("admin:jobs_importbatch_change", args=[batch.pk]))
    assert page.status_code == 200 and "a.txt" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        viewer.post(CHANGELIST, {"action": "resume_pending", "_selected_action": [batch.pk]})
    assert sent == []


def test_the_resend_action_calls_the_service(django_user_model, pending_batch, django_capture_on_commit_callbacks):
    batch, sent = pending_batch
    operator = staff(django_user_model, "view_importbatch", "change_importbatch")
    with django_capture_on_commit_callbacks(execute=True):
        response = operator.post(CHANGELIST, {"action": "resume_pending", "_selected_action": [batch.pk]}, follow=True)
    assert sent == [batch.items.get().pk] and "Sent 1 pending item(s) again." in response.content.decode()
