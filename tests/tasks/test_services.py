"""Queued imports through the services, run inline: idempotence, refusals, resume, bookkeeping."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.db import OperationalError
from django.utils import timezone

from tests.factories import make_event, make_extraction
from timeline import services as timeline_services
from timeline.jobs import recovery, runner, services
from timeline.jobs.models import ImportBatch, ImportItem
from timeline.jobs.services import ItemInput
from timeline.models import Article
from timeline.stories.models import Story
from timeline.temporal.errors import InputError

pytestmark = pytest.mark.django_db

TEXT = "Iran attacked Israel on Saturday. Biden kept his promise on Friday."


@pytest.fixture
def inline(settings):
    settings.TIMELINE_TASK_RUNNER = "inline"


@pytest.fixture
def dated(fake_engine):
    fake_engine.result = make_extraction(TEXT, [("Saturday", date(2024, 4, 13)), ("Friday", date(2024, 4, 12))])
    return fake_engine


def _create(capture, **kwargs) -> ImportBatch:
    with capture(execute=True):
        return services.batch_create(**kwargs)


def test_items_are_stored_before_any_task_runs_and_tasks_only_run_after_commit(
    django_capture_on_commit_callbacks, inline, dated
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        batch = services.batch_create(items=[ItemInput(name="a.txt", text=TEXT, published=date(2024, 4, 13))])
    item = batch.items.get()
    assert (item.state, item.text, item.published) == ("queued", TEXT, date(2024, 4, 13))
    assert Article.objects.count() == 0 and dated.calls == [] and len(callbacks) == 1
    callbacks[0]()
    item.refresh_from_db()
    assert item.state == "imported" and item.article.text == TEXT and item.events == 2 and item.attempts == 1
    batch.refresh_from_db()
    assert batch.finished is not None


def test_a_batch_imports_what_it_can_and_says_why_the_rest_was_not(django_capture_on_commit_callbacks, inline, dated):
    batch = _create(django_capture_on_commit_callbacks, story_name="Iran strikes", items=[
        ItemInput(name="first.txt", text=TEXT, title="Strikes", source="Wire", url="https://example.com/a"),
        ItemInput(name="again.txt", text=TEXT + "  \n"),  # same text up to whitespace
        ItemInput(name="empty.txt", text="   \n "),
        ItemInput(name="photo.txt", refused="photo.txt: this is a PNG image, not a text file."),
    ])  # fmt: skip
    states = dict(batch.items.values_list("name", "state"))
    assert states == {"first.txt": "imported", "again.txt": "duplicate", "empty.txt": "refused", "photo.txt": "refused"}
    article = Article.objects.get()
    assert (article.title, article.source, article.url) == ("Strikes", "Wire", "https://example.com/a")
    reasons = dict(batch.items.values_list("name", "reason"))
    assert f"article {article.pk}" in reasons["again.txt"] and "empty" in reasons["empty.txt"]
    assert "PNG" in reasons["photo.txt"]
    assert list(Story.objects.get(name="Iran strikes").articles.all()) == [article]
    assert len(dated.calls) == 1  # the duplicate and the refusals never reached the engine


def test_running_an_item_again_never_creates_a_second_article(django_capture_on_commit_callbacks, inline, dated):
    batch = _create(django_capture_on_commit_callbacks, items=[ItemInput(name="a.txt", text=TEXT)])
    item = batch.items.get()
    for _ in range(3):  # a redelivered or duplicated task
        assert services.item_run(item_id=item.pk).state == "imported"
    assert Article.objects.count() == 1 and len(dated.calls) == 1 and ImportItem.objects.get().attempts == 1


def test_a_task_that_lost_the_race_keeps_the_first_result(
    django_capture_on_commit_callbacks, settings, dated, monkeypatch
):
    settings.TIMELINE_TASK_RUNNER = "inline"
    with django_capture_on_commit_callbacks(execute=False):
        batch = services.batch_create(items=[ItemInput(name="a.txt", text=TEXT)])
    item = batch.items.get()
    real_extract = dated.__call__

    def finish_elsewhere_first(text, dct, prefer="auto"):
        # Another delivery of the same task settles the item while this one runs the engine.
        ImportItem.objects.filter(pk=item.pk).update(state="imported")
        return real_extract(text, dct, prefer)

    monkeypatch.setattr("timeline.temporal.extract", finish_elsewhere_first)
    assert services.item_run(item_id=item.pk).state == "imported"
    assert Article.objects.count() == 0  # this run's result was dropped, not stored a second time


def test_engine_refusal_settles_the_item_with_its_reason(django_capture_on_commit_callbacks, inline, monkeypatch):
    def refuse(text, dct, prefer="auto"):
        raise InputError("The text is too long for the engine.")

    monkeypatch.setattr("timeline.temporal.extract", refuse)
    batch = _create(django_capture_on_commit_callbacks, items=[ItemInput(name="a.txt", text=TEXT)])
    item = batch.items.get()
    assert (item.state, item.reason) == ("refused", "The text is too long for the engine.")


def test_an_unexpected_error_refuses_that_item_loudly_and_the_next_one_still_runs(
    django_capture_on_commit_callbacks, inline, dated, monkeypatch
):
    real = dated.__call__

    def crash_on_poison(text, dct, prefer="auto"):
        if "poison" in text:
            raise ZeroDivisionError("division by zero")
        return real(text, dct, prefer)

    monkeypatch.setattr("timeline.temporal.extract", crash_on_poison)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        batch = services.batch_create(items=[ItemInput(name="bad.txt", text="A poison text."),
                                             ItemInput(name="good.txt", text=TEXT)])  # fmt: skip
    with pytest.raises(ZeroDivisionError):  # raised, not swallowed: the worker logs it as a failure
        callbacks[0]()
    bad = batch.items.get(name="bad.txt")
    assert bad.state == "refused" and bad.reason == "Internal error (ZeroDivisionError): division by zero"
    runner.run_locally(batch.items.get(name="good.txt").pk)
    assert batch.items.get(name="good.txt").state == "imported"
    batch.refresh_from_db()
    assert batch.finished is not None


def test_transient_database_errors_are_retried(django_capture_on_commit_callbacks, inline, dated, monkeypatch):
    real_run, failures, pauses = services.item_run, [OperationalError("database is locked")] * 2, []

    def flaky(*, item_id):
        if failures:
            raise failures.pop()
        return real_run(item_id=item_id)

    monkeypatch.setattr(services, "item_run", flaky)
    monkeypatch.setattr(runner.time, "sleep", pauses.append)
    batch = _create(django_capture_on_commit_callbacks, items=[ItemInput(name="a.txt", text=TEXT)])
    assert batch.items.get().state == "imported" and pauses == [1, 2]


def test_an_item_that_kills_its_worker_again_and_again_is_refused(django_capture_on_commit_callbacks, settings, dated):
    settings.TIMELINE_TASK_RUNNER = "inline"
    with django_capture_on_commit_callbacks(execute=False):
        batch = services.batch_create(items=[ItemInput(name="huge.txt", text=TEXT)])
    ImportItem.objects.filter(batch=batch).update(state="analysing", attempts=services.MAX_ATTEMPTS)
    item = services.item_run(item_id=batch.items.get().pk)
    assert item.state == "refused" and "stopped 3 times" in item.reason
    assert dated.calls == [] and Article.objects.count() == 0


def test_resume_sends_only_items_pending_past_the_timeout(django_capture_on_commit_callbacks, settings, dated):
    settings.TIMELINE_TASK_RUNNER = "inline"
    with django_capture_on_commit_callbacks(execute=False):
        stale = services.batch_create(items=[ItemInput(name="lost.txt", text=TEXT)])
        fresh = services.batch_create(items=[ItemInput(name="new.txt", text="Talks resume on Monday.")])
    long_ago = timezone.now() - timedelta(hours=1)
    ImportItem.objects.filter(batch=stale).update(state="analysing", updated=long_ago, attempts=1)
    with django_capture_on_commit_callbacks(execute=True):
        sent = recovery.items_resume(older_than=timedelta(minutes=10))
    assert sent == [stale.items.get().pk]
    assert stale.items.get().state == "imported" and fresh.items.get().state == "queued"
    with django_capture_on_commit_callbacks(execute=False):
        assert recovery.items_resume(older_than=timedelta(minutes=10)) == []


def test_a_very_large_result_carries_a_warning(django_capture_on_commit_callbacks, inline, dated, settings):
    settings.TIMELINE_MANY_EVENTS = 1
    batch = _create(django_capture_on_commit_callbacks, items=[ItemInput(name="pasted text", text=TEXT)])
    warning = batch.items.get().warning
    assert warning.startswith("2 events from one text is unusually many") and "split the text" in warning


def test_a_reanalysis_batch_keeps_curated_events(django_capture_on_commit_callbacks, inline, fake_engine):
    curated = make_event(title="Curated by hand", sentence_text="Talks began on Saturday.")
    timeline_services.event_update(event=curated, title="Curated by hand", notes="checked")
    fake_engine.result = make_extraction(curated.article.text, [])
    with django_capture_on_commit_callbacks(execute=True):
        batch = services.batch_create_reanalysis(articles=[curated.article])
    item = batch.items.get()
    curated.refresh_from_db()
    assert item.state == "reanalysed" and (curated.title, curated.notes) == ("Curated by hand", "checked")
    assert len(fake_engine.calls) == 1


def test_a_reanalysis_batch_passes_the_preference_to_the_engine(
    django_capture_on_commit_callbacks, inline, fake_engine
):
    event = make_event(sentence_text="Talks began on Saturday.")
    fake_engine.result = make_extraction(event.article.text, [])
    with django_capture_on_commit_callbacks(execute=True):
        services.batch_create_reanalysis(articles=[event.article], prefer="past")
    assert [prefer for _, _, prefer in fake_engine.calls] == ["past"]


def test_an_empty_batch_is_refused():
    from timeline.exceptions import ImportRejected

    with pytest.raises(ImportRejected):
        services.batch_create(items=[])


def test_the_periodic_task_resends_items_pending_past_the_setting(django_capture_on_commit_callbacks, settings, dated):
    from timeline.jobs.tasks import resume_pending

    settings.TIMELINE_TASK_RUNNER, settings.TIMELINE_RESUME_AFTER = "inline", 600
    with django_capture_on_commit_callbacks(execute=False):
        batch = services.batch_create(items=[ItemInput(name="lost.txt", text=TEXT)])
    with django_capture_on_commit_callbacks(execute=True):
        assert resume_pending.run() == 0  # just queued: not stuck yet
    ImportItem.objects.update(updated=timezone.now() - timedelta(seconds=601))
    with django_capture_on_commit_callbacks(execute=True):
        assert resume_pending.run() == 1
    assert batch.items.get().state == "imported"


def test_a_broker_that_cannot_be_reached_leaves_the_items_pending_and_the_request_answers(
    django_capture_on_commit_callbacks, settings, monkeypatch, caplog
):
    from kombu.exceptions import OperationalError as BrokerUnavailable

    from timeline.jobs import tasks

    def unreachable(item_id, kind):
        raise BrokerUnavailable("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    settings.TIMELINE_TASK_RUNNER = "celery"
    monkeypatch.setattr(tasks, "send_task", unreachable)
    with django_capture_on_commit_callbacks(execute=True):
        batch = services.batch_create(items=[ItemInput(name="a.txt", text=TEXT)])
    assert batch.items.get().state == "queued"
    assert "broker unreachable: 1 import item(s) stay pending until resumed" in caplog.text


def test_resume_marks_a_settled_batch_finished_when_its_bookkeeping_task_was_lost(
    django_capture_on_commit_callbacks, inline, dated
):
    batch = _create(django_capture_on_commit_callbacks, items=[ItemInput(name="a.txt", text=TEXT)])
    ImportBatch.objects.filter(pk=batch.pk).update(finished=None)  # as if refresh_batch never ran
    with django_capture_on_commit_callbacks(execute=True):
        assert recovery.items_resume(older_than=timedelta(minutes=10)) == []
    batch.refresh_from_db()
    assert batch.finished is not None


def test_a_duplicate_with_another_date_says_which_date_was_kept(django_capture_on_commit_callbacks, inline, dated):
    batch = _create(django_capture_on_commit_callbacks, items=[
        ItemInput(name="first.txt", text=TEXT, published=date(2024, 4, 13)),
        ItemInput(name="later.txt", text=TEXT, published=date(2024, 4, 20)),
    ])  # fmt: skip
    reason = batch.items.get(name="later.txt").reason
    assert reason.endswith("It was given the date 20 April 2024; the stored article keeps 13 April 2024.")


def test_a_settled_item_is_never_overwritten_by_a_later_delivery(django_capture_on_commit_callbacks, inline, dated):
    batch = _create(django_capture_on_commit_callbacks, items=[ItemInput(name="a.txt", text=TEXT)])
    item = batch.items.get()
    assert services.item_refuse(item_id=item.pk, reason="late failure").state == "imported"
    assert batch.items.get().reason == ""
