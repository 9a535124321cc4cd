"""Imports through real Celery worker processes on the real Redis: nothing lost, nothing twice.

Every test here runs the real engine (spaCy model loaded once per worker process); the
kill and restart tests slow it down (tests/tasks/slow_worker.py) so the batch is still
running when the worker dies or Redis restarts.
"""

from __future__ import annotations

import io
import subprocess
import time
from datetime import date

import pytest
import redis
from django.core.management import call_command

from tests.tasks import workers as worker_module
from tests.tasks.workers import REDIS_RESTART, states, wait_until_done, wait_until_settled
from timeline import services as timeline_services
from timeline.jobs import services
from timeline.jobs.models import ImportBatch, ImportItem
from timeline.jobs.services import ItemInput
from timeline.models import Article, Event

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

PLACES = ["Millbrook", "Harlow", "Ashford", "Linwood", "Delmar", "Riverton", "Westbury", "Calder"]


def articles(count: int, *, start: int = 0) -> list[ItemInput]:
    """Distinct short articles, each with dates the engine resolves against its own DCT."""
    items = []
    for n in range(start, start + count):
        place, day = PLACES[n % len(PLACES)], 1 + n % 27
        text = (f"{place} council meeting number {n}\n\n"
                f"The {place} council met on Monday, March {day}, 2024, to debate budget item {n}. "
                f"Members voted on Tuesday and will meet again next week.")  # fmt: skip
        items.append(ItemInput(name=f"article-{n:03}.txt", text=text, published=date(2024, 3, day + 1)))
    return items


def test_forty_files_with_two_workers_give_exactly_forty_articles(workers):
    workers("one")
    workers("two")
    batch = services.batch_create(items=articles(40), story_name="Council meetings")
    wait_until_settled(batch)
    assert states(batch) == {"imported": 40}
    assert Article.objects.count() == 40 and Event.objects.filter(article__import_items__batch=batch).count() >= 40
    imported_by = set(ImportItem.objects.filter(batch=batch).values_list("article_id", flat=True))
    assert len(imported_by) == 40
    assert Article.objects.filter(stories__name="Council meetings").count() == 40
    monday = Article.objects.get(import_items__name="article-004.txt").events.order_by("earliest").first()
    assert monday.earliest == date(2024, 3, 5)  # "Monday, March 5, 2024": the real engine ran
    batch.refresh_from_db()
    assert batch.finished is not None


def test_kill_9_of_a_worker_mid_batch_loses_nothing_and_duplicates_nothing(workers):
    first = workers("doomed", app="tests.tasks.slow_worker", extra_env={"TEST_ENGINE_DELAY": "0.5"})
    batch = services.batch_create(items=articles(14))
    wait_until_done(batch, 3)
    first.kill_hard()
    left = states(batch)
    assert left.get("imported", 0) < 14, f"the batch finished before the kill: {left}"
    # A new worker finds what the dead one left (pending in the database) when it starts.
    workers("rescuer", extra_env={"TIMELINE_RESUME_AFTER": "0"})
    wait_until_settled(batch)
    assert states(batch) == {"imported": 14}
    assert Article.objects.count() == 14
    assert ImportItem.objects.filter(batch=batch, attempts__gt=1).count() <= 1  # only the item in flight ran twice


def test_a_redis_restart_mid_batch_is_survived_through_resume_imports(workers):
    client = redis.Redis(host="127.0.0.1", port=6379, socket_connect_timeout=2)
    workers("survivor", app="tests.tasks.slow_worker", extra_env={"TEST_ENGINE_DELAY": "0.3"})
    batch = services.batch_create(items=articles(12))
    try:
        wait_until_done(batch, 2)
        # Redis here keeps nothing on disk: a restart loses every queued message.
        subprocess.run(["redis-cli", "shutdown", "nosave"], check=False, capture_output=True, timeout=10)
        subprocess.run(REDIS_RESTART, check=True, capture_output=True, timeout=10)
        _wait_for_redis(client)
        worker_module.WATCH.expect_restart()  # this restart is ours: recovery is up to resume_imports below
    finally:
        if not _redis_up(client):
            subprocess.run(REDIS_RESTART, check=False, capture_output=True, timeout=10)
            _wait_for_redis(client)
    time.sleep(3)  # the worker reconnects on its own
    call_command("resume_imports", "--older-than", "0")
    wait_until_settled(batch)
    assert states(batch) == {"imported": 12} and Article.objects.count() == 12


def test_a_poisoned_file_is_refused_with_its_reason_and_the_batch_completes(workers, worker_env):
    workers("taster", extra_env={"TIMELINE_MAX_TEXT_CHARS": "5000"})
    good = articles(5)
    poisoned = [ItemInput(name="blank.txt", text=" \n\t\n"), ItemInput(name="huge.txt", text="word " * 2000)]
    batch = services.batch_create(items=good[:2] + poisoned + good[2:])
    wait_until_settled(batch)
    assert states(batch) == {"imported": 5, "refused": 2}
    reasons = dict(ImportItem.objects.filter(batch=batch, state="refused").values_list("name", "reason"))
    assert reasons == {
        "blank.txt": "The article text is empty; paste or upload the article's text.",
        "huge.txt": "The article has 10,000 characters; the limit is 5,000. Split it up.",
    }
    batch.refresh_from_db()
    assert batch.finished is not None and Article.objects.count() == 5


def test_reanalysing_the_whole_archive_through_the_queue_keeps_every_curated_field(workers):
    workers("analyst")
    imported = services.batch_create(items=articles(6))
    wait_until_settled(imported)
    edited, approved, hidden = (Article.objects.get(import_items__name=f"article-00{n}.txt").events.first()
                                for n in (0, 1, 2))  # fmt: skip
    timeline_services.event_update(event=edited, title="Budget vote (checked)", notes="Confirmed by phone",
                                   earliest=date(2024, 3, 2), latest=date(2024, 3, 3))  # fmt: skip
    timeline_services.event_set_status(events=[approved], status="approved")
    timeline_services.event_set_status(events=[hidden], status="hidden")
    before = {e.pk: _curated_fields(e) for e in Event.objects.filter(curated=True)}
    call_command("reanalyse", "--all", "--queue", "--no-progress", stdout=io.StringIO())  # follows to the end
    batch = ImportBatch.objects.get(kind="reanalyse")
    wait_until_settled(batch)
    assert states(batch) == {"reanalysed": 6}
    after = {e.pk: _curated_fields(e) for e in Event.objects.filter(pk__in=before)}
    assert after == before
    assert Event.objects.get(pk=edited.pk).sentence is not None  # re-linked to the new analysis
    assert Article.objects.count() == 6 and Event.objects.filter(curated=False).count() >= 6


def _curated_fields(event: Event) -> tuple:
    return (
        event.title,
        event.notes,
        event.status,
        event.earliest,
        event.latest,
        event.value,
        sorted(event.curated_fields),
    )


def _redis_up(client: redis.Redis) -> bool:
    try:
        return bool(client.ping())
    except redis.RedisError:
        return False


def _wait_for_redis(client: redis.Redis, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while not _redis_up(client):
        if time.monotonic() > deadline:
            raise AssertionError("Redis did not come back after the restart")
        time.sleep(0.1)
