"""``manage.py batch_status ID``: a batch's progress and every item's state (and reason)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from timeline.jobs.models import ImportBatch
from timeline.jobs.selectors import batch_progress


class Command(BaseCommand):
    help = "Show a batch's progress and the state of each of its items."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("batch_id", type=int)

    def handle(self, *args: Any, batch_id: int, **options: Any) -> None:
        try:
            batch = ImportBatch.objects.get(pk=batch_id)
        except ImportBatch.DoesNotExist as exc:
            raise CommandError(f"There is no batch {batch_id}.") from exc
        progress = batch_progress(batch=batch)
        for item in progress.items:
            detail = f"article {item.article_id}" if item.state in ("imported", "reanalysed") else item.reason
            self.stdout.write(f"{item.label:<11} {item.name}" + (f": {detail}" if detail else ""))
            if item.warning:
                self.stdout.write(self.style.WARNING(f"            warning: {item.warning}"))
        counts = ", ".join(f"{n} {state}" for state, n in sorted(progress.counts.items())) or "no items"
        status = "finished" if progress.finished else "in progress"
        self.stdout.write(
            f"Batch {batch.pk} ({batch.get_kind_display()}): {progress.settled}/{progress.total} "
            f"settled ({progress.percent}%), {status}; {counts}."
        )
        if progress.counts.get("refused"):
            raise CommandError(f"{progress.counts['refused']} item(s) refused; see the list above.", returncode=1)
