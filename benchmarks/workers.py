"""Import generated articles through the Celery queue with 1, then 2 worker processes.

    python benchmarks/workers.py [--count 1000] [--workers 1,2]
        [--database-url postgres://postgres@127.0.0.1:5432/bench_workers] [--broker redis://127.0.0.1:6379/0]

Redis and PostgreSQL on 127.0.0.1 (the database is created when missing and emptied before
each run). Each run starts N ``celery -A webapp worker -c 1`` processes, waits until they
are ready (spaCy loaded), then times one batch of every article from ``batch_create`` to
the last item settled. Printed per run: articles/s, words/s, the speed-up over the first
run, the workers' CPU seconds (user + system, from /proc), the CPU the rest of the machine
used meanwhile (other people's work on a shared machine), and each worker's peak RSS (its
main process plus its pool process).
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.env import TreeRssSampler, _descendants  # noqa: E402
from benchmarks.make_corpus import write_corpus  # noqa: E402

TICKS = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class RunFigures:
    workers: int
    imported: int
    refused: int
    seconds: float
    words: int
    worker_cpu: float
    machine_cpu: float
    peak_rss_mib: list[float]
    load_before: float
    resumed: int

    @property
    def articles_per_second(self) -> float:
        return self.imported / self.seconds

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds


def _tree_cpu_seconds(pid: int) -> float:
    total = 0
    for child in _descendants(pid):
        try:
            with open(f"/proc/{child}/stat", encoding="ascii", errors="replace") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except (FileNotFoundError, ProcessLookupError):
            continue
        total += int(fields[11]) + int(fields[12]) + int(fields[13]) + int(fields[14])  # utime stime cutime cstime
    return total / TICKS


def _machine_busy_seconds() -> float:
    with open("/proc/stat", encoding="ascii") as stat:
        values = [int(v) for v in stat.readline().split()[1:]]
    idle = values[3] + values[4]  # idle + iowait
    return (sum(values[:8]) - idle) / TICKS


def _ensure_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    admin = url.rsplit("/", 1)[0].replace("postgres://", "postgresql://") + "/postgres"
    with psycopg.connect(admin, autocommit=True) as connection:
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')


def _start_worker(name: str, env: dict[str, str], logdir: Path) -> subprocess.Popen:
    log = (logdir / f"{name}.log").open("wb")
    command = [
        sys.executable,
        "-m",
        "celery",
        "-A",
        "webapp",
        "worker",
        "-Q",
        env["TIMELINE_QUEUE"],
        "-c",
        "1",
        "-n",
        f"{name}@%h",
        "--without-gossip",
        "--without-mingle",
        "--without-heartbeat",
        "-l",
        "info",
    ]
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)


def _wait_ready(process: subprocess.Popen, logfile: Path) -> None:
    deadline = time.monotonic() + 300
    while " ready." not in logfile.read_text(errors="replace"):
        if process.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"worker not ready:\n{logfile.read_text(errors='replace')[-3000:]}")
        time.sleep(0.2)


def _wait_settled(batch: object, stall_seconds: float = 60) -> int:
    """Wait until no item of ``batch`` is pending; returns how many items had to be re-queued.

    The machine is shared: someone restarting Redis empties the queue. As in production the
    database still lists the pending items, so after ``stall_seconds`` without progress they
    are sent again (and the figure says so).
    """
    from datetime import timedelta

    from timeline.jobs.models import PENDING_STATES, ImportItem
    from timeline.jobs.recovery import items_resume

    pending = ImportItem.objects.filter(batch=batch, state__in=PENDING_STATES)
    resumed, last, last_change = 0, pending.count(), time.monotonic()
    while last:
        time.sleep(0.5)
        now = pending.count()
        if now != last:
            last, last_change = now, time.monotonic()
        elif time.monotonic() - last_change > stall_seconds:
            resumed += len(items_resume(older_than=timedelta(seconds=stall_seconds)))
            last_change = time.monotonic()
    return resumed


def run(workers: int, items: list, words: int, env: dict[str, str], logdir: Path) -> RunFigures:
    from django.core.management import call_command

    from timeline.jobs.models import ImportItem
    from timeline.jobs.services import batch_create

    call_command("flush", interactive=False, verbosity=0)
    names = [f"bench{workers}-{n}" for n in range(workers)]
    processes = [_start_worker(name, env, logdir) for name in names]
    samplers = []
    try:
        for name, process in zip(names, processes):
            _wait_ready(process, logdir / f"{name}.log")
        samplers = [TreeRssSampler(p.pid, interval=0.2).__enter__() for p in processes]
        load_before = os.getloadavg()[0]
        cpu_before = [_tree_cpu_seconds(p.pid) for p in processes]
        busy_before = _machine_busy_seconds()
        started = time.perf_counter()
        batch = batch_create(items=items)
        resumed = _wait_settled(batch)
        seconds = time.perf_counter() - started
        worker_cpu = sum(_tree_cpu_seconds(p.pid) for p in processes) - sum(cpu_before)
        machine_cpu = _machine_busy_seconds() - busy_before
        states = dict.fromkeys(["imported", "refused", "duplicate"], 0)
        for state in ImportItem.objects.filter(batch=batch).values_list("state", flat=True):
            states[state] = states.get(state, 0) + 1
    finally:
        for sampler in samplers:
            sampler.__exit__(None, None, None)
        for process in processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=60)
    return RunFigures(
        workers,
        states["imported"],
        states["refused"] + states["duplicate"],
        seconds,
        words,
        worker_cpu,
        machine_cpu,
        [s.peak_mib for s in samplers],
        load_before,
        resumed,
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--workers", default="1,2", help="worker process counts to run, in order (default 1,2)")
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/bench_workers")
    parser.add_argument("--broker", default="redis://127.0.0.1:6379/0")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    _ensure_database(args.database_url)
    queue = f"bench-workers-{uuid.uuid4().hex[:8]}"
    env = {
        **os.environ,
        "DATABASE_URL": args.database_url,
        "CELERY_BROKER_URL": args.broker,
        "TIMELINE_QUEUE": queue,
        "DJANGO_SETTINGS_MODULE": "webapp.settings",
        "TIMELINE_RESUME_AFTER": "86400",
    }
    os.environ.update(env)
    import django

    django.setup()
    from django.core.management import call_command

    from timeline.ingest.article_input import article_input_from_file
    from webapp.import_inputs import item_from_input

    call_command("migrate", verbosity=0)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = write_corpus(args.count, Path(tmp) / "corpus", seed=args.seed)
        items = [item_from_input(a.name, article_input_from_file(Path(tmp) / "corpus" / a.name)) for a in corpus]
        words = sum(len(item.text.split()) for item in items)
        print(
            f"corpus: {len(items)} articles, {words:,} words (seed {args.seed}); nproc {os.cpu_count()}; "
            f"database {args.database_url.rsplit('@', 1)[-1]}; broker {args.broker.rsplit('@', 1)[-1]}"
        )
        logdir = Path(tmp)
        figures = [run(int(n), items, words, env, logdir) for n in args.workers.split(",")]
    base = figures[0]
    print(
        "| worker processes | imported | seconds | articles/s | words/s | speed-up | worker CPU s | cores the workers got "
        "| words/worker-CPU-s | CPU-time speed-up | machine CPU busy s (others) | load before | peak RSS per worker (MiB) "
        "| re-queued after a stall |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|")
    for f in figures:
        others = max(f.machine_cpu - f.worker_cpu, 0.0)
        # What N workers would give with N free cores: N times the per-CPU-second rate, relative to the first run.
        cpu_speedup = f.workers * (f.words / f.worker_cpu) / (base.words / base.worker_cpu) / base.workers
        print(
            f"| {f.workers} | {f.imported} | {f.seconds:.0f} | {f.articles_per_second:.2f} | {f.words_per_second:,.0f} "
            f"| {f.words_per_second / base.words_per_second:.2f}x | {f.worker_cpu:.0f} | {f.worker_cpu / f.seconds:.2f} "
            f"| {f.words / f.worker_cpu:,.0f} | {cpu_speedup:.2f}x | {f.machine_cpu:.0f} ({others:.0f}) "
            f"| {f.load_before:.2f} | {', '.join(f'{m:.0f}' for m in f.peak_rss_mib)} | {f.resumed} |"
        )
    print(
        "speed-up goal with 2 workers on 2 cores: >= 1.6x. 'others' is the CPU the rest of the machine used meanwhile "
        f"(PostgreSQL and Redis included; of {os.cpu_count()} cores x the run's seconds); 'cores the workers got' is "
        "their CPU seconds over the run's seconds; 'CPU-time speed-up' assumes each worker gets a whole core."
    )


if __name__ == "__main__":
    main()
