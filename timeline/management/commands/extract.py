"""`manage.py extract PATH --dct YYYY-MM-DD [--prefer ...] [--json | --timeml]` and `--jsonl` batch mode."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from timeline.temporal import InputError, extract
from timeline.temporal.extract import PREFERENCES, coerce_text
from timeline.timeml.writer import extraction_timeml


class Command(BaseCommand):
    help = "Find and resolve the temporal expressions of an article (no database needed)."
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", nargs="?", help="article file, or - for standard input")
        parser.add_argument("--dct", help="the article's date, YYYY-MM-DD (inferred when omitted)")
        parser.add_argument("--prefer", choices=PREFERENCES, default="auto")
        output = parser.add_mutually_exclusive_group()
        output.add_argument("--json", action="store_true", help="print one JSON object")
        output.add_argument(
            "--timeml",
            action="store_true",
            help="print the article as TimeML 1.2 (TEXT with TIMEX3 tags and the DCT), for other scorers",
        )
        parser.add_argument(
            "--jsonl",
            action="store_true",
            help='read JSON lines {"id","text","dct","prefer"} on stdin; write one line each',
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["jsonl"]:
            self._jsonl()
            return
        if not options["path"]:
            raise CommandError("Give a PATH (or - for standard input), or use --jsonl.")
        raw = self._read(options["path"])
        try:
            text = coerce_text(raw)
            result = extract(text, options["dct"], options["prefer"])
        except InputError as error:
            raise CommandError(str(error)) from None
        if options["timeml"]:
            doc_id = "stdin" if options["path"] == "-" else Path(options["path"]).stem
            self.stdout.write(extraction_timeml(text, result, doc_id), ending="")
            return
        if options["json"]:
            self.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
            return
        self._print_table(result.to_dict())

    def _read(self, path: str) -> bytes:
        if path == "-":
            return sys.stdin.buffer.read()
        file = Path(path)
        if not file.is_file():
            raise CommandError(f"No such file: {path}")
        return file.read_bytes()

    def _print_table(self, data: dict[str, Any]) -> None:
        inferred = " (inferred)" if data["dct_inferred"] else ""
        self.stdout.write(f"DCT: {data['dct'] or 'unknown'}{inferred}   engine mode: {data['mode']}")
        for warning in data["warnings"]:
            self.stderr.write(f"warning: {warning}")
        for e in data["expressions"]:
            self.stdout.write(
                f"{e['start']:>6}-{e['end']:<6} {e['text'][:40]:<40} {e['type']:<9} {e['value']:<16} "
                f"{e['earliest']}..{e['latest']}  {e['granularity']}"
            )

    def _jsonl(self) -> None:
        for line_number, line in enumerate(sys.stdin.buffer, start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                result = extract(item.get("text", ""), item.get("dct"), item.get("prefer") or "auto")
                output = {
                    "id": item.get("id"),
                    "dct": result.dct.isoformat() if result.dct else None,
                    "dct_inferred": result.dct_inferred,
                    "expressions": result.to_dict()["expressions"],
                }
            except (ValueError, TypeError, AttributeError) as error:  # InputError, bad JSON, wrong shapes
                item_id = item.get("id") if isinstance(locals().get("item"), dict) else None
                output = {"id": item_id, "line": line_number, "error": str(error), "expressions": []}
            self.stdout.write(json.dumps(output, ensure_ascii=False))
