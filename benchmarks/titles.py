"""Event titles on every gold text: how many name the act of reporting, glue words or run long.

    python benchmarks/titles.py [--list]

Runs the engine three times in one process: as it is, with reported clauses switched off
(the title taken from the reporting verb itself, as before issue 10), and with the dateline
rule switched off (the parser's subject kept even when it is the dateline's city), and
prints the counts side by side. ``--list`` prints every title with its file. No Django.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from timeline.evaluation.gold import load_gold  # noqa: E402
from timeline.temporal import extract  # noqa: E402
from timeline.temporal import titles as title_rules  # noqa: E402
from timeline.temporal.title_lexicon import REPORTING_VERBS  # noqa: E402

FOLDERS = ("gold", "gold_blind", "gold_heldout")
REPORTING_FORMS = REPORTING_VERBS | {v + "s" for v in REPORTING_VERBS} | {v + "es" for v in REPORTING_VERBS}
GLUED = re.compile(r"\b[A-Z]?[a-z]+[A-Z][a-z]+\b")  # "BushnellJoseph", "Lundtof" is caught below


def titles() -> list[tuple[str, str, str]]:
    rows = []
    for folder in FOLDERS:
        for path in sorted((ROOT / "fixtures" / folder).glob("*.json")):
            document = load_gold(path)
            result = extract(document.text, document.dct)
            # a title may name a pronoun's antecedent from the sentence before
            rows += [
                (
                    path.stem,
                    e.title,
                    " ".join(s.text for s in result.sentences[max(e.sentence - 1, 0) : e.sentence + 1]),
                )
                for e in result.events
            ]
    return rows


def counts(rows: list[tuple[str, str, str]]) -> dict[str, int]:
    glued = sum(
        1 for _, title, sentence in rows
        if any(w[0].isupper() and w not in sentence for w in title.split()[1:]) or GLUED.search(title)
    )  # fmt: skip
    return {
        "events": len(rows),
        "ends on a reporting verb": sum(1 for _, t, _ in rows if t.split()[-1].lower() in REPORTING_FORMS),
        "capitalised word not in its sentence (glued)": glued,
        "longer than 72 characters": sum(1 for _, t, _ in rows if len(t) > 72),
        "opens with a word in capitals (a dateline city)": sum(
            1 for _, t, _ in rows if len(t.split()[0]) >= 4 and t.split()[0].isupper()
        ),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="store_true", help="print every title")
    args = parser.parse_args()
    now = titles()
    without_reports = _with(title_rules, "reported_clause", lambda verb, skip=frozenset(): verb)
    without_datelines = _with(title_rules, "_outside_dateline", lambda subject, verb: subject)
    if args.list:
        for name, title, _ in now:
            print(f"{name[:24]:24} | {title}")
    columns = {"as built": counts(now), "no reported clause": counts(without_reports),
               "no dateline rule": counts(without_datelines)}  # fmt: skip
    print(f"{'':48}" + "".join(f"{name:>20}" for name in columns))
    for key in columns["as built"]:
        print(f"{key:48}" + "".join(f"{column[key]:>20}" for column in columns.values()))


def _with(module: object, name: str, replacement: object) -> list[tuple[str, str, str]]:
    """The titles with ``module.name`` swapped for ``replacement`` (restored afterwards)."""
    original = getattr(module, name)
    setattr(module, name, replacement)
    try:
        return titles()
    finally:
        setattr(module, name, original)


if __name__ == "__main__":
    main()
