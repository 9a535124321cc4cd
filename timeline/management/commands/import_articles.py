"""Import article files and folders: ``manage.py import_articles PATH... [--dct D] [--prefer P]``.

Each file is imported on its own, so one bad file never stops the rest. Exit code:
0 when every file was imported or was already there (a duplicate), 1 when any
file failed; the summary lists each failure with its reason.
"""

from __future__ import annotations

import time
import traceback
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from timeline.exceptions import DuplicateArticle, ImportRejected
from timeline.ingest import ALLOWED_SUFFIXES, read_article_file
from timeline.services import article_import
from timeline.temporal.extract import PREFERENCES


@dataclass
class ImportSummary:
    imported: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    words: int = 0


def collect_files(paths: list[str]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Files named directly plus article files found under folders (recursively, sorted)."""
    files: list[Path] = []
    missing: list[tuple[str, str]] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(
                sorted(
                    p for p in path.rglob("*")
                    if p.is_file() and p.suffix.lower() in ALLOWED_SUFFIXES and not p.name.startswith(".")
                )
            )  # fmt: skip
        elif path.exists():
            files.append(path)
        else:
            missing.append((raw, "no such file or folder"))
    return files, missing


def _parse_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(f"--dct must be a date like 2024-04-13, not {value!r}.") from exc


class Command(BaseCommand):
    help = "Import .txt/.md/.html/.htm articles from files and folders (recursively)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", help="files or folders")
        parser.add_argument("--dct", help="publication date (YYYY-MM-DD) for every file; default: infer it")
        parser.add_argument(
            "--prefer", default="auto", choices=PREFERENCES,
            help="how to read ambiguous dates such as a bare weekday: from the tense (auto), past or future",
        )  # fmt: skip
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")

    def handle(self, *args: Any, **options: Any) -> None:
        dct = _parse_date(options["dct"]) if options["dct"] else None
        files, missing = collect_files(options["paths"])
        summary = ImportSummary(failed=list(missing))
        started = time.perf_counter()
        bar = tqdm(files, unit="file", file=self.stderr._out, disable=options["no_progress"] or not files)
        for path in bar:
            bar.set_postfix_str(path.name[-40:], refresh=False)
            self._import_one(path, dct, options["prefer"], summary)
        bar.close()
        self._report(summary, time.perf_counter() - started, int(options["verbosity"]))
        if summary.failed:
            raise CommandError(f"{len(summary.failed)} file(s) failed; see the list above.", returncode=1)

    def _import_one(self, path: Path, dct: date | None, prefer: str, summary: ImportSummary) -> None:
        try:
            decoded = read_article_file(path)
            article_import(text=decoded.text, title=decoded.title, published=dct, source=str(path), prefer=prefer)
        except DuplicateArticle as exc:
            summary.duplicates.append(f"{path} (article {exc.article.pk})")
        except ImportRejected as exc:
            summary.failed.append((str(path), str(exc)))
        except Exception as exc:  # noqa: BLE001 — a crash on one file is reported as a failure, not fatal
            summary.failed.append((str(path), f"internal error {type(exc).__name__}: {exc}"))
            self._note(f"{path}:\n{traceback.format_exc()}")
        else:
            summary.imported.append(str(path))
            summary.words += len(decoded.text.split())
            for warning in decoded.warnings:
                self._note(f"warning: {warning}")

    def _note(self, message: str) -> None:
        # tqdm.write keeps the progress bar intact below the message.
        tqdm.write(message.rstrip("\n"), file=self.stderr._out)

    def _report(self, summary: ImportSummary, elapsed: float, verbosity: int) -> None:
        if verbosity >= 2:
            for name in summary.imported:
                self.stdout.write(f"imported  {name}")
        for name in summary.duplicates:
            self.stdout.write(f"duplicate {name}")
        for name, reason in summary.failed:
            self.stdout.write(self.style.ERROR(f"failed    {name}: {reason}"))
        seconds = max(elapsed, 1e-9)
        self.stdout.write(
            f"Imported {len(summary.imported)}, skipped {len(summary.duplicates)} duplicate(s), "
            f"failed {len(summary.failed)} in {elapsed:.1f}s "
            f"({len(summary.imported) / seconds:.2f} articles/s, {summary.words / seconds:,.0f} words/s)."
        )
