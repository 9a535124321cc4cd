"""Real Celery worker processes for the tests, on the real Redis and the test database."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from urllib.parse import quote

import redis
from django.db import connection

from timeline.jobs.models import ImportBatch, ImportItem
from timeline.jobs.recovery import items_resume

ROOT = Path(__file__).resolve().parents[2]
REDIS_RESTART = ["redis-server", "--daemonize", "yes", "--bind", "127.0.0.1", "-::1", "--port", "6379", "--save", "",
                 "--appendonly", "no", "--dir", "/var/lib/redis", "--logfile", "/var/log/redis/ci.log"]  # fmt: skip


def worker_database_url() -> str:
    """The test database as a DATABASE_URL, so a worker subprocess writes where the test reads."""
    conf = connection.settings_dict
    if conf["ENGINE"] == "django.db.backends.sqlite3":
        return f"sqlite:///{Path(conf['NAME']).resolve()}"
    if conf["ENGINE"] == "django.db.backends.postgresql":
        auth = quote(conf["USER"] or "") + (f":{quote(conf['PASSWORD'])}" if conf.get("PASSWORD") else "")
        return f"postgres://{auth}@{conf['HOST'] or '127.0.0.1'}:{conf['PORT'] or 5432}/{conf['NAME']}"
    raise RuntimeError(f"No worker test support for {conf['ENGINE']}")


class Worker:
    """One ``celery worker`` process (own process group, so ``kill -9`` takes its pool children too)."""

    def __init__(self, process: subprocess.Popen, logfile: Path) -> None:
        self.process, self.logfile = process, logfile

    def pool_pids(self) -> set[int]:
        """The pids of its pool processes: the ones that run tasks and hold leases."""
        pids = set()
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rpartition(")")[2].split()  # state, ppid, ...
            except OSError:
                continue  # ended meanwhile
            if int(fields[1]) == self.process.pid:
                pids.add(int(stat.parent.name))
        return pids

    def log(self) -> str:
        return self.logfile.read_text(errors="replace") if self.logfile.exists() else ""

    def kill_hard(self) -> None:
        """``kill -9`` the worker and its pool processes at once: no warm shutdown, nothing acknowledged."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill_hard()


def start_worker(*, env: dict[str, str], name: str, logdir: Path, app: str = "webapp", concurrency: int = 1,
                 extra_env: dict[str, str] | None = None, beat: bool = False) -> Worker:  # fmt: skip
    """Start a worker and wait until it says it is ready (its spaCy model loaded); ``beat``
    runs the periodic tasks in it too (``-B``), its schedule file in ``logdir``."""
    logfile = logdir / f"{name}.log"
    command = [sys.executable, "-m", "celery", "-A", app, "worker", "-Q", env["TIMELINE_QUEUE"], "-c", str(concurrency),
               "-P", "prefork", "-n", f"{name}@%h", "--without-gossip", "--without-mingle", "--without-heartbeat",
               "-l", "info"]  # fmt: skip
    if beat:
        command += ["-B", "-s", str(logdir / f"{name}-beat-schedule")]
    with logfile.open("wb") as log:  # the banner, "ready." and any traceback
        process = subprocess.Popen(command, cwd=ROOT, env=env | (extra_env or {}), start_new_session=True,
                                   stdout=log, stderr=subprocess.STDOUT)  # fmt: skip
    worker = Worker(process, logfile)
    deadline = time.monotonic() + 120
    while " ready." not in worker.log():
        if process.poll() is not None:
            raise RuntimeError(f"worker {name} exited ({process.returncode}):\n{worker.log()[-3000:]}")
        if time.monotonic() > deadline:
            worker.stop()
            raise RuntimeError(f"worker {name} not ready after 120 s:\n{worker.log()[-3000:]}")
        time.sleep(0.2)
    return worker


class RedisWatch:
    """Notices a Redis restart by someone else (other test runs share this Redis and restart it).

    A restart empties the queue; the database still lists the pending items, and production
    re-sends them (a starting worker, beat, resume_imports). The waits below do the same, but
    only after a restart they did not cause, so a test still shows its own recovery path.
    """

    def __init__(self, url: str) -> None:
        self.client = redis.Redis.from_url(url, socket_connect_timeout=2)
        self.run_id = self._run_id()
        self.external_restarts = 0

    def _run_id(self) -> str | None:
        try:
            return self.client.info("server")["run_id"]
        except redis.RedisError:
            return None  # restarting right now

    def expect_restart(self) -> None:
        """Call after restarting Redis on purpose: that restart is the test's own."""
        self.run_id = self._run_id()

    def resume_if_restarted(self) -> None:
        current = self._run_id()
        if current is not None and current != self.run_id:
            self.run_id, self.external_restarts = current, self.external_restarts + 1
            items_resume(older_than=timedelta(0))


WATCH: RedisWatch | None = None


def wait_for(condition: Callable[[], bool], *, timeout: float, what: str, describe: Callable[[], str]) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}: {describe()}")
        if WATCH is not None:
            WATCH.resume_if_restarted()
        time.sleep(0.2)


def states(batch: ImportBatch) -> dict[str, int]:
    counts: dict[str, int] = {}
    for state in ImportItem.objects.filter(batch=batch).values_list("state", flat=True):
        counts[state] = counts.get(state, 0) + 1
    return counts


def wait_until_settled(batch: ImportBatch, *, timeout: float = 180) -> None:
    """Until no item is pending and the bookkeeping task has marked the batch finished."""
    pending = ImportItem.objects.filter(batch=batch, state__in=["queued", "analysing"])
    wait_for(lambda: not pending.exists(), timeout=timeout, what=f"batch {batch.pk} to settle",
             describe=lambda: str(states(batch)))  # fmt: skip
    finished = ImportBatch.objects.filter(pk=batch.pk, finished__isnull=False)
    wait_for(finished.exists, timeout=30, what=f"batch {batch.pk} to be marked finished", describe=lambda: "")


def wait_until_done(batch: ImportBatch, at_least: int, *, timeout: float = 120) -> None:
    done = ImportItem.objects.filter(batch=batch, state="imported")
    wait_for(lambda: done.count() >= at_least, timeout=timeout, what=f"{at_least} imported items",
             describe=lambda: str(states(batch)))  # fmt: skip
