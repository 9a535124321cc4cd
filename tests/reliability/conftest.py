"""Fixtures for the reliability suite: people with different rights, and hostile payloads."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import Permission
from django.test import Client

# Markup aimed at every context a string can land in: element body, attribute value
# (both quote styles), a <script> block, a URL, an HTML comment.
PAYLOADS = (
    "<img src=x onerror=alert(1)>",
    "</script><script>alert(2)</script>",
    '"><svg onload=alert(3)>',
    "' autofocus onfocus='alert(4)",
    "javascript:alert(5)//",
    "--><b>six</b><!--",
)
PAYLOAD = " ".join(PAYLOADS)


@pytest.fixture
def make_client(db: None, django_user_model) -> Callable[..., Client]:
    """``make_client(name, *perms, staff=False, csrf=False)``: a signed-in client with those rights."""

    def make(name: str, *perms: str, staff: bool = False, csrf: bool = False) -> Client:
        user = django_user_model.objects.create_user(username=name, password="pw-for-tests-only", is_staff=staff)
        for perm in perms:
            app_label, codename = perm.split(".")
            user.user_permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
        client = Client(enforce_csrf_checks=csrf)
        client.force_login(user)
        return client

    return make


@pytest.fixture
def reader(make_client) -> Client:
    """Signed in, not staff, no permissions: may browse, never write nor reach the admin."""
    return make_client("reader")


@pytest.fixture
def reporter(make_client) -> Client:
    """Signed in, not staff, may import, re-analyse and date articles."""
    return make_client("reporter", "timeline.add_article", "timeline.change_article")


@pytest.fixture
def viewer(make_client) -> Client:
    """Staff with view permissions only."""
    return make_client("viewer", "timeline.view_event", "timeline.view_article", staff=True)


@pytest.fixture
def curator(make_client) -> Client:
    """Staff who may change events and articles (not delete articles)."""
    return make_client(
        "curator", "timeline.view_event", "timeline.change_event", "timeline.view_article",
        "timeline.change_article", staff=True,
    )  # fmt: skip
