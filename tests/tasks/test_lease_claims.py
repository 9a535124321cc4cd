"""Items under lease: a standing lease keeps copies of the task away, a lapsed one is taken over and resumed."""

from __future__ import annotations

import io
import logging
import socket
import subprocess
import sys
import time
from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from tests.factories import make_extraction
from timeline.jobs import dispatch, recovery, services
from timeline.jobs.leases import worker_identity
from timeline.jobs.models import ImportItem
from timeline.jobs.services import ItemInput
from timeline.models import Article

pytestmark = pytest.mark.django_db

TEXT = "Talks resumed in Vienna on Saturday."
HERE = socket.gethostname()


@pytest.fixture
def engine(fake_engine):
    fake_engine.result = make_extraction(TEXT, [("Saturday", date(2024, 4, 13))])
    return fake_engine


@pytest.fixture
def dead_pid() -> int:
    """The pid of a process that ran on this host and is gone (killed and reaped)."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


@pytest.fixture
def sent(monkeypatch) -> list[int]:
    """What the services send to the workers (nothing runs)."""
    ids: list[int] = []
    monkeypatch.setattr(dispatch, "send_items", ids.extend)
    return ids


def _analysing(sent: list[int], *, owner: str, heartbeat_age: float) -> ImportItem:
    """An item some worker took: as a worker leaves it when it is killed mid-item, or while it works."""
    batch = services.batch_create(items=[ItemInput(name="wire.txt", text=TEXT)])
    sent.clear()
    beat = timezone.now() - timedelta(seconds=heartbeat_age)
    ImportItem.objects.filter(batch=batch).update(
        state="analysing", attempts=1, lease_owner=owner, lease_heartbeat=beat, started=beat
    )
    return batch.items.get()


def test_a_copy_of_the_task_meeting_a_standing_lease_does_nothing(sent, engine, settings):
    settings.TIMELINE_LEASE_SECONDS = 60
    item = _analysing(sent, owner="worker-b:4100", heartbeat_age=5)
    assert services.item_run(item_id=item.pk).state == "analysing"
    item.refresh_from_db()
    assert (item.state, item.attempts, item.lease_owner) == ("analysing", 1, "worker-b:4100")
    assert engine.calls == [] and Article.objects.count() == 0


@pytest.mark.parametrize("why", ["heartbeat too old", "process gone from this host"])
def test_a_lapsed_lease_is_taken_over_and_the_item_imported_once(why, sent, engine, settings, dead_pid, caplog):
    settings.TIMELINE_LEASE_SECONDS = 60
    owner, age = ("worker-b:4100", 61) if why == "heartbeat too old" else (f"{HERE}:{dead_pid}", 1)
    item = _analysing(sent, owner=owner, heartbeat_age=age)
    with caplog.at_level(logging.WARNING, logger="timeline.jobs.services"):
        assert services.item_run(item_id=item.pk).state == "imported"
    item.refresh_from_db()
    assert (item.attempts, item.lease_owner) == (2, worker_identity()) and Article.objects.count() == 1
    assert f"taken over by {worker_identity()}: {owner}" in caplog.text
    assert services.item_run(item_id=item.pk).state == "imported" and Article.objects.count() == 1


def test_resume_requeues_a_killed_workers_item_and_leaves_a_working_one(sent, engine, settings, dead_pid, caplog):
    settings.TIMELINE_LEASE_SECONDS = 60
    killed = _analysing(sent, owner=f"{HERE}:{dead_pid}", heartbeat_age=2)
    silent = _analysing(sent, owner="worker-b:4100", heartbeat_age=300)
    working = _analysing(sent, owner="worker-b:4101", heartbeat_age=2)
    with caplog.at_level(logging.WARNING, logger="timeline.jobs.recovery"):
        resumed = recovery.items_resume(older_than=timedelta(minutes=10))
    assert resumed == [killed.pk, silent.pk] and sent == []  # sent once committed
    states = dict(ImportItem.objects.values_list("pk", "state"))
    assert states == {killed.pk: "queued", silent.pk: "queued", working.pk: "analysing"}
    assert f"is gone (no process {dead_pid} on {HERE})" in caplog.text and "last showed life 300 s ago" in caplog.text
    # Back in the queue, they are not sent again until they have waited as long as any queued item.
    assert recovery.items_resume(older_than=timedelta(minutes=10)) == []


def test_resume_imports_finds_the_item_a_killed_worker_left(sent, engine, dead_pid, django_capture_on_commit_callbacks):
    item = _analysing(sent, owner=f"{HERE}:{dead_pid}", heartbeat_age=1)
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("resume_imports", stdout=out)  # default --older-than: only the lapsed lease qualifies
    assert out.getvalue() == f"Re-queued 1 pending item(s): {item.pk}.\n" and sent == [item.pk]


@pytest.mark.django_db(transaction=True)
def test_the_heartbeat_keeps_the_lease_alive_while_the_engine_runs(settings, fake_engine, monkeypatch):
    settings.TIMELINE_LEASE_SECONDS, settings.TIMELINE_TASK_RUNNER = 1, "inline"  # a beat every 0.5 s
    seen: list[tuple[str, object]] = []

    def slow_engine(text, dct, prefer="auto"):
        time.sleep(2.2)  # twice the lease: without heartbeats it would lapse
        item = ImportItem.objects.get()
        seen.append((item.state, recovery.items_resume(older_than=timedelta(hours=1))))
        seen.append((item.lease_owner, (timezone.now() - item.lease_heartbeat).total_seconds() < 1))
        return make_extraction(text, [])

    monkeypatch.setattr("timeline.temporal.extract", slow_engine)
    batch = services.batch_create(items=[ItemInput(name="long.txt", text=TEXT)])
    assert seen == [("analysing", []), (worker_identity(), True)]
    assert batch.items.get().state == "imported" and Article.objects.count() == 1
