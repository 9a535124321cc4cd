"""The timeline's server figures as JSON, from a process of its own (as a server would be).

    python benchmarks/web_main.py --database DB --events N [--requests R] [--queries-only]

A fresh process matters: one that also holds spaCy's model has many more objects for
the garbage collector to walk during every request. The database is changed: it
keeps (or is given) exactly N events.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.env import setup_django  # noqa: E402


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", type=Path, required=True, help="an imported benchmark database")
    parser.add_argument("--events", type=int, required=True, help="keep (or make) this many events first")
    parser.add_argument("--requests", type=int, default=7, help="requests per page; the median counts")
    parser.add_argument("--queries-only", action="store_true", help="only count SQL queries per request")
    args = parser.parse_args(argv)
    setup_django(args.database)
    from benchmarks.web import count_queries, measure_all_api_pages, measure_pages, shape_events
    from benchmarks.web_story import make_benchmark_story

    note = shape_events(args.events)
    _, story_events, mentions = make_benchmark_story()
    note += f"; the story page holds them all as {story_events:,} story events ({mentions:,} mentions)"
    if args.queries_only:
        print(json.dumps({"note": note, "queries": count_queries()}))
        return
    pages = measure_pages(args.requests)
    print(json.dumps({"note": note, "pages": [asdict(page) for page in pages], "api_all": measure_all_api_pages(),
                      "queries": count_queries()}))  # fmt: skip


if __name__ == "__main__":
    main()
