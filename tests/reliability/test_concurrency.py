"""Imports, re-analyses and curation at the same time: no "database is locked", nothing lost.

Runs on a real database file (SQLite in WAL mode, or PostgreSQL in CI's second pass):
pytest-django's in-memory SQLite would serialise everything and prove nothing.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import date, timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection, connections
from django.db.models.signals import pre_delete

from tests.commands.batch_fakes import install_engine
from tests.factories import make_extraction
from timeline.models import Article, Event, Sentence
from timeline.services import article_import, article_reanalyse, event_set_status, event_update

pytestmark = pytest.mark.django_db(transaction=True)

DAYS = ("Monday", "Tuesday", "Wednesday")


def story(n: int) -> str:
    return f"Story {n} began on Monday. Talks went on Tuesday. A vote came on Wednesday."


class ThreadSafeEngine:
    """Dates each weekday a week on per call; sleeps like a parse; records how many ran at once."""

    # 20 ms a call: long enough that four busy threads always meet in it (3 ms let a loaded
    # machine run them one after another and the overlap check failed), short enough for CI.
    def __init__(self, pause: float = 0.02) -> None:
        self.pause = pause
        self.calls = 0
        self.running = 0
        self.peak = 0
        self._lock = threading.Lock()

    def __call__(self, text: str, dct: date | None, prefer: str = "auto"):
        with self._lock:
            self.calls += 1
            self.running += 1
            self.peak = max(self.peak, self.running)
            shift = self.calls % 3
        try:
            time.sleep(self.pause)  # the parse: outside every transaction
            phrases = [
                (day, date(2024, 4, 15 + i) + timedelta(weeks=shift)) for i, day in enumerate(DAYS) if day in text
            ]
            return make_extraction(text, phrases)
        finally:
            with self._lock:
                self.running -= 1


def run_together(*jobs: Callable[[], None], timeout: float = 120) -> list[BaseException]:
    """Start every job at the same moment in its own thread; return what they raised."""
    barrier = threading.Barrier(len(jobs))
    errors: list[BaseException] = []

    def run(job: Callable[[], None]) -> None:
        try:
            barrier.wait()
            job()
        except BaseException as exc:  # noqa: BLE001 — collected and asserted on below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout)
    assert not any(thread.is_alive() for thread in threads), "a job hung"
    return errors


@pytest.fixture
def engine(monkeypatch) -> ThreadSafeEngine:
    fake = ThreadSafeEngine()
    install_engine(monkeypatch, fake)  # behind article_import and import_articles' batch stream
    return fake


def test_the_test_database_is_a_shared_file_like_production():
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode")
            assert cursor.fetchone()[0] == "wal"
            cursor.execute("PRAGMA busy_timeout")
            assert cursor.fetchone()[0] >= 5_000
        assert not connection.is_in_memory_db() and Path(connection.settings_dict["NAME"]).exists()
    else:
        assert connection.vendor == "postgresql"


def test_two_imports_a_reanalysis_and_a_curator_at_once_lose_nothing(tmp_path, engine):
    folders = [tmp_path / "desk-a", tmp_path / "desk-b"]
    for desk, folder in enumerate(folders):
        folder.mkdir()
        for n in range(12):
            (folder / f"story-{n:02}.txt").write_text(story(100 * desk + n))
    article = article_import(text=story(999), title="Watched", published=date(2024, 4, 13))
    monday, tuesday, _ = article.events.order_by("earliest")
    # Curated before the race, so every re-analysis must keep them (an uncurated event may
    # be replaced by a re-analysis, new id and all, before a curator reaches it).
    event_update(event=monday, notes="note 0")
    event_set_status(events=[tuesday], status=Event.Status.HIDDEN)
    outputs = [StringIO(), StringIO()]
    notes_written: list[str] = []

    def import_desk(index: int) -> Callable[[], None]:
        return lambda: call_command("import_articles", str(folders[index]), "--no-progress",
                                    stdout=outputs[index], stderr=StringIO())  # fmt: skip

    def reanalyse() -> None:
        for _ in range(8):
            article_reanalyse(article=article)

    def curate() -> None:
        for i in range(1, 9):
            event_update(event=monday, notes=f"note {i}")
            notes_written.append(f"note {i}")
            status = Event.Status.APPROVED if i % 2 == 0 else Event.Status.HIDDEN
            assert len(event_set_status(events=[tuesday], status=status)) == 1

    errors = run_together(import_desk(0), import_desk(1), reanalyse, curate)

    assert errors == [], [repr(e) for e in errors]
    assert engine.peak >= 2, "the jobs never overlapped; the test proved nothing"
    for output in outputs:
        assert "Imported 12, skipped 0 duplicate(s), failed 0" in output.getvalue()
    assert Article.objects.count() == 25
    for imported in Article.objects.exclude(pk=article.pk):
        assert imported.events.count() == 3 and imported.sentences.count() == 3, imported.title
    monday.refresh_from_db()
    tuesday.refresh_from_db()
    assert monday.notes == notes_written[-1] == "note 8" and monday.curated
    assert tuesday.status == "approved" and tuesday.expression is not None
    assert article.events.count() == 3 and article.events.filter(curated=False).count() == 1


def test_a_curators_save_during_reanalysis_is_kept(engine, monkeypatch):
    article = article_import(text=story(1), title="Edited mid-parse", published=date(2024, 4, 13))
    target = article.events.get(expression__text="Tuesday")
    edits: list[Event] = []
    real_engine = engine

    def engine_with_a_curator_saving_meanwhile(text, dct, prefer="auto"):
        # The curator saves while the engine parses (before re-analysis writes anything).
        saved = run_together(lambda: edits.append(event_update(event=target, title="Curated title", notes="checked")))
        assert saved == []
        return real_engine(text, dct, prefer)

    monkeypatch.setattr("timeline.temporal.extract", engine_with_a_curator_saving_meanwhile, raising=False)
    article_reanalyse(article=article)

    target.refresh_from_db()
    assert (target.title, target.notes, target.curated) == ("Curated title", "checked", True)
    assert target.expression.text == "Tuesday" and len(edits) == 1
    assert article.events.count() == 3


def test_a_save_racing_the_reanalysis_write_is_never_silently_dropped(engine):
    """A save that lands while re-analysis rewrites the events either survives or fails loudly.

    Re-analysis must lock the article's events before choosing which are untouched; else
    (on PostgreSQL) a save committed between that choice and the update is overwritten.
    """
    article = article_import(text=story(2), title="Raced", published=date(2024, 4, 13))
    target = article.events.get(expression__text="Wednesday")
    outcome: dict[str, object] = {}
    started = threading.Event()
    racer: list[threading.Thread] = []

    def save() -> None:
        started.set()
        try:
            outcome["saved"] = event_update(event=target, title="Saved in the race")
        except Event.DoesNotExist as exc:
            outcome["refused"] = exc
        finally:
            connections.close_all()

    def curator_saves_now(sender, instance, **kwargs) -> None:
        if not racer:  # re-analysis drops the old sentences: the curator clicks Save
            racer.append(threading.Thread(target=save))
            racer[0].start()
            started.wait(5)
            racer[0].join(1.0)  # give the save every chance to land before the delete

    pre_delete.connect(curator_saves_now, sender=Sentence)
    try:
        article_reanalyse(article=article)
    finally:
        pre_delete.disconnect(curator_saves_now, sender=Sentence)
    racer[0].join(60)

    assert not racer[0].is_alive()
    if "saved" in outcome:
        target.refresh_from_db()  # raises DoesNotExist if the saved edit was deleted
        assert target.title == "Saved in the race" and target.curated
    else:
        assert isinstance(outcome["refused"], Event.DoesNotExist)
        assert not article.events.filter(title="Saved in the race").exists()
