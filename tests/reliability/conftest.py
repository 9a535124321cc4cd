"""Fixtures for the reliability suite: people with different rights, and hostile payloads."""

from __future__ import annotations

import pytest
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
