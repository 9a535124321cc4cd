"""Lease verdicts (pure) and the process check they rely on."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest

from timeline.jobs.leases import heartbeat_interval, lease_verdict, pid_alive, split_identity, worker_identity

NOW = datetime(2024, 4, 13, 12, 0, tzinfo=UTC)
HOST = "worker-a"
LIVE_PID, DEAD_PID = 4100, 4200


@dataclass(frozen=True)
class Example:
    name: str
    owner: str
    heartbeat_age: float | None  # seconds before NOW; None: never beat
    stands: bool
    why: str  # what the evidence starts with


# A 60-second lease on host "worker-a", where process 4100 runs and 4200 does not.
EXAMPLES = [
    Example("fresh heartbeat, live process here", f"{HOST}:{LIVE_PID}", 5, True, f"held by {HOST}:{LIVE_PID}"),
    Example("fresh heartbeat, process gone from here", f"{HOST}:{DEAD_PID}", 5, False, f"{HOST}:{DEAD_PID} is gone"),
    Example("fresh heartbeat on another host: cannot check its process", f"worker-b:{DEAD_PID}", 5, True, "held by"),
    Example("heartbeat older than the lease, another host", f"worker-b:{LIVE_PID}", 61, False, "worker-b:4100 last"),
    Example("heartbeat older than the lease, live process here", f"{HOST}:{LIVE_PID}", 90, False, f"{HOST}:{LIVE_PID}"),
    Example("heartbeat exactly at the lease", "worker-b:7", 60, True, "held by worker-b:7"),
    Example("no owner recorded (taken before leases existed)", "", 5, False, "no lease recorded"),
    Example("owner but no heartbeat", f"{HOST}:{LIVE_PID}", None, False, "no lease recorded"),
    Example("an owner without a pid is judged by its heartbeat", HOST, 5, True, "held by worker-a"),
]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda example: example.name)
def test_a_lease_stands_while_its_heartbeat_is_recent_and_its_process_lives(example: Example):
    beat = None if example.heartbeat_age is None else NOW - timedelta(seconds=example.heartbeat_age)
    verdict = lease_verdict(owner=example.owner, heartbeat=beat, now=NOW, timeout=timedelta(seconds=60), host=HOST,
                            alive=lambda pid: pid == LIVE_PID)  # fmt: skip
    assert (verdict.stands, verdict.why.startswith(example.why)) == (example.stands, True), verdict.why


def test_identity_is_this_host_and_process_and_splits_back():
    host, pid = split_identity(worker_identity())
    assert pid == os.getpid() and host and ":" not in host
    assert split_identity("db-1.example:web:12") == ("db-1.example:web", 12)


def test_a_running_process_is_alive_and_a_killed_one_is_not_even_before_it_is_reaped():
    assert pid_alive(os.getpid())
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        assert pid_alive(child.pid)
        os.kill(child.pid, signal.SIGKILL)
        deadline = time.monotonic() + 5
        while pid_alive(child.pid) and time.monotonic() < deadline:
            time.sleep(0.01)  # the signal takes a moment; then it is a zombie until waited for
        assert not pid_alive(child.pid)
        assert os.waitpid(child.pid, os.WNOHANG) != (0, 0)  # it was a zombie: not reaped until now
    finally:
        child.kill()
        child.wait()


def test_a_lease_gets_four_heartbeats_before_it_lapses():
    assert heartbeat_interval(timedelta(seconds=60)) == 15
    assert heartbeat_interval(timedelta(seconds=1)) == 0.5  # never a busy loop
