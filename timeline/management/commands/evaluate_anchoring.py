"""`manage.py evaluate_anchoring ../shared/corpora/timebank/tml`: event dates against TimeBank's TLINKs.

Prints the share of covered events (engine events whose verb is a gold EVENT linked to a time)
whose date holds the time the gold says dates them, and how many are dated at a time the gold
says only bounds them (BEFORE, AFTER, BEGUN_BY, ENDED_BY).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from timeline.evaluation.anchoring import AnchoringScore, SystemEvent, score_anchoring
from timeline.temporal import extract
from timeline.timeml.links import parse_linked_timeml
from timeline.timeml.reader import TimeMLError


class Command(BaseCommand):
    help = "Score event anchoring (the date each event takes and its relation) on TimeML with TLINKs."
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="a .tml file or a folder of them")
        parser.add_argument("--json", action="store_true", help="print the counts as JSON")
        parser.add_argument("--misses", action="store_true", help="list events whose date misses the gold time")
        parser.add_argument("--bounded", action="store_true", help="list events dated at a time that only bounds them")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["path"])
        files = [path] if path.is_file() else sorted(path.glob("*.tml"))
        if not files:
            raise CommandError(f"No TimeML files (*.tml) in {path}")
        total = AnchoringScore()
        for file in files:
            try:
                gold = parse_linked_timeml(file.read_text(encoding="utf-8"), file.stem)
            except TimeMLError as error:
                raise CommandError(str(error)) from None
            document = gold.document
            if document.dct is None:
                continue
            extraction = extract(document.text, document.dct)
            events = [
                SystemEvent(c.trigger_start, c.trigger_end, *extraction.event_dates(c)[:2], c.relation, c.title)
                for c in extraction.events
                if c.trigger_start >= 0
            ]
            total.add(score_anchoring(gold, events))
        if options["json"]:
            figures = {k: v for k, v in vars(total).items() if k not in ("misses", "bounded")}
            self.stdout.write(json.dumps(figures | {"holds_share": round(total.holds_share, 4)}))
            return
        self.stdout.write(f"{len(files)} documents, {total.covered} covered events")
        self.stdout.write(f"date holds the gold time: {total.holds}/{total.holding_linked} = {total.holds_share:.3f}")
        self.stdout.write(
            f"dated at a time that only bounds them: {total.dated_at_boundary}/{total.boundary_linked}"
            f" = {total.boundary_share:.3f}"
        )
        for line in total.misses if options["misses"] else ():
            self.stdout.write(f"  miss: {line}")
        for line in total.bounded if options["bounded"] else ():
            self.stdout.write(f"  bounded: {line}")
