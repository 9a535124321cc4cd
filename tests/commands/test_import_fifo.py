"""import_articles never opens a named pipe: in a folder, on the command line or in a manifest,
it is named in the summary with its reason and the other files import regardless."""

from __future__ import annotations

import json
import os
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from tests.commands.batch_fakes import install_engine
from tests.factories import make_extraction
from timeline.ingest.errors import FileRejected
from timeline.ingest.files import read_article_file
from timeline.ingest.manifest import ManifestError, read_manifest
from timeline.models import Article

pytestmark = pytest.mark.django_db

GOOD = "Talks resumed on Monday."
PIPE_REASON = "a named pipe (FIFO), not a regular file; only regular files are read"


@contextmanager
def deadline(seconds: int) -> Iterator[None]:
    """Fail instead of hanging: opening a FIFO blocks until a writer comes, which never will."""

    def expire(signum: int, frame: object) -> None:
        raise TimeoutError(f"still blocked after {seconds} s: a named pipe was opened")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "good.txt").write_text(GOOD)
    os.mkfifo(tmp_path / "pipe.txt")
    install_engine(monkeypatch, lambda text, dct, prefer="auto": make_extraction(text, [("Monday", date(2024, 4, 15))]))
    return tmp_path


def _run(*args: str) -> tuple[str, CommandError | None]:
    out = StringIO()
    try:
        with deadline(20):
            call_command("import_articles", *args, "--no-progress", stdout=out, stderr=StringIO())
    except CommandError as exc:
        return out.getvalue(), exc
    return out.getvalue(), None


@pytest.mark.parametrize("named", ["folder", "path"])
def test_a_pipe_in_a_folder_or_on_the_command_line_is_refused_by_name(folder, named):
    args = [str(folder)] if named == "folder" else [str(folder / "good.txt"), str(folder / "pipe.txt")]
    out, error = _run(*args, "--dct", "2024-04-13")
    assert error is not None and error.returncode == 1
    assert f"failed    {folder / 'pipe.txt'}: {PIPE_REASON}" in out
    assert "Imported 1, skipped 0 duplicate(s), failed 1" in out
    assert list(Article.objects.values_list("text", flat=True)) == [GOOD]


def test_a_pipe_named_by_a_manifest_row_is_refused_with_its_reason(folder):
    manifest = folder / "articles.jsonl"
    rows = [{"path": "good.txt", "published": "2024-04-13"}, {"path": "pipe.txt", "published": "2024-04-13"}]
    manifest.write_text("\n".join(json.dumps(row) for row in rows))
    out, error = _run("--manifest", str(manifest))
    assert error is not None and "pipe.txt" in out and PIPE_REASON in out
    assert list(Article.objects.values_list("text", flat=True)) == [GOOD]


def test_a_manifest_that_is_a_pipe_is_refused(tmp_path):
    os.mkfifo(tmp_path / "manifest.jsonl")
    with deadline(20), pytest.raises(ManifestError, match="named pipe"):
        read_manifest(tmp_path / "manifest.jsonl")


def test_the_file_reader_refuses_a_pipe_without_opening_it(tmp_path):
    os.mkfifo(tmp_path / "pipe.md")
    with deadline(20), pytest.raises(FileRejected, match=r"^pipe\.md: a named pipe \(FIFO\)"):
        read_article_file(tmp_path / "pipe.md")
