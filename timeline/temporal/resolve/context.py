"""What every resolver is given: the DCT, the clause's direction, and an anchor."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

PAST = "past"
FUTURE = "future"
UNKNOWN = "unknown"


@dataclass(frozen=True)
class Anchor:
    """The nearest preceding resolved date, for "the next day", "two days later"."""

    index: int
    earliest: date
    latest: date
    granularity: str
    value: str


@dataclass(frozen=True)
class ResolveContext:
    dct: date
    direction: str = UNKNOWN  # PAST, FUTURE or UNKNOWN, from tense.py or the caller's override
    anchor: Anchor | None = None


def nearest(candidates: list[date], dct: date, direction: str) -> date:
    """Pick the candidate consistent with the direction; nearest to the DCT otherwise.

    Past: the latest candidate on or before the DCT. Future: the earliest on or
    after it. Unknown: the closest, ties going to the past (news mostly reports).
    """
    ordered = sorted(candidates)
    if direction == PAST:
        before = [c for c in ordered if c <= dct]
        if before:
            return before[-1]
    elif direction == FUTURE:
        after = [c for c in ordered if c >= dct]
        if after:
            return after[0]
    return min(ordered, key=lambda c: (abs((c - dct).days), c > dct))
