"""Import articles: ``manage.py import_articles PATH... | --manifest FILE  [--story NAME] [--workers N] [--dct D]``.

A manifest (JSON lines or CSV, see ``timeline.ingest.manifest``) gives each article its own
path or text, title, date, source and URL. ``--story`` adds every imported article
(and every one already stored that the run names again) to that story. All articles stream through one spaCy ``nlp.pipe`` (``--workers`` processes) and each
article is written in its own transaction, so one bad file never stops the rest and
an interrupted run keeps what it wrote: rerun the same command and the articles
already stored are skipped as duplicates. Exit code: 0 when every article was imported
or was already there, 1 when any failed or was refused (the summary lists each with its reason).
"""

from __future__ import annotations

import time
from argparse import ArgumentTypeError
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from timeline.ingest.article_input import ArticleInput, article_input_from_file, article_input_from_paste
from timeline.ingest.files import ALLOWED_SUFFIXES
from timeline.ingest.manifest import ManifestEntry, ManifestError, read_manifest
from timeline.ingest.regular import not_regular_reason
from timeline.jobs.bulk import DUPLICATE, FAILED, ArticleSource, BulkOutcome, import_items
from timeline.jobs.cli import queue_command
from timeline.models import Article
from timeline.stories.models import Story
from timeline.stories.services import story_add_articles, story_events_rebuild, story_get_or_create
from timeline.temporal.limits import PREFERENCES


@dataclass
class ImportSummary:
    imported: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)  # manifest rows that name no usable article
    from_manifest: bool = False
    failed: list[tuple[str, str]] = field(default_factory=list)
    words: int = 0
    read_seconds: float = 0.0
    write_seconds: float = 0.0


