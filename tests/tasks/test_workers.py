"""Imports through real Celery worker processes on the real Redis: nothing lost, nothing twice.

Every test here runs the real engine (spaCy model loaded once per worker process); the
kill and restart tests slow it down (tests/tasks/slow_worker.py) so the batch is still
running when the worker dies or Redis restarts.
"""

from __future__ import annotations

import io
import socket
import subprocess
import time
from datetime import date

import pytest
import redis
from django.core.management import call_command

from tests.tasks import workers as worker_module
from tests.tasks.workers import REDIS_RESTART, Worker, states, wait_for, wait_until_done, wait_until_settled
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


# A lease lapses after 10 s without a heartbeat (a beat every 2.5 s); beat checks every 10 s.
SHORT_LEASE = {"TIMELINE_LEASE_SECONDS": "10"}
RECOVERY_SECONDS = 120


def test_kill_9_of_a_worker_mid_item_is_recovered_within_two_minutes_exactly_once(workers):
    workers("steady", app="tests.tasks.slow_worker", beat=True, extra_env=SHORT_LEASE | {"TEST_ENGINE_DELAY": "0.3"})
    doomed = workers("doomed", app="tests.tasks.slow_worker", extra_env=SHORT_LEASE | {"TEST_ENGINE_DELAY": "4"})
    batch = services.batch_create(items=articles(16))
    killed, killed_at = _kill_mid_item(doomed, batch)
    # Nobody starts a worker or runs a command: the surviving worker's beat finds the lapsed lease.
    waited = _wait_until_imported(killed, killed_at)
    wait_until_settled(batch)
    _assert_each_imported_once(batch, killed, waited)


def test_a_worker_starting_after_a_kill_9_takes_the_dead_workers_item_at_once(workers):
    doomed = workers("doomed", app="tests.tasks.slow_worker", extra_env=SHORT_LEASE | {"TEST_ENGINE_DELAY": "2"})
    batch = services.batch_create(items=articles(8))
    wait_until_done(batch, 2)
    killed, killed_at = _kill_mid_item(doomed, batch)
    # Its start-up resume sees the dead process's lease (same host); queued items wait their turn.
    workers("rescuer", extra_env=SHORT_LEASE)
    waited = _wait_until_imported(killed, killed_at)
    wait_until_settled(batch)
    _assert_each_imported_once(batch, killed, waited)


def _kill_mid_item(worker: Worker, batch: ImportBatch) -> tuple[ImportItem, float]:
    """``kill -9`` the worker while its pool process holds the lease of an item; returns that item
    and when it was killed (``time.monotonic``)."""

    def leased() -> ImportItem | None:
        owners = {f"{socket.gethostname()}:{pid}" for pid in worker.pool_pids()}
        return ImportItem.objects.filter(batch=batch, state="analysing", lease_owner__in=owners).first()

    wait_for(lambda: leased() is not None, timeout=120, what="the worker to take an item",
             describe=lambda: str(states(batch)))  # fmt: skip
    item = leased()
    worker.kill_hard()
    killed_at = time.monotonic()
    item.refresh_from_db()
    assert item.state == "analysing" and item.attempts == 1, "the item was settled before the kill"
    return item, killed_at


def _wait_until_imported(item: ImportItem, killed_at: float) -> float:
    """Seconds from the kill until the item it left is imported (fails past ``RECOVERY_SECONDS``)."""
    done = ImportItem.objects.filter(pk=item.pk, state="imported")
    wait_for(done.exists, timeout=RECOVERY_SECONDS - (time.monotonic() - killed_at), what=f"the killed worker's item {item.name} to be imported",
             describe=lambda: str(ImportItem.objects.filter(pk=item.pk).values("state", "lease_owner", "attempts")))  # fmt: skip
    return time.monotonic() - killed_at


def _assert_each_imported_once(batch: ImportBatch, killed: ImportItem, waited: float) -> None:
    total = batch.items.count()
    assert waited < RECOVERY_SECONDS
    assert states(batch) == {"imported": total}
    assert Article.objects.count() == total
    assert len(set(batch.items.values_list("article_id", flat=True))) == total
    assert Article.objects.values("content_hash").distinct().count() == total
    dead_owner = killed.lease_owner
    killed.refresh_from_db()
    assert killed.attempts == 2 and killed.lease_owner not in ("", dead_owner)  # taken over once, by a live worker
    assert batch.items.exclude(pk=killed.pk).filter(attempts__gt=1).count() == 0  # nothing else ran twice
    batch.refresh_from_db()
    assert batch.finished is not None
    print(f"killed worker's item {killed.name} imported {waited:.1f} s after the kill")


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
