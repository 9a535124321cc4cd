"""The Celery tasks run an item through the same code as the local runner, with one try of their own."""

from __future__ import annotations

import pytest
from django.db import OperationalError

from tests.factories import make_extraction
from timeline.jobs import runner, services, tasks
from timeline.jobs.services import ItemInput

pytestmark = pytest.mark.django_db

TEXT = "Talks resume in Vienna."


@pytest.fixture
def queued(settings, django_capture_on_commit_callbacks, fake_engine):
    settings.TIMELINE_TASK_RUNNER = "inline"
    fake_engine.result = make_extraction(TEXT, [])
    with django_capture_on_commit_callbacks(execute=False):  # stored, never sent
        batch = services.batch_create(items=[ItemInput(name="a.txt", text=TEXT)])
    return batch.items.get()


@pytest.mark.parametrize("task", [tasks.import_item, tasks.reanalyse_item])
def test_a_task_runs_the_item_and_sends_the_bookkeeping_task_for_its_batch(queued, monkeypatch, task):
    refreshed = []
    monkeypatch.setattr(tasks.refresh_batch, "delay", refreshed.append)
    task.run(queued.pk)
    queued.refresh_from_db()
    assert queued.state == "imported" and refreshed == [queued.batch_id]


def test_a_task_leaves_transient_errors_to_celerys_retry_without_pausing(queued, monkeypatch):
    pauses = []

    def locked(*, item_id):
        raise OperationalError("database is locked")

    monkeypatch.setattr(services, "item_run", locked)
    monkeypatch.setattr(runner.time, "sleep", pauses.append)
    with pytest.raises(OperationalError):
        tasks.import_item.run(queued.pk)
    queued.refresh_from_db()
    assert pauses == [] and queued.state == "queued"


def test_both_task_names_stay_registered_for_messages_already_queued():
    from webapp.celery import app

    for name in ("jobs.import_item", "jobs.reanalyse_item"):
        task = app.tasks[name]
        assert task.acks_late and task.reject_on_worker_lost and task.autoretry_for == runner.TRANSIENT_ERRORS
