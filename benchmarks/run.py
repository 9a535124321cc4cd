"""Every benchmark figure in one run, on one generated corpus, in a private temp folder.

    python benchmarks/run.py            # the issue's sizes: 1,000 articles, 10,000 events
    python benchmarks/run.py --quick    # a smoke run in about two minutes

1. engine words/s vs spaCy's full pipeline (the floor) and dateparser's search_dates;
   gold-file scores of the single and batched engine paths;
2. ``import_articles`` with 1 and 2 workers: articles/s, words/s, peak RSS;
3. the timeline page, the events API and the story page (all events in one story) at 10,000
   events: median time, SQL queries, bytes;
4. time to first render of that timeline and of the story page in headless Chromium.
Nothing touches db.sqlite3: every database lives in the temp folder.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from benchmarks.env import copy_database, setup_django  # noqa: E402
from benchmarks.make_corpus import write_corpus  # noqa: E402
from benchmarks.report import Report, machine_lines  # noqa: E402

FULL = {"articles": 1000, "events": 10_000, "engine_articles": 60, "engine_repeat": 2, "requests": 7, "loads": 3}
QUICK = {"articles": 60, "events": 1000, "engine_articles": 20, "engine_repeat": 1, "requests": 3, "loads": 1}


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes for a smoke run")
    parser.add_argument("--articles", type=int, help=f"articles to generate and import (default {FULL['articles']})")
    parser.add_argument("--events", type=int, help=f"events on the measured timeline (default {FULL['events']})")
    parser.add_argument("--engine-articles", type=int, help="corpus articles timed in the engine comparison")
    parser.add_argument("--engine-repeat", type=int, help="interleaved engine rounds (the best counts)")
    parser.add_argument("--requests", type=int, help="requests per page (the median counts)")
    parser.add_argument("--loads", type=int, help="browser page loads (the median counts)")
    parser.add_argument("--workers", default="1,2", help="worker counts for the import (default 1,2)")
    parser.add_argument("--seed", type=int, default=7, help="corpus seed")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (corpus and databases)")
    args = parser.parse_args(argv)
    for name, value in (QUICK if args.quick else FULL).items():
        if getattr(args, name) is None:
            setattr(args, name, value)
    args.worker_counts = [int(w) for w in args.workers.split(",")]
    return args


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    from benchmarks.browser import CHROMIUM

    if not CHROMIUM.exists():  # say so now, not after ten minutes of imports
        sys.exit(f"{CHROMIUM} is missing: apt-get install chromium (the benchmark never downloads a browser).")
    work = args.keep or Path(tempfile.mkdtemp(prefix="timeline-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    web_db = work / "web.sqlite3"
    setup_django(web_db)  # for the settings only: this process never opens a database
    try:
        report = Report(args)
        for line in machine_lines():
            print(line)
        corpus = work / "corpus"
        shutil.rmtree(corpus, ignore_errors=True)
        articles = write_corpus(args.articles, corpus, args.seed)
        print(f"corpus: {len(articles)} articles, {sum(a.words for a in articles):,} words (seed {args.seed})\n",
              flush=True)  # fmt: skip
        _engine(report, corpus, work, args)
        _imports(report, corpus, work, args)
        copy_database(work / f"import-{args.worker_counts[0]}.sqlite3", web_db)
        _web(report, web_db, args)
        report.print()
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


def _engine(report: Report, corpus: Path, work: Path, args: argparse.Namespace) -> None:
    from benchmarks.engine import GoldFigures, Throughput
    from timeline.ingest.files import read_article_file

    # The engine sees what the import feeds it: each file's text (HTML converted), DCT inferred.
    sample = work / "engine-sample"
    shutil.rmtree(sample, ignore_errors=True)
    sample.mkdir()
    for path in sorted(corpus.iterdir())[: args.engine_articles]:
        (sample / f"{path.stem}.txt").write_text(read_article_file(path).text, encoding="utf-8")
    print(f"1/4 engine on {args.engine_articles} articles ...", flush=True)
    figures = _json_from([str(HERE / "engine.py"), *map(str, sorted(sample.iterdir())), "--copies", "1",
                          "--repeat", str(args.engine_repeat), "--json"])  # fmt: skip
    report.engine = [Throughput(**row) for row in figures["engine"]]
    report.gold = GoldFigures(**figures["gold"])


def _imports(report: Report, corpus: Path, work: Path, args: argparse.Namespace) -> None:
    from benchmarks.imports import run_import

    for workers in args.worker_counts:
        print(f"2/4 import_articles --workers {workers} on {args.articles} articles ...", flush=True)
        report.imports.append(run_import(corpus, work / f"import-{workers}.sqlite3", workers))


def _web(report: Report, web_db: Path, args: argparse.Namespace) -> None:
    from benchmarks.browser import measure_first_render, serve
    from benchmarks.web import PageFigures

    print(f"3/4 timeline and API at {args.events:,} events ...", flush=True)
    web = HERE / "web_main.py"
    figures = _json_from([str(web), "--database", str(web_db), "--events", str(args.events),
                          "--requests", str(args.requests)])  # fmt: skip
    report.shape_note = figures["note"]
    report.pages = [PageFigures(**page) for page in figures["pages"]]
    report.api_all = tuple(figures["api_all"])
    report.queries_large = figures["queries"]
    print(f"4/4 first render in headless Chromium ({args.loads} loads) ...", flush=True)
    with serve(web_db) as base:
        report.render = measure_first_render(base, "/timeline/", args.loads)
        report.story_render = measure_first_render(base, "/stories/benchmark-story/", args.loads)
    # The same timeline with a tenth of the events: the query counts must not move.
    small = _json_from(
        [str(web), "--database", str(web_db), "--events", str(max(args.events // 10, 1)), "--queries-only"]
    )
    report.queries_small = small["queries"]


def _json_from(command: list[str]) -> dict:
    """Run a benchmark script in a fresh Python process and read the JSON it prints."""
    done = subprocess.run([sys.executable, *command], capture_output=True, text=True, cwd=HERE.parent)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command[:1])} failed:\n{done.stderr[-4000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


if __name__ == "__main__":
    main()
