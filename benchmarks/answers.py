"""Every answer the engine gives on the gold sets (and TimeBank), saved and compared across versions.

    python benchmarks/answers.py --save /tmp/before.json      # on the old code
    python benchmarks/answers.py --compare /tmp/before.json   # on the new code: lists every difference

A speed change must not change one answer: this records each document's full
Extraction (sentences, expressions with values and ranges, events with titles,
warnings) from extract() with the model, extract_many() batched, and extract() on
spacy.blank("en"), and prints the documents whose answers differ. No Django.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from dataclasses import asdict
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.dct import tml_document  # noqa: E402
from timeline.evaluation.gold import load_gold_dir  # noqa: E402
from timeline.temporal import extract  # noqa: E402
from timeline.temporal.batch import BatchItem, extract_many  # noqa: E402
from timeline.temporal.nlp import load_pipeline  # noqa: E402

GOLD_SETS = ("gold", "gold_heldout", "gold_blind")
TIMEBANK = ROOT.parent / "shared" / "corpora" / "timebank" / "tml"


def corpus(with_timebank: bool) -> Iterator[tuple[str, str, date | None]]:
    for name in GOLD_SETS:
        for doc in load_gold_dir(ROOT / "fixtures" / name):
            yield f"{name}/{doc.path.name}", doc.text, doc.dct
    seed = ROOT / "fixtures" / "seed_biden_iran_2024-04-13.txt"
    yield "seed, date inferred", seed.read_text(encoding="utf-8"), None
    if with_timebank and TIMEBANK.is_dir():
        for path in sorted(TIMEBANK.glob("*.tml")):
            text, dct = tml_document(path)
            yield f"timebank/{path.name}", text, dct


def answers(with_timebank: bool) -> dict[str, str]:
    """``{"path | document": JSON of its Extraction}`` for the three engine paths."""
    documents = list(corpus(with_timebank))
    out: dict[str, str] = {}
    blank = load_pipeline(use_model=False)
    for key, text, dct in documents:
        out[f"extract | {key}"] = json.dumps(asdict(extract(text, dct)), default=str, sort_keys=True)
        out[f"blank | {key}"] = json.dumps(asdict(extract(text, dct, pipeline=blank)), default=str, sort_keys=True)
    batched = extract_many(BatchItem(key, text, dct) for key, text, dct in documents)
    for result in batched:
        out[f"extract_many | {result.key}"] = json.dumps(asdict(result.extraction), default=str, sort_keys=True)
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--save", type=Path)
    action.add_argument("--compare", type=Path)
    parser.add_argument("--no-timebank", action="store_true", help="gold sets and seed only")
    args = parser.parse_args(argv)
    found = answers(not args.no_timebank)
    if args.save:
        args.save.write_text(json.dumps(found, indent=0, sort_keys=True), encoding="utf-8")
        print(f"saved {len(found)} answers to {args.save}")
        return
    before = json.loads(args.compare.read_text(encoding="utf-8"))
    differ = sorted(k for k in before.keys() | found.keys() if before.get(k) != found.get(k))
    for key in differ:
        print(f"DIFFERENT: {key}")
    print(f"{len(found)} answers, {len(differ)} different from {args.compare}")
    if differ:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
