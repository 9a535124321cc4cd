"""Named days: "Labor Day", "New Year's Eve", "Thanksgiving", "Easter"."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import regex

from timeline.temporal.lexicon import year_number
from timeline.temporal.resolve.context import ResolveContext, nearest
from timeline.temporal.timex import Resolution
from timeline.temporal.types import DATE


def _fixed(month: int, day: int) -> Callable[[int], date]:
    return lambda year: date(year, month, day)


def _nth_weekday(month: int, weekday: int, n: int) -> Callable[[int], date]:
    """n-th ``weekday`` of ``month`` (n=-1: the last one)."""

    def compute(year: int) -> date:
        if n > 0:
            first = date(year, month, 1)
            return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
        last = (date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1))
        return last - timedelta(days=(last.weekday() - weekday) % 7)

    return compute


def easter(year: int) -> date:
    """Gregorian Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * m + 114) // 31
    day = (h + l - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def _after_easter(days: int) -> Callable[[int], date]:
    return lambda year: easter(year) + timedelta(days=days)


def _election_day(year: int) -> date:
    return _nth_weekday(11, 0, 1)(year) + timedelta(days=1)  # the Tuesday after the first Monday


def _thanksgiving_friday(year: int) -> date:
    return _nth_weekday(11, 3, 4)(year) + timedelta(days=1)


A = "['’]"
# pattern (case-sensitive, as written in news copy) -> the day it names in a given year
HOLIDAYS: dict[str, Callable[[int], date]] = {
    rf"New Year{A}s Eve": _fixed(12, 31),
    rf"New Year{A}s(?: Day)?": _fixed(1, 1),
    r"Christmas Eve": _fixed(12, 24),
    r"Christmas(?: Day)?": _fixed(12, 25),
    r"Boxing Day": _fixed(12, 26),
    r"Independence Day": _fixed(7, 4),
    r"(?:the )?Fourth of July|July Fourth": _fixed(7, 4),
    r"Halloween": _fixed(10, 31),
    rf"(?:St\.? |Saint )?Valentine{A}s Day": _fixed(2, 14),
    rf"(?:St\.? |Saint )Patrick{A}s Day": _fixed(3, 17),
    r"Juneteenth": _fixed(6, 19),
    r"Veterans Day": _fixed(11, 11),
    r"Remembrance Day|Armistice Day": _fixed(11, 11),
    r"Thanksgiving(?: Day)?": _nth_weekday(11, 3, 4),
    r"Black Friday": _thanksgiving_friday,
    r"Labor Day": _nth_weekday(9, 0, 1),
    r"Memorial Day": _nth_weekday(5, 0, -1),
    r"Martin Luther King(?: Jr\.?)? Day|MLK Day": _nth_weekday(1, 0, 3),
    rf"Presidents{A}? Day": _nth_weekday(2, 0, 3),
    rf"Mother{A}s Day": _nth_weekday(5, 6, 2),
    rf"Father{A}s Day": _nth_weekday(6, 6, 3),
    r"Election Day": _election_day,
    r"Easter(?: Sunday)?": easter,
    r"Good Friday": _after_easter(-2),
    r"Easter Monday": _after_easter(1),
}
_COMPILED = [(regex.compile(rf"^(?:{p})$"), compute) for p, compute in HOLIDAYS.items()]
# Dict order matters: "New Year's Eve" is tried before "New Year's".
PATTERN = "|".join(f"(?:{p})" for p in HOLIDAYS)


def holiday(g: dict[str, "str | None"], ctx: ResolveContext) -> Resolution | None:
    name = g["holiday"]
    compute = next((c for pattern, c in _COMPILED if pattern.match(name)), None)
    if compute is None:
        return None
    if g.get("year"):
        day = compute(year_number(g["year"]))
    else:
        day = nearest([compute(y) for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1)], ctx.dct, ctx.direction)
    return Resolution(DATE, day.isoformat(), day, day, "day")
