"""Engine throughput against spaCy's own full pipeline and dateparser, on the same texts, in one run.

    python benchmarks/engine.py [--repeat 3] [--copies 4] [FILES...]   (.txt articles or .tml TimeML files)

Prints words per second for: spaCy's full pipeline (nlp.pipe over whole articles: the
floor), our engine one article at a time (extract), our engine batched (extract_many,
the bulk import's path), and dateparser's search_dates (what a user might pick
instead); then each ratio against the spaCy floor. Also scores both engine paths on
the gold files: the batch path must give exactly the single path's answers. No Django.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import spacy  # noqa: E402
from dateparser.search import search_dates  # noqa: E402

from timeline.evaluation.gold import GoldDocument, Span, load_gold_dir  # noqa: E402
from timeline.evaluation.scoring import Score, score_document  # noqa: E402
from timeline.temporal import extract  # noqa: E402
from timeline.temporal.batch import BatchItem, extract_many  # noqa: E402
from timeline.temporal.nlp import MODEL_NAME, load_pipeline  # noqa: E402
from timeline.temporal.types import Extraction  # noqa: E402
from timeline.timeml.reader import read_timeml  # noqa: E402

SPACY, SINGLE, BATCH, SEARCH_DATES = (
    "spaCy full pipeline (floor)", "engine, extract() per article", "engine, extract_many() batched",
    "dateparser search_dates",
)  # fmt: skip
Text = tuple[str, date | None]


@dataclass(frozen=True)
class Throughput:
    system: str
    words: int
    seconds: float  # wall clock of the fastest round
    cpu_seconds: float  # this process's CPU time in its least costly round (other load barely moves it)

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds

    @property
    def words_per_cpu_second(self) -> float:
        return self.words / self.cpu_seconds


@dataclass(frozen=True)
class GoldFigures:
    documents: int
    single: dict[str, float]
    batch: dict[str, float]
    identical: bool  # every expression of every file the same on both paths


def measure_engine(texts: Sequence[Text], repeat: int, *, with_search_dates: bool = True) -> list[Throughput]:
    """Best of ``repeat`` interleaved rounds per system: the round least disturbed by other load."""
    pipeline = load_pipeline()
    if pipeline.parser is None:
        raise SystemExit("The spaCy model is not installed: pip install -r requirements.txt")
    # The floor is spaCy's own pipeline as shipped: a separate load, without the engine's
    # faster attribute table (timeline/temporal/attribute_table.py).
    nlp = spacy.load(MODEL_NAME)
    words = sum(len(text.split()) for text, _ in texts)
    extract(texts[0][0], texts[0][1])  # load the model and warm the caches before timing
    list(nlp.pipe(text for text, _ in texts[:2]))
    systems: dict[str, Callable[[], object]] = {
        SPACY: lambda: list(nlp.pipe((text for text, _ in texts), batch_size=64)),
        SINGLE: lambda: [extract(text, dct) for text, dct in texts],
        BATCH: lambda: list(extract_many(BatchItem(i, text, dct) for i, (text, dct) in enumerate(texts))),
    }
    if with_search_dates:
        systems[SEARCH_DATES] = lambda: [search_dates(text, languages=["en"]) for text, _ in texts]
    best = {name: float("inf") for name in systems}
    best_cpu = dict(best)
    for _ in range(repeat):
        for name, run in systems.items():
            started, started_cpu = time.perf_counter(), time.process_time()
            run()
            best[name] = min(best[name], time.perf_counter() - started)
            best_cpu[name] = min(best_cpu[name], time.process_time() - started_cpu)
    return [Throughput(name, words, best[name], best_cpu[name]) for name in systems]


def _spans(extraction: Extraction) -> list[Span]:
    return [
        Span(e.start, e.end, e.text, e.value, e.earliest.isoformat(), e.latest.isoformat(), e.type)
        for e in extraction.expressions
    ]


def gold_figures(
    folders: Sequence[Path] = (ROOT / "fixtures" / "gold", ROOT / "fixtures" / "gold_heldout"),
) -> GoldFigures:
    """Scores of extract() and extract_many() on every gold file (tuned and held-out sets)."""
    documents: list[GoldDocument] = [doc for folder in folders if folder.exists() for doc in load_gold_dir(folder)]
    single_spans = [_spans(extract(doc.text, doc.dct)) for doc in documents]
    batch = extract_many(BatchItem(i, doc.text, doc.dct) for i, doc in enumerate(documents))
    batch_spans = [_spans(result.extraction) if result.extraction else [] for result in batch]
    totals = {"single": Score(), "batch": Score()}
    for doc, single, batched in zip(documents, single_spans, batch_spans, strict=True):
        totals["single"].add(score_document(doc.expressions, single, doc.traps))
        totals["batch"].add(score_document(doc.expressions, batched, doc.traps))
    return GoldFigures(
        len(documents), totals["single"].metrics(), totals["batch"].metrics(), single_spans == batch_spans
    )


def gold_texts() -> list[Text]:
    return [(doc.text, doc.dct) for doc in load_gold_dir(ROOT / "fixtures" / "gold")]


def print_throughput(rows: Sequence[Throughput]) -> None:
    floor = next(row for row in rows if row.system == SPACY)
    print(f"| {'system':<34} | {'words/s':>9} | {'vs spaCy':>8} | {'words/CPU-s':>11} | {'vs spaCy':>8} |")
    print(f"|{'-' * 36}|{'-' * 10}:|{'-' * 9}:|{'-' * 12}:|{'-' * 9}:|")
    for row in rows:
        print(
            f"| {row.system:<34} | {row.words_per_second:>9,.0f} | {floor.seconds / row.seconds:>7.2f}x "
            f"| {row.words_per_cpu_second:>11,.0f} | {floor.cpu_seconds / row.cpu_seconds:>7.2f}x |"
        )


def _text(path: Path) -> Text:
    """A plain-text article (its DCT left to inference) or a TimeML file (with its own DCT)."""
    if path.suffix == ".tml":
        doc = read_timeml(path)
        return doc.text, doc.dct
    return path.read_text(encoding="utf-8"), None


def _load() -> str:
    """The 1-minute load average: on a shared machine it says how much to trust the wall clock."""
    return f"{os.getloadavg()[0]:.1f}"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "files",
        nargs="*",
        type=Path,
        help="plain-text articles (DCT inferred) or .tml files (their DCT); default: the gold texts",
    )
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--copies", type=int, default=4, help="repeat the texts to get stable timings")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON (for benchmarks/run.py)")
    args = parser.parse_args(argv)
    texts = [_text(p) for p in args.files] or gold_texts()
    texts = texts * args.copies
    load_before = _load()
    rows = measure_engine(texts, args.repeat)
    gold = gold_figures()
    if args.json:
        print(json.dumps({"engine": [asdict(row) for row in rows], "gold": asdict(gold)}))
        return
    print(
        f"{len(texts)} articles, {rows[0].words:,} words, best of {args.repeat} interleaved runs; "
        f"nproc {len(os.sched_getaffinity(0))}, load average {load_before} before, {_load()} after"
    )
    print_throughput(rows)
    print(
        f"\nGold files ({gold.documents}): relaxed F1 {gold.single['relaxed_F1']:.3f} single, "
        f"{gold.batch['relaxed_F1']:.3f} batched; value accuracy {gold.single['value_acc']:.3f} / "
        f"{gold.batch['value_acc']:.3f}; identical answers: {'yes' if gold.identical else 'NO'}"
    )


if __name__ == "__main__":
    main()
