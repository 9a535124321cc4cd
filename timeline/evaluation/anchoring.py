"""Event anchoring against TimeBank's TLINKs: does an event's date hold the time it is linked to?

A gold link "e IS_INCLUDED t" (or DURING, SIMULTANEOUS, BEGINS, ENDS) says the time dates the
event; "e BEFORE t" (AFTER, BEGUN_BY, ENDED_BY) says it only bounds it. An engine event is covered
when its trigger (the clause's verb) overlaps a gold EVENT with at least one link to a time whose
value has a calendar range. Pure Python: the caller runs the engine.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from timeline.temporal.timex import (
    SEASON_MONTHS,
    century_range,
    decade_range,
    half_range,
    month_range,
    quarter_range,
    season_range,
    week_range,
    year_range,
)
from timeline.timeml.links import LinkedDocument, TimeMLEvent

HOLDING = frozenset({"IS_INCLUDED", "DURING", "SIMULTANEOUS", "BEGINS", "ENDS"})
BOUNDING = frozenset({"BEFORE", "AFTER", "BEGUN_BY", "ENDED_BY"})

Range = tuple[date, date]

_VALUE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-W(\d{2})|-Q([1-4])|-H([12])|-(SP|SU|FA|WI))?(?:T.*)?$")


def timex_range(value: str, dct: date | None) -> Range | None:
    """The days a TIMEX3 value covers ("1998-Q1", "1989-W43", "199" a decade), or None (durations, X parts)."""
    if value == "PRESENT_REF" and dct is not None:
        return dct, dct
    if re.fullmatch(r"\d{3}", value):
        return decade_range(int(value) * 10)
    if re.fullmatch(r"\d{2}", value):
        return century_range(int(value))
    match = _VALUE.match(value)
    if match is None:
        return None
    year, month, day, week, quarter, half, season = match.groups()
    try:
        if day:
            one = date(int(year), int(month), int(day))
            return one, one
        if month:
            return month_range(int(year), int(month))
        if week:
            return week_range(date.fromisocalendar(int(year), int(week), 1))
        if quarter:
            return quarter_range(int(year), int(quarter))
        if half:
            return half_range(int(year), int(half))
        if season and season in SEASON_MONTHS:
            return season_range(int(year), season)
        return year_range(int(year))
    except ValueError:
        return None


@dataclass(frozen=True)
class SystemEvent:
    """What the engine said about one event: its trigger's offsets, its dates and relation."""

    start: int
    end: int
    earliest: date
    latest: date
    relation: str = ""
    title: str = ""


@dataclass
class AnchoringScore:
    """Counts over covered events; ``misses`` and ``bounded`` name the failures for reading."""

    covered: int = 0
    holding_linked: int = 0
    holds: int = 0
    boundary_linked: int = 0
    dated_at_boundary: int = 0
    misses: list[str] = field(default_factory=list)
    bounded: list[str] = field(default_factory=list)

    def add(self, other: AnchoringScore) -> None:
        self.covered += other.covered
        self.holding_linked += other.holding_linked
        self.holds += other.holds
        self.boundary_linked += other.boundary_linked
        self.dated_at_boundary += other.dated_at_boundary
        self.misses += other.misses
        self.bounded += other.bounded

    @property
    def holds_share(self) -> float:
        return self.holds / self.holding_linked if self.holding_linked else 0.0

    @property
    def boundary_share(self) -> float:
        return self.dated_at_boundary / self.boundary_linked if self.boundary_linked else 0.0


def compatible(event: Range, time: Range) -> bool:
    """One range inside the other: the event's date holds the time, or lies within it."""
    return (time[0] <= event[0] and event[1] <= time[1]) or (event[0] <= time[0] and time[1] <= event[1])


def inside(event: Range, time: Range) -> bool:
    return time[0] <= event[0] and event[1] <= time[1]


def score_anchoring(gold: LinkedDocument, events: Iterable[SystemEvent]) -> AnchoringScore:
    """Score one document's engine events against its gold event-time links."""
    document = gold.document
    times: dict[str, Range] = {}
    if document.dct is not None:
        times[gold.dct_tid] = (document.dct, document.dct)
    for timex in document.timexes:
        span = timex_range(timex.value, document.dct)
        if span is not None and timex.tid:
            times[timex.tid] = span
    links: dict[str, list[tuple[str, Range]]] = {}
    for link in gold.links:
        if link.tid in times:
            links.setdefault(link.eid, []).append((link.relation, times[link.tid]))
    linked = [e for e in gold.events if e.eid in links]
    score = AnchoringScore()
    for event in events:
        match = _matching(event, linked)
        if match is None:
            continue
        score.covered += 1
        own = (event.earliest, event.latest)
        sentence = _sentence_around(document.text, match.start)
        label = f"{document.id}: {match.text!r} {event.earliest}..{event.latest} {event.relation} in {sentence!r}"
        holding = [(relation, span) for relation, span in links[match.eid] if relation in HOLDING]
        if holding:
            score.holding_linked += 1
            if all(compatible(own, span) for _, span in holding):
                score.holds += 1
            else:
                score.misses.append(f"{label}; gold {_ranges(holding)}")
        bounding = [(relation, span) for relation, span in links[match.eid] if relation in BOUNDING]
        if bounding:
            score.boundary_linked += 1
            if any(inside(own, span) for _, span in bounding):
                score.dated_at_boundary += 1
                score.bounded.append(f"{label}; bounded by {_ranges(bounding)}")
    return score


def _matching(event: SystemEvent, linked: Sequence[TimeMLEvent]) -> TimeMLEvent | None:
    for gold_event in linked:
        if gold_event.start < event.end and event.start < gold_event.end:
            return gold_event
    return None


def _ranges(spans: Sequence[tuple[str, Range]]) -> str:
    return ", ".join(f"{relation} {a}..{b}" if a != b else f"{relation} {a}" for relation, (a, b) in spans)


def _sentence_around(text: str, offset: int) -> str:
    """The stretch of text between the full stops (or line breaks) around ``offset``, for reading."""
    starts = [text.rfind(mark, 0, offset) for mark in (". ", "\n")]
    ends = [i for i in (text.find(mark, offset) for mark in (". ", "\n")) if i >= 0]
    return " ".join(text[max(starts) + 1 : min(ends, default=len(text))].split())[:240]
