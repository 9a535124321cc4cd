"""Geometry for the timeline chart: the visible date window and where events sit in a lane."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from typing import Protocol

from timeline.temporal.types import OPEN_END, OPEN_START

# Where a part of the day sits on the axis; single days sit at noon.
PART_OF_DAY_HOURS = {"MO": 9, "MI": 12, "AF": 15, "EV": 19, "NI": 22}
STACK_ROWS = 4
ROW_STEP = 0.1


class Dated(Protocol):
    id: int
    article_id: int
    earliest: date
    latest: date
    value: str


class Published(Protocol):
    published: date | None


def point_x(event: Dated) -> str:
    """Axis position of a single-day event: its time or part of the day, else noon.

    ``T24:00`` ("midnight Friday") is the end of that day, so it sits at 00:00 of the next
    day, after everything else on Friday (the hover says "Fri …, midnight").
    """
    hour, minute = 12, 0
    _, _, clock = event.value.partition("T")
    day = datetime(event.earliest.year, event.earliest.month, event.earliest.day)
    if clock[:2] in PART_OF_DAY_HOURS:
        hour = PART_OF_DAY_HOURS[clock[:2]]
    elif clock[:2] == "24" and day.date() < date.max:
        return (day + timedelta(days=1)).isoformat(" ", "minutes")
    elif len(clock) >= 5 and clock[:2].isdigit() and clock[3:5].isdigit():
        hour, minute = min(int(clock[:2]), 23), min(int(clock[3:5]), 59)
    return day.replace(hour=hour, minute=minute).isoformat(" ", "minutes")


def _finite_days(events: Iterable[Dated], articles: Iterable[Published]) -> list[date]:
    days = [a.published for a in articles if a.published is not None]
    for event in events:
        if event.earliest != OPEN_START:
            days.append(event.earliest)
        if event.latest != OPEN_END:
            days.append(event.latest)
    return days


def _shift(day: date, days: int) -> date:
    ordinal = min(max(day.toordinal() + days, date.min.toordinal()), date.max.toordinal())
    return date.fromordinal(ordinal)


def visible_window(events: Sequence[Dated], articles: Sequence[Published]) -> tuple[date, date]:
    """The x range: every finite date and DCT plus a margin; open ends are clipped to it.

    With nothing dated at all the window is the week around today.
    """
    days = _finite_days(events, articles) or [date.today()]
    low, high = min(days), max(days)
    margin = max(2, math.ceil((high - low).days * 0.04))
    return _shift(low, -margin), _shift(high, 1 + margin)


def lane_layout(events: Sequence[Dated]) -> dict[int, float]:
    """Vertical offset of each event inside its lane so stacked events stay apart.

    Single days sit above the lane's centre, stacked when they share a moment;
    ranges sit below it, packed into rows so overlapping ranges do not cover each other.
    """
    offsets: dict[int, float] = {}
    same_moment: dict[tuple[int, str], int] = defaultdict(int)
    row_ends: dict[int, list[date]] = defaultdict(list)
    for event in sorted(events, key=lambda e: (e.earliest, e.latest, e.id)):
        if event.earliest == event.latest:
            key = (event.article_id, point_x(event))
            offsets[event.id] = -ROW_STEP * (1 + same_moment[key] % STACK_ROWS)
            same_moment[key] += 1
            continue
        ends = row_ends[event.article_id]
        row = next((i for i, end in enumerate(ends) if end < event.earliest), None)
        if row is None and len(ends) < STACK_ROWS:
            ends.append(event.latest)
            row = len(ends) - 1
        elif row is None:
            row = min(range(len(ends)), key=ends.__getitem__)
        ends[row] = max(ends[row], event.latest)
        offsets[event.id] = ROW_STEP * (1 + row)
    return offsets


# News is mostly about the days around publication: open on that stretch when the
# whole chronology is much longer, with a button for all dates.
FOCUS_BEFORE_DAYS = 24
FOCUS_AFTER_DAYS = 10
# The opening view stretches to take in bounded events it would miss ("next month"), as
# long as it stays this short: a dozen events in one week squeezed onto a half-year axis
# read worse than a note saying some events are outside the view.
WIDEN_LIMIT_DAYS = 120


def focus_window(
    events: Sequence[Dated], articles: Sequence[Published], low: date, high: date
) -> tuple[date, date] | None:
    """The weeks around the articles' DCTs, stretched to take in the bounded (not open-ended)
    events it would miss when that keeps it under ``WIDEN_LIMIT_DAYS``; None (show
    ``low..high``) when it is not much shorter than ``low..high`` or holds under half of the events."""
    published = [a.published for a in articles if a.published is not None]
    if not published or not events:
        return None
    spread = (max(published) - min(published)).days
    start = _shift(min(published), -max(FOCUS_BEFORE_DAYS, spread // 20))
    end = _shift(max(published), 1 + max(FOCUS_AFTER_DAYS, spread // 20))
    start, end = _widen_to_missed(events, start, end)
    if (end - start).days * 3 > (high - low).days:
        return None
    return (start, end) if events_outside(events, (start, end)) * 2 <= len(events) else None


def events_outside(events: Sequence[Dated], window: tuple[date, date]) -> int:
    """How many events have no day inside ``window`` (start inclusive, end exclusive)."""
    start, end = window
    return sum(1 for e in events if e.latest < start or e.earliest >= end)


def _widen_to_missed(events: Sequence[Dated], start: date, end: date) -> tuple[date, date]:
    low, high = start, end
    for event in events:
        missed = event.latest < start or event.earliest >= end
        if missed and event.earliest != OPEN_START and event.latest != OPEN_END:
            low, high = min(low, event.earliest), max(high, event.latest)
    if (low, high) == (start, end):
        return start, end
    margin = max(2, math.ceil((high - low).days * 0.04))
    low, high = min(start, _shift(low, -margin)), max(end, _shift(high, 1 + margin))
    return (low, high) if (high - low).days <= WIDEN_LIMIT_DAYS else (start, end)
