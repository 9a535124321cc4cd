"""``manage.py resume_imports [--older-than SECONDS]``: send again import items left pending.

A broker restart loses queued messages and a killed worker leaves its item "analysing"
under a lease nobody renews; the database still lists them, so this re-queues queued items
waiting longer than --older-than and analysed items whose lease lapsed (heartbeat older than
TIMELINE_LEASE_SECONDS, or its process gone from this host). A settled item is never run
twice. Workers and beat do the same.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from timeline.jobs.recovery import items_resume


class Command(BaseCommand):
    help = (
        "Re-queue import and re-analysis items queued for longer than --older-than seconds, "
        "and those whose worker's lease lapsed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--older-than", type=int, default=None, metavar="SECONDS",
            help=f"only queued items unchanged this long (default TIMELINE_RESUME_AFTER, {settings.TIMELINE_RESUME_AFTER}s; "
            "0 = every pending item)",
        )  # fmt: skip

    def handle(self, *args: Any, older_than: int | None, **options: Any) -> None:
        seconds = settings.TIMELINE_RESUME_AFTER if older_than is None else max(older_than, 0)
        sent = items_resume(older_than=timedelta(seconds=seconds))
        self.stdout.write(
            f"Re-queued {len(sent)} pending item(s)" + (f": {', '.join(map(str, sent))}." if sent else ".")
        )
