"""import_articles: a folder of good, duplicate, binary and empty files; load_seed idempotence."""

from __future__ import annotations

from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tests.commands.batch_fakes import install_engine
from tests.factories import make_extraction
from timeline.models import Article

pytestmark = pytest.mark.django_db

GOOD = "Iran attacked on Saturday. Biden met aides on Sunday."
OTHER = "<html><head><title>Markets</title></head><body><p>Stocks fell on Monday.</p></body></html>"


@pytest.fixture
def engine_by_text(monkeypatch):
    """A fake engine whose result depends on the text it is given."""
    results = {
        GOOD: make_extraction(GOOD, [("Saturday", date(2024, 4, 13)), ("Sunday", date(2024, 4, 14))]),
        "Stocks fell on Monday.": make_extraction("Stocks fell on Monday.", [("Monday", date(2024, 4, 15))]),
    }
    seen: list[tuple[str, date | None, str]] = []

    def fake_extract(text, dct, prefer="auto"):
        seen.append((text, dct, prefer))
        return results[text]

    install_engine(monkeypatch, fake_extract)
    return seen


def _run(*args: str) -> tuple[str, str, CommandError | None]:
    out, err = StringIO(), StringIO()
    try:
        call_command("import_articles", *args, stdout=out, stderr=err)
    except CommandError as exc:
        return out.getvalue(), err.getvalue(), exc
    return out.getvalue(), err.getvalue(), None


def test_folder_with_good_duplicate_binary_and_empty_files(tmp_path, engine_by_text):
    (tmp_path / "a_good.txt").write_text(GOOD)
    nested = tmp_path / "nested"
    nested.mkdir()
    (nested / "b_copy.md").write_text("  " + GOOD.replace(" ", "\n") + "\n")  # same words, new layout
    (nested / "c_page.html").write_text(OTHER)
    (tmp_path / "d_scan.txt").write_bytes(b"%PDF-1.4\n\x00\x01binary")
    (tmp_path / "e_empty.txt").write_bytes(b"")
    (tmp_path / "ignored.pdf").write_bytes(b"%PDF-1.4")  # not an article extension: not collected

    out, err, error = _run(str(tmp_path), "--dct", "2024-04-13", "--prefer", "future")

    assert error is not None and error.returncode == 1 and "2 file(s) failed" in str(error)
    assert "Imported 2, skipped 1 duplicate(s), failed 2" in out
    assert "articles/s" in out and "words/s" in out
    assert f"failed    {tmp_path / 'd_scan.txt'}: d_scan.txt: this is a PDF document" in out
    assert f"failed    {tmp_path / 'e_empty.txt'}: e_empty.txt: the file is empty." in out
    assert f"duplicate {nested / 'b_copy.md'} (article " in out
    assert sorted(Article.objects.values_list("title", "published")) == [
        ("Iran attacked on Saturday.", date(2024, 4, 13)),  # no headline: the lead sentence
        ("Markets", date(2024, 4, 13)),
    ]
    assert all(call[1:] == (date(2024, 4, 13), "future") for call in engine_by_text)
    assert Article.objects.get(title="Markets").events.count() == 1
    assert "5/5" in err  # the progress bar went to stderr


def test_all_good_exits_cleanly_and_missing_paths_are_failures(tmp_path, engine_by_text):
    (tmp_path / "good.txt").write_text(GOOD)
    out, _, error = _run(str(tmp_path / "good.txt"), "--no-progress")
    assert error is None and "Imported 1, skipped 0 duplicate(s), failed 0" in out

    out, _, error = _run(str(tmp_path / "good.txt"), str(tmp_path / "nope"), "--no-progress")
    assert "Imported 0, skipped 1 duplicate(s), failed 1" in out
    assert f"failed    {tmp_path / 'nope'}: no such file or folder" in out and error is not None


def test_a_crash_on_one_file_is_reported_and_the_rest_still_import(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("Boom on Monday.")
    (tmp_path / "b.txt").write_text(GOOD)

    def flaky_extract(text, dct, prefer="auto"):
        if text.startswith("Boom"):
            raise RuntimeError("engine bug")
        return make_extraction(GOOD, [("Saturday", date(2024, 4, 13))])

    install_engine(monkeypatch, flaky_extract)
    out, err, error = _run(str(tmp_path), "--no-progress")
    assert "Imported 1, skipped 0 duplicate(s), failed 1" in out
    assert "internal error RuntimeError: engine bug" in out and "Traceback" in err
    assert Article.objects.get().text == GOOD and error is not None


def test_bad_dct_is_a_usage_error(tmp_path):
    with pytest.raises(CommandError, match="--dct must be a date like 2024-04-13"):
        call_command("import_articles", str(tmp_path), "--dct", "13/04/2024")


def test_load_seed_imports_once_with_the_inferred_date():
    out = StringIO()
    call_command("load_seed", stdout=out)
    article = Article.objects.get()
    assert article.title == "Biden weighs response as Iran attacks Israel" and article.source == "CNN"
    assert article.published == date(2024, 4, 13) and article.dct_inferred
    assert "April 13, 2024" in article.dct_evidence
    assert article.events.exists() and article.expressions.exists()
    assert "published 2024-04-13" in out.getvalue()

    again = StringIO()
    call_command("load_seed", stdout=again)
    assert "already loaded" in again.getvalue() and Article.objects.count() == 1
