"""Leases on items being analysed: who holds one, and whether it still stands (pure decisions).

A worker that takes an item records its identity (host and process id) and refreshes a
heartbeat while the engine runs. A lease stands while its heartbeat is recent and, on this
host, while its process is alive; a killed worker's lease is then seen to have lapsed in
seconds (same host) or after ``TIMELINE_LEASE_SECONDS`` (any host), not after the broker's
visibility timeout. Every verdict says why, for the logs and the tests.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.utils import timezone


@dataclass(frozen=True)
class LeaseVerdict:
    """Whether the lease still stands, and the evidence."""

    stands: bool
    why: str


def worker_identity() -> str:
    """``host:pid`` of the calling process (asked each time: a prefork pool child has its own pid)."""
    return f"{socket.gethostname()}:{os.getpid()}"


def split_identity(owner: str) -> tuple[str, int | None]:
    """``("host", pid)`` from ``host:pid``; the pid is None when it is not a number."""
    host, _, pid = owner.rpartition(":")
    return (host, int(pid)) if pid.isdigit() else (owner, None)


def pid_alive(pid: int) -> bool:
    """Whether process ``pid`` runs on this host (a zombie, killed but not yet reaped, does not)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, under another user
    try:
        # /proc/<pid>/stat: "pid (name) S ..."; the state letter follows the last parenthesis.
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except (OSError, IndexError):
        return True  # no /proc here: trust the signal check
    return state not in ("Z", "X")


def lease_verdict(
    *,
    owner: str,
    heartbeat: datetime | None,
    now: datetime,
    timeout: timedelta,
    host: str,
    alive: Callable[[int], bool] = pid_alive,
) -> LeaseVerdict:
    """Does the lease held by ``owner`` (``host:pid``), last refreshed at ``heartbeat``, still stand?

    It lapses when nobody holds it, when its heartbeat is older than ``timeout``, or when its
    owner ran on ``host`` (this machine) and that process is gone. A process on another
    host cannot be checked from here: its heartbeat decides.
    """
    if not owner or heartbeat is None:
        return LeaseVerdict(False, "no lease recorded")
    age = (now - heartbeat).total_seconds()
    if age > timeout.total_seconds():
        return LeaseVerdict(False, f"{owner} last showed life {age:.0f} s ago (lease {timeout.total_seconds():.0f} s)")
    owner_host, pid = split_identity(owner)
    if owner_host == host and pid is not None and not alive(pid):
        return LeaseVerdict(False, f"{owner} is gone (no process {pid} on {host})")
    return LeaseVerdict(True, f"held by {owner}, heartbeat {age:.0f} s ago")


def heartbeat_interval(timeout: timedelta) -> float:
    """Seconds between heartbeats: four chances to show life before the lease lapses."""
    return max(timeout.total_seconds() / 4, 0.5)


def lease_timeout() -> timedelta:
    """``TIMELINE_LEASE_SECONDS``: how long a lease stands without a heartbeat."""
    return timedelta(seconds=settings.TIMELINE_LEASE_SECONDS)


def current_verdict(*, owner: str, heartbeat: datetime | None) -> LeaseVerdict:
    """``lease_verdict`` now, on this host, with the configured timeout."""
    return lease_verdict(owner=owner, heartbeat=heartbeat, now=timezone.now(), timeout=lease_timeout(),
                         host=socket.gethostname())  # fmt: skip
