"""The benchmark report: the machine, four tables of figures and each floor checked."""

from __future__ import annotations

import argparse
import os
import platform
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib.metadata import version
from typing import TYPE_CHECKING

from benchmarks.engine import BATCH, SPACY, GoldFigures, Throughput, print_throughput

if TYPE_CHECKING:  # these modules need Django set up first
    from benchmarks.browser import RenderFigures
    from benchmarks.imports import ImportFigures
    from benchmarks.web import PageFigures

MIB = 1024 * 1024
FLOOR_STORY_QUERIES = 5
FLOOR_IMPORT_SHARE, FLOOR_RSS_MIB, FLOOR_SERVER_MS, FLOOR_BYTES, FLOOR_RENDER_MS = 0.8, 1536, 300, 2_000_000, 3000


def machine_lines() -> list[str]:
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo", encoding="utf-8")
                if line.startswith("model name")), platform.processor())  # fmt: skip
    memory = next(int(line.split()[1]) // 1024 for line in open("/proc/meminfo", encoding="utf-8")
                  if line.startswith("MemTotal"))  # fmt: skip
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return [
        f"date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC; nproc: {os.cpu_count()}; {cpu}; {memory:,} MiB RAM",
        f"load average at start: {load}; Python {platform.python_version()}, spaCy {version('spacy')}, "
        f"Django {version('django')}, dateparser {version('dateparser')}",
    ]


