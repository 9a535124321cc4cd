"""Where the story chart opens: the span holding most of the story's events, and its rows.

Pure functions of plain dated things; open-ended references and long periods (an "election
year", "the decade") never count, so one "soon", "for years" or "this year" cannot stretch the
opening view: they are drawn clipped to it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Protocol

from timeline.temporal.types import OPEN_END, OPEN_START

# The opening view holds at least this share of the events with a known day.
MOST_EVENTS = 0.8
MIN_MARGIN_DAYS = 2
# Ranges longer than about a month are periods, not happenings: they do not choose the view.
LONG_RANGE_DAYS = 31


class Dated(Protocol):
    earliest: date
    latest: date


def is_open(event: Dated) -> bool:
    return event.earliest == OPEN_START or event.latest == OPEN_END


def is_long(event: Dated) -> bool:
    """A bounded range longer than ``LONG_RANGE_DAYS`` (a month, a season, a year)."""
    return not is_open(event) and (event.latest - event.earliest).days >= LONG_RANGE_DAYS


def anchor_day(event: Dated) -> date:
    """The day that stands for an event: the middle of a bounded range, the known end of an open one."""
    if event.earliest == OPEN_START:
        return event.latest
    if event.latest == OPEN_END:
        return event.earliest
    return event.earliest + (event.latest - event.earliest) / 2


def _with_margin(low: date, high: date) -> tuple[date, date]:
    margin = max(MIN_MARGIN_DAYS, math.ceil((high - low).days * 0.05))
    return _shift(low, -margin), _shift(high, 1 + margin)


def _shift(day: date, days: int) -> date:
    ordinal = min(max(day.toordinal() + days, date.min.toordinal() + 1), date.max.toordinal() - 1)
    return date.fromordinal(ordinal)


def full_window(events: Sequence[Dated]) -> tuple[date, date]:
    """Every known (not open) date of the story, with a margin; the week around today when there is none."""
    days = [d for e in events for d in (e.earliest, e.latest) if d not in (OPEN_START, OPEN_END)]
    if not days:
        today = date.today()
        return today - timedelta(days=3), today + timedelta(days=4)
    return _with_margin(min(days), max(days))


def opening_window(events: Sequence[Dated], share: float = MOST_EVENTS) -> tuple[date, date]:
    """The shortest span holding ``share`` of the bounded events' days, with a margin.

    Events of a day up to about a month count by the middle of their range; open-ended ones
    (drawn as short arrows that follow the view) and long periods (drawn clipped) are left
    out unless there is nothing else. Falls back to ``full_window``.
    """
    days = sorted(anchor_day(e) for e in events if not is_open(e) and not is_long(e))
    if not days:
        days = sorted(anchor_day(e) for e in events if not is_open(e))
    if not days:
        days = sorted(anchor_day(e) for e in events)
    if not days:
        return full_window(events)
    need = max(1, math.ceil(len(days) * share))
    best = min(range(len(days) - need + 1), key=lambda i: (days[i + need - 1] - days[i], i))
    return _with_margin(days[best], days[best + need - 1])


def opening_rows(events: Sequence[Dated], window: tuple[date, date], limit: int) -> tuple[int, int]:
    """The first and last row (events are rows in time order) the chart opens on: from the
    first event touching ``window``, at most ``limit`` rows."""
    start, end = window
    first = next((i for i, e in enumerate(events) if e.latest >= start and e.earliest < end), 0)
    return first, min(len(events), first + limit) - 1 if events else 0
