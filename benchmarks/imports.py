"""``manage.py import_articles`` on a corpus, as a user runs it: a fresh process and database.

The command runs in a subprocess so its peak memory (with its spaCy worker processes)
is measured on its own; the figures are the command's own summary line.
"""

from __future__ import annotations

import re
import resource
import sqlite3
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.env import MANAGE, TreeRssSampler, database_env, migrate

SHARES = re.compile(r"Time spent reading files (?P<read>\d+)%, writing to the database (?P<write>\d+)%")
SUMMARY = re.compile(
    r"Imported (?P<imported>\d+), skipped (?P<skipped>\d+) duplicate\(s\), failed (?P<failed>\d+) in (?P<seconds>[\d.]+)s "
    r"\((?P<articles>[\d.]+) articles/s, (?P<words>[\d,]+) words/s\)"
)


@dataclass(frozen=True)
class ImportFigures:
    workers: int
    imported: int
    failed: int
    seconds: float  # the command's own timing (model load included, Django start-up not)
    articles_per_second: float
    words_per_second: float
    wall_seconds: float  # the whole process, start-up included
    cpu_seconds: float  # user + system time of the command and its spaCy workers, start-up included
    peak_rss_mib: float
    events: int
    read_share: float  # of the command's time, as it reports
    write_share: float

    @property
    def engine_share(self) -> float:
        """The rest of the command's time: the engine, measured in the same run (same load)."""
        return 1 - self.read_share - self.write_share

    @property
    def words(self) -> int:
        return round(self.words_per_second * self.seconds)

    @property
    def words_per_cpu_second(self) -> float:
        return self.words / self.cpu_seconds


def run_import(corpus: Path, database: Path, workers: int) -> ImportFigures:
    """Import ``corpus`` into a new ``database`` with ``workers`` spaCy processes."""
    database.unlink(missing_ok=True)
    migrate(database)
    command = [*MANAGE, "import_articles", str(corpus), "--workers", str(workers), "--no-progress"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(command, env=database_env(database), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True)  # fmt: skip
    with TreeRssSampler(process.pid) as sampler:
        out, err = process.communicate()
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # reaped descendants: the command and its workers
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    match, shares = SUMMARY.search(out), SHARES.search(out)
    if match is None or shares is None:
        raise RuntimeError(f"import_articles printed no summary (exit {process.returncode}):\n{out}\n{err[-3000:]}")
    return ImportFigures(
        workers=workers,
        imported=int(match["imported"]),
        failed=int(match["failed"]),
        seconds=float(match["seconds"]),
        articles_per_second=float(match["articles"]),
        words_per_second=float(match["words"].replace(",", "")),
        wall_seconds=wall,
        cpu_seconds=cpu,
        peak_rss_mib=sampler.peak_mib,
        events=_count_events(database),
        read_share=int(shares["read"]) / 100,
        write_share=int(shares["write"]) / 100,
    )


def _count_events(database: Path) -> int:
    with sqlite3.connect(database) as db:
        return db.execute("SELECT COUNT(*) FROM timeline_event").fetchone()[0]
