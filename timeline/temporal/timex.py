"""Calendar arithmetic and TIMEX3 value formatting shared by every resolver."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from timeline.temporal.types import OPEN_END, OPEN_START

SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}

_TIMEX_VALUE = re.compile(
    r"""^(?:
        PRESENT_REF|PAST_REF|FUTURE_REF
      | P(?:\d+(?:\.\d+)?|X)(?:Y|M|W|D|DE|CE|Q|H|L)           # date durations, decades (DE)
      | PT(?:\d+(?:\.\d+)?|X)(?:H|M|S)                        # time durations
      | P(?:\d+|X)(?:WE|MO|AF|EV|NI)                          # durations of parts of day/week
      | (?:\d{4}|\d{3}X|\d{2}XX|XXXX|\d{3}|\d{2})
        (?:-(?:\d{2}|XX)(?:-(?:\d{2}|XX))?
          |-W(?:\d{2}|XX)(?:-(?:\d|WE))?
          |-Q[1-4]|-H[12]|-(?:SP|SU|FA|WI))?
        (?:T(?:(?:[01]\d|2[0-3])(?::[0-5]\d)?|MO|MI|AF|EV|NI|DT))?
    )$""",
    re.VERBOSE,
)


def is_timex_value(value: str) -> bool:
    """True when ``value`` is a well-formed TIMEX3 value as TimeBank writes them."""
    return bool(_TIMEX_VALUE.match(value))


@dataclass(frozen=True)
class Resolution:
    """What a resolver returns for one expression (offsets are the caller's business)."""

    type: str
    value: str
    earliest: date
    latest: date
    granularity: str
    mod: str = ""
    anchor: str = "DCT"
    note: str = field(default="", compare=False)  # how the resolver chose (distance, anchor), for people
    # A period named only to compare ("the year-ago quarter"): never the date the story is on.
    comparison: bool = field(default=False, compare=False)


def clamp_date(year: int, month: int, day: int) -> date | None:
    """A real calendar date or None ("February 30" is not produced)."""
    if not (1 <= month <= 12) or not (1 <= year <= 9999):
        return None
    if not (1 <= day <= calendar.monthrange(year, month)[1]):
        return None
    return date(year, month, day)


def add_days(d: date, days: int) -> date:
    try:
        return d + timedelta(days=days)
    except OverflowError:
        return OPEN_END if days > 0 else OPEN_START


def add_months(d: date, months: int) -> date:
    index = d.year * 12 + (d.month - 1) + months
    year, month = divmod(index, 12)
    year = min(max(year, 1), 9999)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(d.day, last))


def week_range(d: date) -> tuple[date, date]:
    start = d - timedelta(days=d.weekday())
    return start, add_days(start, 6)


def week_value(d: date) -> str:
    iso_year, iso_week, _ = d.isocalendar()
    return f"{iso_year:04d}-W{iso_week:02d}"


def weekend_range(d: date) -> tuple[date, date]:
    monday, _ = week_range(d)
    return add_days(monday, 5), add_days(monday, 6)


def month_range(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def quarter_range(year: int, quarter: int) -> tuple[date, date]:
    first_month = 3 * (quarter - 1) + 1
    return date(year, first_month, 1), month_range(year, first_month + 2)[1]


def half_range(year: int, half: int) -> tuple[date, date]:
    return (date(year, 1, 1), date(year, 6, 30)) if half == 1 else (date(year, 7, 1), date(year, 12, 31))


def year_range(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


def season_range(year: int, season: str) -> tuple[date, date]:
    """Meteorological seasons; winter YEAR runs Dec YEAR .. Feb YEAR+1 (TimeML convention)."""
    first, last = SEASON_MONTHS[season]
    if season == "WI":
        end_year = min(year + 1, 9999)
        return date(year, 12, 1), month_range(end_year, 2)[1]
    return date(year, first, 1), month_range(year, last)[1]


def decade_range(decade_start: int) -> tuple[date, date]:
    return date(max(decade_start, 1), 1, 1), date(min(decade_start + 9, 9999), 12, 31)


def century_range(century_index: int) -> tuple[date, date]:
    """``century_index`` 20 is the years 1900-1999 (as TimeML's value "19")."""
    start = max(century_index * 100, 1)
    return date(start, 1, 1), date(min(century_index * 100 + 99, 9999), 12, 31)


def open_future(dct: date) -> Resolution:
    return Resolution("DATE", "FUTURE_REF", dct, OPEN_END, "open")


def open_past(dct: date) -> Resolution:
    return Resolution("DATE", "PAST_REF", OPEN_START, dct, "open")


# Shortest range a unit must span for early/mid/late to narrow it (a range already cut at the
# DCT, "earlier this year", is left alone).
_FULL_UNIT_DAYS = {"week": 7, "month": 28, "quarter": 90, "season": 90, "year": 365, "decade": 3652, "century": 36524}


def narrow_to_mod(resolution: Resolution) -> Resolution:
    """Keep the TIMEX3 value and mod, but let earliest..latest cover only the part meant.

    START/MID/END ("early", "mid-", "late", "the beginning/end of") take the first, middle or
    last third of the unit; of a week, the first or last three days (the middle three for MID).
    """
    days = (resolution.latest - resolution.earliest).days + 1
    if resolution.mod not in ("START", "MID", "END") or days < _FULL_UNIT_DAYS.get(resolution.granularity, 10**9):
        return resolution
    if resolution.granularity in ("quarter", "season", "year"):  # whole months: "late 2023" is Sep-Dec
        months = (
            (resolution.latest.year - resolution.earliest.year) * 12
            + resolution.latest.month
            - resolution.earliest.month
            + 1
        )
        third = months // 3
        first = {"START": 0, "MID": third, "END": months - third}[resolution.mod]
        start = add_months(resolution.earliest, first)
        # the middle third is all that the first and last thirds leave (14 months: 4 + 6 + 4)
        span = months - 2 * third if resolution.mod == "MID" else third
        end = add_days(add_months(start, span), -1)
        return replace(resolution, earliest=start, latest=end)
    if resolution.granularity in ("decade", "century"):  # whole years: "the late 1990s" is 1997-1999
        years = resolution.latest.year - resolution.earliest.year + 1
        third = years // 3
        first = resolution.earliest.year + {"START": 0, "MID": third, "END": years - third}[resolution.mod]
        span = years - 2 * third if resolution.mod == "MID" else third  # "the mid-1970s": 1973-1976
        return replace(resolution, earliest=date(first, 1, 1), latest=date(first + span - 1, 12, 31))
    part = 3 if resolution.granularity == "week" else days // 3
    if resolution.mod == "START":
        start, end = resolution.earliest, add_days(resolution.earliest, part - 1)
    elif resolution.mod == "END":
        start, end = add_days(resolution.latest, -(part - 1)), resolution.latest
    else:
        offset = 2 if resolution.granularity == "week" else part
        start = add_days(resolution.earliest, offset)
        end = add_days(start, 2) if resolution.granularity == "week" else add_days(resolution.latest, -part)
    return replace(resolution, earliest=start, latest=end)
