"""Shared fixtures: a controllable fake engine, one that dates 'Monday', and the real seed article."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from django.test import Client

from tests.factories import make_extraction
from timeline import temporal
from timeline.models import Article
from timeline.temporal.types import Extraction


class FakeEngine:
    """Stands in for ``timeline.temporal.extract``; returns ``result`` and records calls."""

    def __init__(self) -> None:
        self.result: Extraction | None = None
        self.calls: list[tuple[str, date | None, str]] = []

    def __call__(self, text: str, dct: date | None, prefer: str = "auto") -> Extraction:
        self.calls.append((text, dct, prefer))
        assert self.result is not None, "set fake_engine.result first"
        return self.result


@pytest.fixture
def fake_engine(monkeypatch: pytest.MonkeyPatch) -> FakeEngine:
    fake = FakeEngine()
    monkeypatch.setattr(temporal, "extract", fake, raising=False)
    return fake


@pytest.fixture
def monday_engine(monkeypatch: pytest.MonkeyPatch, settings) -> list[str]:
    """Queued items run inline; the engine dates 'Monday' (15 April 2024) in any text naming it.
    Returns the texts it was given."""
    settings.TIMELINE_TASK_RUNNER = "inline"
    calls: list[str] = []

    def extract(text: str, dct: date | None, prefer: str = "auto") -> Extraction:
        calls.append(text)
        return make_extraction(text, [("Monday", date(2024, 4, 15))] if "Monday" in text else [])

    monkeypatch.setattr(temporal, "extract", extract)
    return calls


@pytest.fixture
def seed_article(db: None) -> Article:
    """The seed article imported through the real engine (DCT left to inference)."""
    from timeline.management.commands.load_seed import seed_article_import

    article, created = seed_article_import()
    assert created
    return article


# Fixtures that open the database; a test using any of them is a "db" test, so CI can run
# exactly the database-touching tests again on PostgreSQL (`-m "db and not browser"`).
DB_FIXTURES = {
    "db",
    "transactional_db",
    "django_db_setup",
    "live_server",
    "admin_client",
    "admin_user",
    "django_user_model",
    "client_logged_in",
    "seed_article",
}


# Tests measured over 3 s (``python scripts/slow_tests.py`` rewrites the list from a timed run),
# and whole folders whose every test starts a browser, worker processes or a server.
SLOW_TESTS_FILE = Path(__file__).with_name("slow_tests.txt")
SLOW_FOLDERS = ("tests/browser/", "tests/tasks/test_workers.py")


def slow_test_ids() -> frozenset[str]:
    lines = SLOW_TESTS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    slow = slow_test_ids()
    for item in items:
        if item.get_closest_marker("django_db") or DB_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.db)
        if item.nodeid in slow or item.nodeid.startswith(SLOW_FOLDERS):
            item.add_marker(pytest.mark.slow)


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
