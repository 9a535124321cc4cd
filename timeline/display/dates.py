"""Resolved dates in words people read at a glance ("Sat 13 Apr 2024", "1–7 Apr 2024 (week)").

TIMEX values ("PXD", "FUTURE_REF", "2024-W15") and the open-end sentinel dates
(0001-01-01, 9999-12-31) are for experts and machines; pages, hovers, exports and
the admin lists show these readings instead.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from typing import Protocol

from timeline.temporal.types import OPEN_END, OPEN_START

PART_OF_DAY_NAMES = {
    "MO": "morning", "MI": "midday", "AF": "afternoon", "EV": "evening", "NI": "night", "DT": "daytime",
}  # fmt: skip
SEASON_NAMES = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
_CLOCK = re.compile(r"^([01]\d|2[0-3])(?::([0-5]\d))?")


class DatedThing(Protocol):
    earliest: date
    latest: date
    value: str
    granularity: str


def _day(day: date, weekday: bool = False) -> str:
    text = f"{day.day} {day:%b} {day.year}"
    return f"{day:%a} {text}" if weekday else text


def _is_month_end(day: date) -> bool:
    return day.day == calendar.monthrange(day.year, day.month)[1]


def describe_range(earliest: date, latest: date) -> str:
    """Readable form of the inclusive range ``earliest..latest``; open ends read "until"/"from … on"."""
    if earliest == OPEN_START and latest == OPEN_END:
        return "any time"
    if earliest == OPEN_START:
        return f"until {_day(latest, weekday=True)}"
    if latest == OPEN_END:
        return f"from {_day(earliest, weekday=True)} on (open-ended)"
    if earliest == latest:
        return _day(earliest, weekday=True)
    if earliest.day == 1 and _is_month_end(latest):
        if earliest.month == 1 and latest.month == 12:
            return str(earliest.year) if earliest.year == latest.year else f"{earliest.year}–{latest.year}"
        if (earliest.year, earliest.month) == (latest.year, latest.month):
            return f"{earliest:%b} {earliest.year}"
        if earliest.year == latest.year:
            return f"{earliest:%b}–{latest:%b} {latest.year}"
        return f"{earliest:%b} {earliest.year} – {latest:%b} {latest.year}"
    if (earliest.year, earliest.month) == (latest.year, latest.month):
        return f"{earliest.day}–{latest.day} {latest:%b} {latest.year}"
    if earliest.year == latest.year:
        return f"{earliest.day} {earliest:%b} – {latest.day} {latest:%b} {latest.year}"
    return f"{_day(earliest)} – {_day(latest)}"


def describe_dates(earliest: date, latest: date, value: str = "", granularity: str = "") -> str:
    """What an event's resolved dates mean, in words: the range, plus the time of day,
    week, quarter or season its TIMEX ``value`` names. Durations ("PXD") read as their range."""
    text = describe_range(earliest, latest)
    if earliest == OPEN_START or latest == OPEN_END or not value[:1].isdigit():
        return text  # open-ended, a duration or a *_REF value: the range says it all
    if earliest == latest:
        clock = value.partition("T")[2]
        if clock in PART_OF_DAY_NAMES:
            return f"{text}, {PART_OF_DAY_NAMES[clock]}"
        if clock.startswith("24"):  # "midnight Friday": the end of that day
            return f"{text}, midnight"
        if match := _CLOCK.match(clock):
            return f"{text}, {match.group(1)}:{match.group(2) or '00'}"
        return text
    if re.search(r"-W(\d{2}|XX)", value):
        return f"{text} ({'weekend' if value.endswith('-WE') else 'week'})"
    if quarter := re.search(r"-Q([1-4])$", value):
        return f"{text} (Q{quarter.group(1)})"
    if (season := value[-2:]) in SEASON_NAMES and value[-3:-2] == "-":
        return f"{text} ({SEASON_NAMES[season]})"
    if granularity == "decade" and earliest.year % 10 == 0 and latest.year == earliest.year + 9:
        return f"the {earliest.year}s"
    return text


def describe_event(event: DatedThing) -> str:
    """``describe_dates`` for anything with earliest, latest, value and granularity (events, chart rows)."""
    return describe_dates(event.earliest, event.latest, event.value, event.granularity)


def iso_range(earliest: date, latest: date) -> str:
    """The range in ISO form for experts, with open ends as "open" instead of 0001/9999 dates."""
    left = "open" if earliest == OPEN_START else earliest.isoformat()
    right = "open" if latest == OPEN_END else latest.isoformat()
    return left if left == right else f"{left} → {right}"
