"""Engine throughput against spaCy's own full pipeline on the same texts, in one run.

    python benchmarks/engine.py [--repeat 5] [FILES...]

Prints words per second for: spaCy's full pipeline (nlp.pipe over whole articles: the
floor), our engine one article at a time (extract), our engine batched (extract_many),
and dateparser's search_dates; then each ratio against the spaCy floor. No Django.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dateparser.search import search_dates  # noqa: E402

from timeline.temporal import extract  # noqa: E402
from timeline.temporal.batch import BatchItem, extract_many  # noqa: E402
from timeline.temporal.nlp import load_pipeline  # noqa: E402


def gold_texts() -> list[tuple[str, str]]:
    texts = []
    for path in sorted((ROOT / "fixtures" / "gold").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        text = (path.parent / data["text_file"]).read_text(encoding="utf-8") if "text_file" in data else data["text"]
        texts.append((text, data["dct"]))
    return texts


def best_of(repeat: int, run: Callable[[], object]) -> float:
    """Fastest of ``repeat`` runs: the least disturbed by a noisy machine."""
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        timings.append(time.perf_counter() - start)
    return min(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, help="plain-text articles (default: the gold texts)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--copies", type=int, default=4, help="repeat the corpus to get stable timings")
    args = parser.parse_args()
    texts = [(p.read_text(encoding="utf-8"), "2024-04-13") for p in args.files] or gold_texts()
    texts = texts * args.copies
    words = sum(len(text.split()) for text, _ in texts)
    pipeline = load_pipeline()
    if pipeline.parser is None:
        sys.exit("The spaCy model is not installed: pip install -r requirements.txt")
    nlp = pipeline.parser
    extract(texts[0][0], texts[0][1])  # warm up caches and the model
    list(nlp.pipe(t for t, _ in texts[:2]))

    results = {
        "spaCy full pipeline (floor)": best_of(args.repeat, lambda: list(nlp.pipe(t for t, _ in texts))),
        "engine, extract() per article": best_of(args.repeat, lambda: [extract(t, d) for t, d in texts]),
        "engine, extract_many() batched": best_of(
            args.repeat, lambda: list(extract_many(BatchItem(i, t, d) for i, (t, d) in enumerate(texts)))),
        "dateparser search_dates": best_of(max(1, args.repeat // 2), lambda: [
            search_dates(t, languages=["en"]) for t, _ in texts]),
    }
    floor = results["spaCy full pipeline (floor)"]
    print(f"{len(texts)} articles, {words:,} words, best of {args.repeat} runs")
    print(f"{'system':<34}{'words/s':>10}{'vs spaCy':>10}")
    for name, seconds in results.items():
        print(f"{name:<34}{words / seconds:>10,.0f}{floor / seconds:>9.2f}x")


if __name__ == "__main__":
    main()
