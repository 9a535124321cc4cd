"""Calendar arithmetic and TIMEX3 value formatting shared by every resolver."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
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