@dataclass
class Report:
    args: argparse.Namespace
    engine: list[Throughput] = field(default_factory=list)
    gold: GoldFigures | None = None
    imports: list[ImportFigures] = field(default_factory=list)
    shape_note: str = ""
    pages: list[PageFigures] = field(default_factory=list)
    api_all: tuple[int, float, int] = (0, 0.0, 0)
    queries_large: dict[str, int] = field(default_factory=dict)
    queries_small: dict[str, int] = field(default_factory=dict)
    render: RenderFigures | None = None
    story_render: RenderFigures | None = None
    floors: list[tuple[str, str, bool]] = field(default_factory=list)

    def print(self) -> None:
        print()
        self._engine()
        self._imports()
        self._web()
        self._render()
        self._floors()
        print(f"\nload average at the end: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")

    def _engine(self) -> None:
        rows = {row.system: row for row in self.engine}
        print(
            f"### 1. Engine: {self.args.engine_articles} corpus articles, {self.engine[0].words:,} words, "
            f"best of {self.args.engine_repeat} interleaved runs, one process"
        )
        print_throughput(self.engine)
        ratio = rows[SPACY].seconds / rows[BATCH].seconds
        cpu_ratio = rows[SPACY].cpu_seconds / rows[BATCH].cpu_seconds
        self.floors.append(
            ("engine (batched) at least as fast as spaCy's full pipeline, wall clock", f"{ratio:.2f}x", ratio >= 1)
        )
        self.floors.append(("the same in CPU time", f"{cpu_ratio:.2f}x", cpu_ratio >= 1))
        gold = self.gold
        print(
            f"\nGold files ({gold.documents}, tuned + held-out): relaxed F1 {gold.single['relaxed_F1']:.3f} / "
            f"{gold.batch['relaxed_F1']:.3f}, value accuracy {gold.single['value_acc']:.3f} / "
            f"{gold.batch['value_acc']:.3f}, range accuracy {gold.single['range_acc']:.3f} / "
            f"{gold.batch['range_acc']:.3f} (extract / extract_many); same answers: {'yes' if gold.identical else 'NO'}"
        )
        self.floors.append(
            ("gold scores unchanged on the batch path", "identical" if gold.identical else "differ", gold.identical)
        )

    def _imports(self) -> None:
        engine = next(row for row in self.engine if row.system == BATCH)
        print(f"\n### 2. import_articles: {self.args.articles} generated articles into a new SQLite database")
        print(
            "| workers | articles/s | words/s | vs engine | words/CPU-s | vs engine | engine's share of the run "
            "| command s | wall s | peak RSS (MiB) | events stored |"
        )
        print(
            "|--------:|-----------:|--------:|----------:|------------:|----------:|--------------------------:"
            "|----------:|-------:|---------------:|--------------:|"
        )
        for run in self.imports:
            share = run.words_per_second / engine.words_per_second
            cpu_share = run.words_per_cpu_second / engine.words_per_cpu_second
            print(
                f"| {run.workers} | {run.articles_per_second:.2f} | {run.words_per_second:,.0f} | {share:.0%} | "
                f"{run.words_per_cpu_second:,.0f} | {cpu_share:.0%} | {run.engine_share:.0%} "
                f"(reading {run.read_share:.0%}, writing {run.write_share:.0%}) | {run.seconds:.1f} | {run.wall_seconds:.1f} | "
                f"{run.peak_rss_mib:,.0f} | {run.events:,} |"
            )
            self.floors.append(
                (
                    f"peak RSS, {run.workers} worker(s), under {FLOOR_RSS_MIB} MiB",
                    f"{run.peak_rss_mib:,.0f} MiB",
                    run.peak_rss_mib < FLOOR_RSS_MIB,
                )
            )
            if run.failed:
                self.floors.append((f"every file imported, {run.workers} worker(s)", f"{run.failed} failed", False))
        best = max(run.words_per_second for run in self.imports) / engine.words_per_second
        self.floors.append(
            (
                f"import words/s at least {FLOOR_IMPORT_SHARE:.0%} of the engine's (best worker count)",
                f"{best:.0%}",
                best >= FLOOR_IMPORT_SHARE,
            )
        )
        single = next((run for run in self.imports if run.workers == 1), None)
        if single is not None:
            self.floors.append(
                (
                    f"import throughput at least {FLOOR_IMPORT_SHARE:.0%} of the engine's in the same run "
                    "(1 worker: the share of time not spent reading or writing)",
                    f"{single.engine_share:.0%}",
                    single.engine_share >= FLOOR_IMPORT_SHARE,
                )
            )
            cpu_share = single.words_per_cpu_second / engine.words_per_cpu_second
            self.floors.append(
                (
                    f"import words per CPU-second at least {FLOOR_IMPORT_SHARE:.0%} of the engine's (1 worker)",
                    f"{cpu_share:.0%}",
                    cpu_share >= FLOOR_IMPORT_SHARE,
                )
            )

    def _web(self) -> None:
        print(
            f"\n### 3. Server side at {self.args.events:,} events ({self.shape_note}); Django test client, "
            f"median of {self.args.requests} requests after a warm-up"
        )
        print("| request | events | median ms | CPU ms | SQL queries | bytes | gzip bytes |")
        print("|---------|-------:|----------:|-------:|------------:|------:|-----------:|")
        for page in self.pages:
            print(
                f"| {page.name} (`{page.url}`) | {page.events:,} | {page.median_ms:.0f} | {page.cpu_ms:.0f} | "
                f"{page.queries} | {page.bytes:,} | {page.gzip_bytes:,} |"
            )
            if "export" in page.name:
                continue  # a download file, not a page: measured, no page floors
            self.floors.append(
                (
                    f"{page.name}: under {FLOOR_SERVER_MS} ms (median wall / CPU)",
                    f"{page.median_ms:.0f} / {page.cpu_ms:.0f} ms",
                    page.median_ms < FLOOR_SERVER_MS,
                )
            )
            self.floors.append((f"{page.name}: under 2 MB", f"{page.bytes / MIB:.2f} MiB", page.bytes < FLOOR_BYTES))
        pages, ms, size = self.api_all
        print(
            f"\nReading all {self.args.events:,} events through the API's `next` links: {pages} pages, "
            f"{ms:.0f} ms, {size:,} bytes in total."
        )
        small = self.args.events // 10
        print(
            f"SQL queries per request at {small:,} events: {self.queries_small}; "
            f"at {self.args.events:,}: {self.queries_large}"
        )
        timeline = {name: n for name, n in self.queries_large.items() if not name.startswith("story")}
        constant = self.queries_small == self.queries_large and max(timeline.values()) <= 3
        self.floors.append(
            (
                "SQL queries per request: the same at 1/10 of the events, at most 3 (timeline and API)",
                f"{max(timeline.values())}",
                constant,
            )
        )
        story = {name: n for name, n in self.queries_large.items() if name.startswith("story")}
        if story:
            # The story page also reads its filter choices (articles, entities) and counts its table.
            self.floors.append(
                (
                    f"story requests: the same queries at 1/10 of the events, at most {FLOOR_STORY_QUERIES}",
                    ", ".join(f"{n}" for n in story.values()),
                    all(self.queries_small.get(k) == n for k, n in story.items())
                    and max(story.values()) <= FLOOR_STORY_QUERIES,
                )
            )

    def _render(self) -> None:
        for render in (self.render, self.story_render):
            if render is not None:
                self._render_one(render)

    def _render_one(self, render: RenderFigures) -> None:
        print(
            f"\n### 4. Headless Chromium, `{render.url.split('/', 3)[-1]}` with {render.points:,} dated points, "
            f"median of {render.loads} cold loads"
        )
        print(
            f"first render (navigation start to chart drawn): {render.first_render_ms:,.0f} ms; "
            f"HTML received at {render.html_received_ms:,.0f} ms"
        )
        self.floors.append(
            (
                f"first render under {FLOOR_RENDER_MS / 1000:.0f} s (`{render.url.split('/', 3)[-1]}`)",
                f"{render.first_render_ms:,.0f} ms",
                render.first_render_ms < FLOOR_RENDER_MS,
            )
        )

    def _floors(self) -> None:
        print("\n### Floors")
        print("| floor | measured | |")
        print("|-------|---------:|-|")
        for name, measured, ok in self.floors:
            print(f"| {name} | {measured} | {'pass' if ok else 'FAIL'} |")
