"""The bulk path of import_articles: bad files mid-run, reruns, duplicates, crashes, workers."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import replace
from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from tests.commands.batch_fakes import as_batch_engine, install_engine
from tests.factories import make_extraction
from timeline.evaluation.gold import load_gold_dir
from timeline.ingest.headline import dateline_outlet
from timeline.models import Article, Event, Sentence, TemporalExpression

pytestmark = pytest.mark.django_db

GOLD = load_gold_dir(Path(settings.BASE_DIR) / "fixtures" / "gold")


def _run(*args: str) -> tuple[str, str, CommandError | None]:
    out, err = StringIO(), StringIO()
    try:
        call_command("import_articles", *args, "--no-progress", stdout=out, stderr=err)
    except CommandError as exc:
        return out.getvalue(), err.getvalue(), exc
    return out.getvalue(), err.getvalue(), None


def _write_gold(folder: Path, count: int) -> list[Path]:
    folder.mkdir(exist_ok=True)
    paths = []
    for n, doc in enumerate(GOLD[:count]):
        path = folder / f"{n:02d}_{doc.id}.txt"
        # A metadata line dates the file as a scraped page would: without one the engine
        # (rightly) infers no date and proposes no events.
        path.write_text(f"Published: {doc.dct.isoformat()}\n{doc.text}", encoding="utf-8")
        paths.append(path)
    return paths


class CountingEngine:
    """A fake engine: one dated event per text, and a record of every text it analysed."""

    def __init__(self, boom: str | None = None, interrupt: str | None = None) -> None:
        self.seen: list[str] = []
        self.boom, self.interrupt = boom, interrupt

    def __call__(self, text: str, dct: date | None, prefer: str = "auto"):
        self.seen.append(text)
        if self.interrupt and text.startswith(self.interrupt):
            raise KeyboardInterrupt
        if self.boom and text.startswith(self.boom):
            raise RuntimeError("engine bug")
        return make_extraction(text, [("Monday", date(2024, 4, 15))])


def _texts(folder: Path, names: list[str]) -> None:
    folder.mkdir(exist_ok=True)
    for name in names:
        (folder / f"{name}.txt").write_text(f"{name.capitalize()} story: the council met on Monday.")


def test_a_bad_file_in_the_middle_fails_alone_with_the_real_engine(tmp_path):
    paths = _write_gold(tmp_path, 4)
    middle = tmp_path / "01_b_scan.txt"
    middle.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00binary")
    out, _, error = _run(str(tmp_path), "--workers", "1")
    assert error is not None and error.returncode == 1
    assert "Imported 4, skipped 0 duplicate(s), failed 1" in out
    assert f"failed    {middle}: 01_b_scan.txt: this is a PNG image" in out
    # The source is the dateline's outlet, else the file's name: a server path never reaches a page or an export.
    expected = sorted(dateline_outlet(p.read_text(encoding="utf-8")) or p.name for p in paths)
    assert sorted(Article.objects.values_list("source", flat=True)) == expected
    for article in Article.objects.all():
        assert article.analysed is not None and article.engine_mode == "model"
        assert article.expressions.exists() and article.sentences.count() > 3
    assert Event.objects.count() > 10
    assert "articles/s" in out and "words/s" in out


def test_rerun_skips_what_is_done_without_analysing_it_again(tmp_path, monkeypatch):
    _texts(tmp_path, ["alpha", "beta"])
    first = CountingEngine()
    install_engine(monkeypatch, first, read_ahead=8)
    out, _, error = _run(str(tmp_path))
    assert error is None and "Imported 2, skipped 0 duplicate(s), failed 0" in out and len(first.seen) == 2

    _texts(tmp_path, ["gamma"])
    again = CountingEngine()
    install_engine(monkeypatch, again, read_ahead=8)
    out, _, error = _run(str(tmp_path))
    assert error is None and "Imported 1, skipped 2 duplicate(s), failed 0" in out
    assert again.seen == ["Gamma story: the council met on Monday."]
    alpha = Article.objects.get(text__startswith="Alpha")
    assert f"duplicate {tmp_path / 'alpha.txt'} (article {alpha.pk})" in out
    assert Article.objects.count() == 3 and Event.objects.count() == 3


def test_duplicate_texts_in_one_run_are_stored_once(tmp_path):
    text = GOLD[0].text
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.md").write_text("\n\n" + text.replace(" ", "  ") + "\n", encoding="utf-8")  # same words
    (tmp_path / "c.txt").write_text(GOLD[1].text, encoding="utf-8")
    out, _, error = _run(str(tmp_path))
    assert error is None and "Imported 2, skipped 1 duplicate(s), failed 0" in out
    assert f"duplicate {tmp_path / 'b.md'} (same text as {tmp_path / 'a.txt'})" in out
    expected = sorted(dateline_outlet(t) or name for name, t in (("a.txt", text), ("c.txt", GOLD[1].text)))
    assert sorted(Article.objects.values_list("source", flat=True)) == expected


def test_an_engine_crash_fails_only_its_article_among_those_in_flight(tmp_path, monkeypatch):
    _texts(tmp_path, ["a1", "b2boom", "c3", "d4", "e5"])
    engine = CountingEngine(boom="B2boom")
    install_engine(monkeypatch, engine, read_ahead=3)  # a1, b2boom and c3 are in flight together
    out, err, error = _run(str(tmp_path))
    assert "Imported 4, skipped 0 duplicate(s), failed 1" in out and error is not None
    assert f"failed    {tmp_path / 'b2boom.txt'}: internal error RuntimeError: engine bug" in out
    assert "Traceback" in err and "Retried alone" in err
    assert sorted(a.text[:2] for a in Article.objects.all()) == ["A1", "C3", "D4", "E5"]


def test_a_write_error_rolls_back_that_article_only(tmp_path, monkeypatch):
    _texts(tmp_path, ["first", "second", "third"])

    def engine(text, dct, prefer="auto"):
        extraction = make_extraction(text, [("Monday", date(2024, 4, 15))])
        if text.startswith("Second"):  # an engine bug the database refuses: earliest after latest
            extraction.expressions[0] = replace(extraction.expressions[0], earliest=date(2024, 4, 20))
        return extraction

    install_engine(monkeypatch, engine, read_ahead=3)
    out, _, error = _run(str(tmp_path))
    assert "Imported 2, skipped 0 duplicate(s), failed 1" in out and error is not None
    assert f"failed    {tmp_path / 'second.txt'}: internal error IntegrityError" in out
    assert sorted(a.text[:5] for a in Article.objects.all()) == ["First", "Third"]
    assert not Sentence.objects.filter(text__startswith="Second").exists()
    assert TemporalExpression.objects.count() == 2


def test_an_interrupted_run_keeps_what_it_wrote_and_the_rerun_finishes(tmp_path, monkeypatch):
    _texts(tmp_path, ["a", "b", "c", "d"])
    install_engine(monkeypatch, CountingEngine(interrupt="C story"), read_ahead=1)
    out, _, error = _run(str(tmp_path))
    assert error is not None and error.returncode == 130 and "Interrupted after 2 new article(s)" in str(error)
    assert "Imported 2, skipped 0 duplicate(s), failed 0" in out
    assert sorted(a.text[0] for a in Article.objects.all()) == ["A", "B"]

    rerun = CountingEngine()
    install_engine(monkeypatch, rerun, read_ahead=4)
    out, _, error = _run(str(tmp_path))
    assert error is None and "Imported 2, skipped 2 duplicate(s), failed 0" in out
    assert sorted(text[0] for text in rerun.seen) == ["C", "D"]
    assert Article.objects.count() == 4 and Event.objects.count() == 4


def test_two_workers_store_the_same_rows_as_one(tmp_path):
    _write_gold(tmp_path, 3)

    def stored() -> list[tuple]:
        return sorted(Event.objects.values_list("article__source", "key", "title", "earliest", "latest", "value"))

    _, _, error = _run(str(tmp_path), "--workers", "2", "--batch-size", "8")
    assert error is None
    with_two = stored()
    Article.objects.all().delete()
    _, _, error = _run(str(tmp_path), "--workers", "1")
    assert error is None
    assert with_two == stored() and len(with_two) > 10


def test_a_long_run_is_cut_into_streams_of_bounded_size(tmp_path, monkeypatch):
    _texts(tmp_path, [f"story{n}" for n in range(7)])
    streams: list[int] = []
    engine = as_batch_engine(CountingEngine(), read_ahead=8)

    def counting_streams(items, *, n_process, batch_size):
        streams.append(0)
        for result in engine(items, n_process=n_process, batch_size=batch_size):
            streams[-1] += 1
            yield result

    monkeypatch.setattr("timeline.jobs.bulk.analyse_batch", counting_streams)
    monkeypatch.setattr("timeline.jobs.bulk.STREAM_ARTICLES", 3)
    out, _, error = _run(str(tmp_path))
    assert error is None and "Imported 7, skipped 0 duplicate(s), failed 0" in out
    assert streams == [3, 3, 1] and Article.objects.count() == 7


@pytest.mark.parametrize("value", ["0", "-1", "two"])
def test_workers_must_be_a_positive_number(tmp_path, value):
    with pytest.raises(CommandError, match="must be a whole number of at least 1"):
        call_command("import_articles", str(tmp_path), "--workers", value)


@pytest.mark.slow
def test_killed_mid_run_leaves_only_whole_articles_and_the_rerun_completes(tmp_path):
    from benchmarks.make_corpus import write_corpus

    corpus = tmp_path / "corpus"
    write_corpus(30, corpus, seed=3)
    database = tmp_path / "bulk.sqlite3"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}"}
    manage = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py")]
    subprocess.run([*manage, "migrate", "-v0"], env=env, check=True, timeout=120)
    command = [*manage, "import_articles", str(corpus), "--no-progress"]
    run = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 120
        while _count(database, "timeline_article") < 3:
            assert run.poll() is None and time.monotonic() < deadline, "the import ended before it could be killed"
            time.sleep(0.02)
        run.send_signal(signal.SIGKILL)
    finally:
        run.communicate(timeout=30)
    kept = _count(database, "timeline_article")
    assert 3 <= kept < 30
    with sqlite3.connect(database) as db:  # no half-written article: each has its sentences and a date
        partial = db.execute(
            "SELECT COUNT(*) FROM timeline_article a WHERE a.analysed IS NULL OR NOT EXISTS "
            "(SELECT 1 FROM timeline_sentence s WHERE s.article_id = a.id)"
        ).fetchone()[0]
    assert partial == 0

    rerun = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert f"Imported {30 - kept}, skipped {kept} duplicate(s), failed 0" in rerun.stdout
    assert _count(database, "timeline_article") == 30


def _count(database: Path, table: str) -> int:
    if not database.exists():
        return 0
    with sqlite3.connect(database, timeout=30) as db:
        return db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]  # noqa: S608 — fixed table names
