"""Every answer the engine gives on the gold sets (and TimeBank), saved and compared across versions.

    python benchmarks/answers.py --save /tmp/before.json      # on the old code
    python benchmarks/answers.py --compare /tmp/before.json   # on the new code: lists every difference
    python benchmarks/answers.py --against-full-pipeline      # the parse plan against the model on every
                                                              # sentence with a time word, in one run

A speed change must not change one answer: this records each document's full
Extraction (sentences, expressions with values and ranges, events with titles,
warnings) from extract() with the model, extract_many() batched, and extract() on
spacy.blank("en"), and prints the documents whose answers differ. No Django.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from timeline.evaluation.gold import load_gold_dir  # noqa: E402
from timeline.temporal import extract  # noqa: E402
from timeline.temporal.batch import BatchItem, extract_many  # noqa: E402
from timeline.temporal.detect import Candidate, has_time_trigger  # noqa: E402
from timeline.temporal.nlp import load_pipeline  # noqa: E402
from timeline.temporal.parse import MAX_PARSED_SENTENCE_CHARS, ParsePlan  # noqa: E402
from timeline.temporal.segment import sentence_index_at  # noqa: E402
from timeline.temporal.types import Sentence  # noqa: E402
from timeline.timeml.reader import read_timeml_dir  # noqa: E402

# The module, not the function of the same name that timeline.temporal exports.
engine = importlib.import_module("timeline.temporal.extract")
GOLD_SETS = ("gold", "gold_heldout", "gold_blind")
TIMEBANK = ROOT.parent / "shared" / "corpora" / "timebank" / "tml"


def corpus(with_timebank: bool) -> Iterator[tuple[str, str, date | None]]:
    for name in GOLD_SETS:
        for doc in load_gold_dir(ROOT / "fixtures" / name):
            yield f"{name}/{doc.path.name}", doc.text, doc.dct
    seed = ROOT / "fixtures" / "seed_biden_iran_2024-04-13.txt"
    yield "seed, date inferred", seed.read_text(encoding="utf-8"), None
    if with_timebank and TIMEBANK.is_dir():
        for doc in read_timeml_dir(TIMEBANK):
            yield f"timebank/{doc.id}", doc.text, doc.dct


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
    action.add_argument(
        "--against-full-pipeline",
        action="store_true",
        help="answers with the parse plan vs. the whole model on every sentence with a time word",
    )
    parser.add_argument("--no-timebank", action="store_true", help="gold sets and seed only")
    args = parser.parse_args(argv)
    found = answers(not args.no_timebank)
    if args.against_full_pipeline:
        with full_pipeline():
            before = answers(not args.no_timebank)
        report(found, before, "the full pipeline")
        return
    if args.save:
        args.save.write_text(json.dumps(found, indent=0, sort_keys=True), encoding="utf-8")
        print(f"saved {len(found)} answers to {args.save}")
        return
    report(found, json.loads(args.compare.read_text(encoding="utf-8")), str(args.compare))


def report(found: dict[str, str], before: dict[str, str], name: str) -> None:
    differ = sorted(k for k in before.keys() | found.keys() if before.get(k) != found.get(k))
    for key in differ:
        print(f"DIFFERENT: {key}")
    print(f"{len(found)} answers, {len(differ)} different from {name}")
    if differ:
        raise SystemExit(1)


@contextmanager
def full_pipeline() -> Iterator[None]:
    """The engine as it was before the parse plan: every sentence holding a time word or a
    rule match read by the whole model, entities included."""

    def plan_everything(text: str, sentences: Sequence[Sentence], candidates: Sequence[Candidate]) -> ParsePlan:
        ruled = {sentence_index_at(sentences, c.start) for c in candidates}
        wanted = ruled | {s.index for s in sentences if has_time_trigger(s.text)}
        wanted = {i for i in wanted if sentences[i].end - sentences[i].start <= MAX_PARSED_SENTENCE_CHARS}
        return ParsePlan(sorted(wanted), frozenset(wanted))

    planned = engine.plan_parse
    engine.plan_parse = plan_everything
    try:
        yield
    finally:
        engine.plan_parse = planned


if __name__ == "__main__":
    main()
