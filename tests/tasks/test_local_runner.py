"""The newcomer's default: no broker, imports run in a background thread of the web process."""

from __future__ import annotations

import io
import time
from datetime import date

import pytest
from django.core.management import call_command

from tests.factories import make_extraction
from timeline import temporal
from timeline.jobs import dispatch, services
from timeline.jobs.models import ImportItem
from timeline.jobs.services import ItemInput
from timeline.models import Article

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def engine(monkeypatch):
    monkeypatch.setattr(temporal, "extract", lambda text, dct, prefer="auto": make_extraction(text, []))


def _wait_settled(timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while ImportItem.objects.filter(state__in=["queued", "analysing"]).exists():
        assert time.monotonic() < deadline, list(ImportItem.objects.values_list("name", "state"))
        time.sleep(0.05)


def test_without_a_broker_the_request_returns_and_a_thread_imports(settings, engine):
    settings.TIMELINE_TASK_RUNNER = "thread"
    batch = services.batch_create(items=[ItemInput(name=f"{n}.txt", text=f"Talks {n} resume.") for n in range(3)])
    _wait_settled()
    assert set(batch.items.values_list("state", flat=True)) == {"imported"} and Article.objects.count() == 3
    assert dispatch._executor is not None and dispatch._executor._max_workers == 1


def test_runapp_resumes_what_a_stopped_server_left_pending(settings, engine):
    settings.TIMELINE_TASK_RUNNER = "thread"
    with pytest.MonkeyPatch.context() as patch:  # stored as a restart leaves it: its thread never finished
        patch.setattr(dispatch, "send_items", lambda ids: None)
        batch = services.batch_create(items=[ItemInput(name="left.txt", text="Talks resume on Monday.",
                                                       published=date(2024, 4, 13))])  # fmt: skip
    ImportItem.objects.update(state="analysing", attempts=1)
    out = io.StringIO()
    call_command("runapp", "--no-server", stdout=out)
    assert "resumed 1 left pending by the last run" in out.getvalue() and "celery -A webapp worker" in out.getvalue()
    _wait_settled()
    assert batch.items.get().state == "imported" and Article.objects.filter(import_items__batch=batch).exists()


def test_runapp_with_a_broker_names_it_without_its_password(settings):
    settings.TIMELINE_TASK_RUNNER, settings.CELERY_BROKER_URL = "celery", "redis://:s3cret@10.0.0.5:6379/0"
    out = io.StringIO()
    call_command("runapp", "--no-server", stdout=out)
    assert "sent to Celery workers on redis://:**@10.0.0.5:6379/0" in out.getvalue() and "s3cret" not in out.getvalue()
