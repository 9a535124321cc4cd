"""`manage.py evaluate fixtures/gold/`: our engine against gold files and two baselines.

Given TimeML (`*.tml`, e.g. ../shared/corpora/timebank/tml) it prints TempEval-3 Task A scores
and value accuracy by family instead; `--misses FAMILY` lists that family's misses.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from timeline.evaluation.baselines import search_dates_baseline, spacy_ner_baseline
from timeline.evaluation.engine import engine_spans
from timeline.evaluation.families import FAMILY_NAMES
from timeline.evaluation.gold import load_gold_dir
from timeline.evaluation.scoring import Score, score_document
from timeline.evaluation.tempeval import CorpusReport, evaluate_corpus
from timeline.temporal.nlp import load_pipeline
from timeline.timeml.reader import TimeMLError, read_timeml_dir

SYSTEMS = ("engine", "spacy+dateparser", "search_dates")
COLUMNS = ("strict_F1", "relaxed_P", "relaxed_R", "relaxed_F1", "value_acc", "value_F1", "range_acc", "range_F1")


class Command(BaseCommand):
    help = "Score the temporal engine on gold files (TempEval-3 style) against two baselines."
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", nargs="?", default="fixtures/gold/")
        parser.add_argument("--json", action="store_true", help="print the scores as JSON")
        parser.add_argument("--baseline-misses", action="store_true", help="also list the baselines' misses")
        parser.add_argument(
            "--misses",
            choices=FAMILY_NAMES + ("all",),
            action="append",
            default=[],
            help="TimeML only: list the engine's misses of this family (repeatable)",
        )
        parser.add_argument(
            "--spurious", action="store_true", help="TimeML only: list the engine's expressions that match no gold one"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["path"])
        if not path.exists():
            raise CommandError(f"No such gold file or folder: {path}")
        if path.suffix == ".tml" or (path.is_dir() and any(path.glob("*.tml"))):
            self._timeml(path, options)
            return
        documents = load_gold_dir(path)
        if not documents:
            raise CommandError(f"No gold files (*.json) in {path}")
        parser = load_pipeline().parser
        if parser is None:
            raise CommandError("The spaCy model is not installed; the baseline and the engine need it.")
        totals = {name: Score() for name in SYSTEMS}
        report: dict[str, Any] = {"files": {}, "overall": {}}
        for doc in documents:
            runs = {
                "engine": engine_spans(doc.text, doc.dct),
                "spacy+dateparser": spacy_ner_baseline(doc.text, doc.dct, parser),
                "search_dates": search_dates_baseline(doc.text, doc.dct),
            }
            report["files"][doc.id] = {}
            for name, spans in runs.items():
                score = score_document(doc.expressions, spans, doc.traps)
                totals[name].add(score)
                report["files"][doc.id][name] = {
                    **score.metrics(),
                    "gold": score.gold,
                    "system": score.system,
                    "trap_hits": score.trap_hits,
                    "misses": score.misses,
                }
        for name, score in totals.items():
            report["overall"][name] = {
                **score.metrics(),
                "gold": score.gold,
                "system": score.system,
                "trap_hits": score.trap_hits,
            }
        if options["json"]:
            self.stdout.write(json.dumps(report, indent=2))
            return
        self._print(report, options["baseline_misses"])

    def _print(self, report: dict[str, Any], baseline_misses: bool) -> None:
        header = (
            f"{'file':<28}{'system':<18}" + "".join(f"{c:>11}" for c in COLUMNS) + f"{'gold':>6}{'sys':>6}{'traps':>6}"
        )
        self.stdout.write(header)
        self.stdout.write("-" * len(header))
        rows = list(report["files"].items()) + [("OVERALL", report["overall"])]
        for file_id, systems in rows:
            for name in SYSTEMS:
                m = systems[name]
                self.stdout.write(
                    f"{file_id[:27]:<28}{name:<18}"
                    + "".join(f"{m[c] * 100:>11.1f}" for c in COLUMNS)
                    + f"{m['gold']:>6}{m['system']:>6}{m['trap_hits']:>6}"
                )
        self.stdout.write("")
        for file_id, systems in report["files"].items():
            for name in SYSTEMS if baseline_misses else ("engine",):
                misses = systems[name]["misses"]
                if misses:
                    self.stdout.write(f"== {file_id} / {name}: {len(misses)} misses")
                    for miss in misses:
                        self.stdout.write(f"   {miss}")
        overall = report["overall"]
        beaten = all(overall["engine"][c] > max(overall[b][c] for b in SYSTEMS[1:]) for c in COLUMNS)
        self.stdout.write(f"\nengine beats both baselines on every metric: {'yes' if beaten else 'NO'}")

    def _timeml(self, path: Path, options: dict[str, Any]) -> None:
        try:
            documents = read_timeml_dir(path)
            report = evaluate_corpus(documents, engine_spans)
        except TimeMLError as error:
            raise CommandError(str(error)) from None
        if options["json"]:
            self.stdout.write(json.dumps(timeml_summary(report), indent=2))
        else:
            self.stdout.write(format_timeml(report))
        for name in FAMILY_NAMES if "all" in options["misses"] else options["misses"]:
            family = report.families[name]
            self.stdout.write(f"\n== misses: {name} ({len(family.misses)} of {family.gold})")
            for miss in family.misses:
                self.stdout.write(f"   {miss}")
        if options["spurious"]:
            self.stdout.write(f"\n== spurious: {len(report.spurious)} of {report.total.system} system expressions")
            for line in report.spurious:
                self.stdout.write(f"   {line}")


def timeml_summary(report: CorpusReport) -> dict[str, Any]:
    """The figures of a TimeML run as plain data (percentages, one decimal)."""
    m = report.metrics()
    return {
        "documents": report.documents,
        "gold": report.total.gold,
        "system": report.total.system,
        **{
            k: round(m[k] * 100, 1)
            for k in (
                "strict_P",
                "strict_R",
                "strict_F1",
                "relaxed_P",
                "relaxed_R",
                "relaxed_F1",
                "value_F1",
                "type_F1",
            )
        },
        "families": {
            name: {"gold": f.gold, "right": f.right, "accuracy": round(f.accuracy * 100, 1)}
            for name, f in report.families.items()
        },
    }


def format_timeml(report: CorpusReport) -> str:
    s = timeml_summary(report)
    lines = [
        f"TempEval-3 Task A on {s['documents']} documents: {s['gold']} gold, {s['system']} system expressions",
        f"{'':<10}{'P':>7}{'R':>7}{'F1':>7}",
    ]
    for kind in ("strict", "relaxed"):
        lines.append(f"{kind:<10}" + "".join(f"{s[f'{kind}_{k}']:>7.1f}" for k in ("P", "R", "F1")))
    lines.append(f"value F1 {s['value_F1']:.1f}   type F1 {s['type_F1']:.1f}")
    lines.append("")
    lines.append(f"{'family':<16}{'right':>7}{'gold':>7}{'value acc':>11}")
    for name, f in s["families"].items():
        lines.append(f"{name:<16}{f['right']:>7}{f['gold']:>7}{f['accuracy']:>10.1f}%")
    return "\n".join(lines)