def collect_files(paths: list[str]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Files named directly plus article files found under folders (recursively, sorted), and
    the entries refused with their reason: missing, or not regular files (a named pipe would
    block the run for ever, so it is named in the summary and never opened)."""
    files: list[Path] = []
    refused: list[tuple[str, str]] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for found in sorted(path.rglob("*")):
                if found.suffix.lower() not in ALLOWED_SUFFIXES or found.name.startswith(".") or found.is_dir():
                    continue
                if reason := not_regular_reason(found):
                    refused.append((str(found), reason))
                elif found.exists():  # a dangling link is no article
                    files.append(found)
        elif reason := not_regular_reason(path):
            refused.append((raw, reason))
        elif path.exists():
            files.append(path)
        else:
            refused.append((raw, "no such file or folder"))
    return files, refused


def _positive(value: str) -> int:
    if not value.isdecimal() or int(value) < 1:
        raise ArgumentTypeError(f"must be a whole number of at least 1, not {value!r}")
    return int(value)


def _parse_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(f"--dct must be a date like 2024-04-13, not {value!r}.") from exc


def _story(name: str) -> Story:
    try:
        return story_get_or_create(name=name)
    except ValidationError as exc:
        raise CommandError(f"--story: {' '.join(exc.messages)}") from exc


def _manifest_items(manifest: Path) -> tuple[list[ArticleSource], list[tuple[str, str]]]:
    """The manifest's articles as import items, and its refused rows with their reasons."""
    try:
        entries, refusals = read_manifest(manifest)
    except ManifestError as exc:
        raise CommandError(str(exc)) from exc
    refused = [(f"{manifest.name} {r.name}" if r.name.startswith("line ") else r.name, r.reason) for r in refusals]
    return [ArticleSource(_entry_name(manifest, entry), partial(_load_entry, entry)) for entry in entries], refused


def _entry_name(manifest: Path, entry: ManifestEntry) -> str:
    return entry.name if entry.path is not None else f"{manifest.name} {entry.name}"


def _load_entry(entry: ManifestEntry) -> ArticleInput:
    fields = {"title": entry.title, "published": entry.published, "source": entry.source, "url": entry.url}
    if entry.path is not None:
        return article_input_from_file(entry.path, **fields)
    return article_input_from_paste(entry.text or "", **fields)


class Command(BaseCommand):
    help = "Import .txt/.md/.html/.htm articles from files and folders (recursively) or from a manifest."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="*", help="files or folders")
        parser.add_argument(
            "--manifest",
            metavar="FILE",
            help="JSON lines or CSV: one article per row (path or text, title, published, source, url)",
        )
        parser.add_argument("--story", metavar="NAME", help="add the articles to this story (created when new)")
        parser.add_argument("--dct", help="publication date (YYYY-MM-DD) for every file; default: infer it")
        parser.add_argument(
            "--prefer", default="auto", choices=PREFERENCES,
            help="how to read ambiguous dates such as a bare weekday: from the tense (auto), past or future",
        )  # fmt: skip
        parser.add_argument(
            "--workers",
            type=_positive,
            default=1,
            help="spaCy processes parsing in parallel (default 1; at most the number of cores)",
        )
        parser.add_argument("--batch-size", type=_positive, default=64, help="sentences per spaCy batch (default 64)")
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")
        parser.add_argument(
            "--queue",
            action="store_true",
            help="send the articles to the task queue (Celery workers) and follow the batch",
        )
        parser.add_argument("--no-wait", action="store_true", help="with --queue: print the batch id and return")

    def handle(self, *args: Any, **options: Any) -> None:
        if bool(options["paths"]) == bool(options["manifest"]):
            raise CommandError("Give files or folders, or --manifest FILE (one of the two).")
        if options["manifest"] and options["dct"]:
            raise CommandError("--dct applies to files; in a manifest give each article its 'published' date.")
        story = _story(options["story"]) if options["story"] else None
        summary = ImportSummary(from_manifest=bool(options["manifest"]))
        if options["manifest"]:
            items, summary.refused = _manifest_items(Path(options["manifest"]))
        else:
            dct = _parse_date(options["dct"]) if options["dct"] else None
            files, summary.failed = collect_files(options["paths"])
            items = [
                ArticleSource(str(path), partial(article_input_from_file, path, published=dct)) for path in files
            ]  # fmt: skip
        if options["queue"]:
            return queue_command(self, items, summary, options)
        started = time.perf_counter()
        bar = tqdm(total=len(items), unit="article", file=self.stderr._out, disable=options["no_progress"] or not items)
        outcomes = import_items(
            items, prefer=options["prefer"], workers=options["workers"], batch_size=options["batch_size"]
        )
        try:
            for outcome in outcomes:
                self._record(outcome, summary)
                if story is not None and outcome.article_id is not None:
                    # Grouped once at the end: regrouping per article would be quadratic.
                    story_add_articles(
                        story=story, articles=Article.objects.filter(pk=outcome.article_id), regroup=False
                    )
                bar.update(1)
                bar.set_postfix_str(Path(outcome.name).name[-40:], refresh=False)
        except KeyboardInterrupt:
            bar.close()
            self._report(summary, time.perf_counter() - started, int(options["verbosity"]))
            raise CommandError(
                f"Interrupted after {len(summary.imported)} new article(s); they are saved. "
                "Run the same command again to import the rest (stored articles are skipped).",
                returncode=130,
            ) from None
        bar.close()
        self._report(summary, time.perf_counter() - started, int(options["verbosity"]))
        if story is not None:
            story_events_rebuild(story=story)
            self.stdout.write(f'Story "{story.name}" now has {story.articles.count()} article(s).')
        if summary.failed or summary.refused:
            refused = f", {len(summary.refused)} manifest row(s) refused" if summary.refused else ""
            raise CommandError(f"{len(summary.failed)} file(s) failed{refused}; see the list above.", returncode=1)

    def _record(self, outcome: BulkOutcome, summary: ImportSummary) -> None:
        summary.read_seconds += outcome.read_seconds
        summary.write_seconds += outcome.write_seconds
        if outcome.status == DUPLICATE:
            summary.duplicates.append(f"{outcome.name} ({outcome.detail})")
        elif outcome.status == FAILED:
            summary.failed.append((outcome.name, outcome.detail))
        else:
            summary.imported.append(f"{outcome.name} ({outcome.detail})")
            summary.words += outcome.words
        for warning in outcome.warnings:
            self._note(f"warning: {warning}")
        if outcome.crash:
            self._note(f"{outcome.name}:\n{outcome.crash}")

    def _note(self, message: str) -> None:
        # tqdm.write keeps the progress bar intact below the message.
        tqdm.write(message.rstrip("\n"), file=self.stderr._out)

    def _report(self, summary: ImportSummary, elapsed: float, verbosity: int) -> None:
        # A manifest's articles are listed one by one (its author checks each); a folder of
        # thousands only at -v 2.
        if verbosity >= 2 or (summary.from_manifest and verbosity >= 1):
            for name in summary.imported:
                self.stdout.write(f"imported  {name}")
        for name in summary.duplicates:
            self.stdout.write(f"duplicate {name}")
        for name, reason in summary.refused:
            self.stdout.write(self.style.ERROR(f"refused   {name}: {reason}"))
        for name, reason in summary.failed:
            self.stdout.write(self.style.ERROR(f"failed    {name}: {reason}"))
        seconds = max(elapsed, 1e-9)
        refused = f"refused {len(summary.refused)}, " if summary.refused else ""
        self.stdout.write(
            f"Imported {len(summary.imported)}, skipped {len(summary.duplicates)} duplicate(s), {refused}"
            f"failed {len(summary.failed)} in {elapsed:.1f}s "
            f"({len(summary.imported) / seconds:.2f} articles/s, {summary.words / seconds:,.0f} words/s)."
        )
        if summary.imported:
            # Everything else is the engine (and the model's first load): what --workers speeds up.
            self.stdout.write(
                f"Time spent reading files {summary.read_seconds / seconds:.0%}, "
                f"writing to the database {summary.write_seconds / seconds:.0%}."
            )
