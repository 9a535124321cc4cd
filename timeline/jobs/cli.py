"""The command line's way onto the queue: ``import_articles --queue`` and ``reanalyse --queue``.

Items are read (and refused with their reasons) here, stored as a batch, then followed
with a progress bar until every item is settled, or left to the workers (``--no-wait``).
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from typing import Any, TextIO

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from timeline.exceptions import ImportRejected
from timeline.jobs.bulk import ArticleSource
from timeline.jobs.models import ImportBatch
from timeline.jobs.progress import BatchProgress
from timeline.jobs.selectors import batch_progress
from timeline.jobs.services import ItemInput, batch_create, batch_create_reanalysis
from timeline.models import Article

POLL_SECONDS = 0.5


def check_no_wait(no_wait: bool) -> None:
    """``--no-wait`` leaves the work to workers; without a broker there are none to leave it to."""
    if no_wait and settings.TIMELINE_TASK_RUNNER != "celery":
        raise CommandError(
            "--no-wait needs Celery workers: set CELERY_BROKER_URL (e.g. redis://127.0.0.1:6379/0) "
            "and start `celery -A webapp worker`. Without a broker the items run in this process."
        )


def queue_files(items: Iterable[ArticleSource], *, story_name: str = "", prefer: str = "auto") -> ImportBatch:
    """Read every file (a refused one keeps its reason) and store them as one batch."""
    inputs = []
    for item in items:
        try:
            article = item.load()
        except ImportRejected as exc:
            inputs.append(ItemInput(name=item.name, refused=str(exc)))
            continue
        inputs.append(ItemInput(
            name=item.name, text=article.text, title=article.title, published=article.published,
            source=article.source, url=article.url, place=article.place, prefer=prefer,
        ))  # fmt: skip
    return batch_create(items=inputs, story_name=story_name)


def follow(batch: ImportBatch, *, out: TextIO, show_bar: bool = True) -> BatchProgress:
    """Poll the batch until every item is settled, with a progress bar; returns its final progress."""
    progress = batch_progress(batch=batch)
    bar = tqdm(total=progress.total, unit="article", file=out, disable=not show_bar or not progress.total)
    try:
        while True:
            bar.update(progress.settled - bar.n)
            if progress.finished:
                # Polled for the counts and the items still moving; the report wants every item.
                return progress if len(progress.items) == progress.total else batch_progress(batch=batch)
            time.sleep(POLL_SECONDS)
            progress = batch_progress(batch=batch, since=progress.cursor)
    finally:
        bar.close()


def queue_command(command: BaseCommand, items: list[ArticleSource], summary: Any, options: dict[str, Any]) -> None:
    """``import_articles --queue``: the files and manifest rows as one batch, followed to the end.

    ``summary`` carries what the command already refused (missing files, bad manifest rows).
    """
    check_no_wait(options["no_wait"])
    started = time.perf_counter()
    batch = queue_files(items, story_name=options["story"] or "", prefer=options["prefer"])
    early = [*summary.failed, *summary.refused]
    for name, reason in early:
        command.stdout.write(command.style.ERROR(f"refused   {name}: {reason}"))
    if options["no_wait"]:
        command.stdout.write(
            f"Batch {batch.pk} queued with {len(items)} article(s). "
            f"Follow it with: python manage.py batch_status {batch.pk}"
        )
        return
    progress = follow(batch, out=command.stderr._out, show_bar=not options["no_progress"])
    report(command, batch, progress, time.perf_counter() - started)
    refused = progress.counts.get("refused", 0) + len(early)
    if refused:
        raise CommandError(f"{refused} article(s) refused; see the list above.", returncode=1)


def report(command: BaseCommand, batch: ImportBatch, progress: BatchProgress, elapsed: float) -> None:
    """Each duplicate and refusal with its reason, then one summary line."""
    for item in progress.items:
        if item.state in ("duplicate", "refused"):
            style = command.style.ERROR if item.state == "refused" else str
            command.stdout.write(style(f"{item.state:<9} {item.name}: {item.reason}"))
        if item.warning:
            command.stdout.write(command.style.WARNING(f"warning   {item.name}: {item.warning}"))
    counts = ", ".join(f"{state} {n}" for state, n in sorted(progress.counts.items())) or "nothing"
    done = progress.counts.get("imported", 0) + progress.counts.get("reanalysed", 0)
    command.stdout.write(f"Batch {batch.pk}: {counts} in {elapsed:.1f}s ({done / max(elapsed, 1e-9):.2f} articles/s).")


def queue_reanalysis(command: BaseCommand, articles: list[Article], options: dict[str, Any]) -> None:
    """``reanalyse --queue``: one re-analysis item per article, through the same tasks as imports."""
    check_no_wait(options["no_wait"])
    started = time.perf_counter()
    batch = batch_create_reanalysis(articles=articles, prefer=options["prefer"])
    if options["no_wait"]:
        command.stdout.write(
            f"Batch {batch.pk} queued with {len(articles)} article(s). "
            f"Follow it with: python manage.py batch_status {batch.pk}"
        )
        return
    progress = follow(batch, out=command.stderr._out, show_bar=not options["no_progress"])
    report(command, batch, progress, time.perf_counter() - started)
    if progress.counts.get("refused"):
        raise CommandError(f"{progress.counts['refused']} article(s) failed; see the list above.", returncode=1)
