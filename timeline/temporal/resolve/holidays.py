"""Named days: "Labor Day", "New Year's Eve", "Thanksgiving", "Easter"."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from functools import lru_cache

import holidays
import regex
from convertdate import holidays as calendar_holidays

from timeline.temporal.lexicon import year_number
from timeline.temporal.resolve.captures import Captures, reads
from timeline.temporal.resolve.context import ResolveContext, nearest
from timeline.temporal.resolve.ordinal import nth_weekday
from timeline.temporal.timex import Resolution, week_value
from timeline.temporal.types import DATE


def _fixed(month: int, day: int) -> Callable[[int], date]:
    return lambda year: date(year, month, day)


def _library(compute: Callable[[int], tuple[int, int, int]], shift: int = 0) -> Callable[[int], date]:
    """A day from convertdate's holiday calendar (Gregorian, Hebrew and Islamic rules kept there)."""
    return lambda year: date(*compute(year)) + timedelta(days=shift)


@lru_cache(maxsize=256)
def _country(year: int, country: str) -> tuple[tuple[date, str], ...]:
    """One country's public holidays for a year, built once (the holidays package is not cheap)."""
    return tuple(holidays.country_holidays(country, years=year).items())


def _us_federal(name: str, shift: int = 0) -> Callable[[int], date]:
    """A US federal holiday as the holidays package dates it (convertdate 2.5 misplaces some
    n-th weekdays, e.g. Thanksgiving 2023 on Nov. 30)."""

    def compute(year: int) -> date:
        found = [day for day, label in _country(year, "US") if label == name]
        if not found:
            raise ValueError(f"no {name} in {year}")
        return found[0] + timedelta(days=shift)

    return compute


def _nth(month: int, weekday: int, n: int) -> Callable[[int], date]:
    return lambda year: nth_weekday(year, month, weekday, n)


def easter(year: int) -> date:
    """Western Easter Sunday."""
    return date(*calendar_holidays.easter(year))


def _diwali(year: int) -> date:
    """Diwali as India's public-holiday calendar (the holidays package) fixes it."""
    found = [day for day, name in _country(year, "IN") if name == "Diwali"]
    if not found:
        raise ValueError(f"no Diwali date known for {year}")
    return found[0]


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
    r"Thanksgiving(?: Day)?": _us_federal("Thanksgiving Day"),
    r"Black Friday": _us_federal("Thanksgiving Day", 1),
    r"Labor Day": _us_federal("Labor Day"),
    r"Memorial Day": _us_federal("Memorial Day"),
    r"Martin Luther King(?: Jr\.?)? Day|MLK Day": _us_federal("Martin Luther King Jr. Day"),
    rf"Presidents{A}? Day": _us_federal("Washington's Birthday"),
    rf"Mother{A}s Day": _nth(5, 6, 2),
    rf"Father{A}s Day": _nth(6, 6, 3),
    r"Election Day": lambda year: _nth(11, 0, 1)(year) + timedelta(days=1),  # the Tuesday after the first Monday
    r"Easter(?: Sunday)?": easter,
    r"Good Friday": _library(calendar_holidays.easter, -2),
    r"Easter Monday": _library(calendar_holidays.easter, 1),
    r"Ramadan": _library(calendar_holidays.ramadan),  # its first day
    r"Eid al-Fitr|Eid ul-Fitr": _library(calendar_holidays.eid_alfitr),
    r"Yom Kippur": _library(calendar_holidays.yom_kippur),
    r"Rosh Hashanah|Rosh Hashana": _library(calendar_holidays.rosh_hashanah),
    r"Passover": _library(calendar_holidays.passover),
    r"Hanukkah|Chanukah": _library(calendar_holidays.hanukkah),
    r"Diwali|Deepavali": _diwali,
}
_COMPILED = [(regex.compile(rf"^(?:{p})$"), compute) for p, compute in HOLIDAYS.items()]
# Dict order matters: "New Year's Eve" is tried before "New Year's".
PATTERN = "|".join(f"(?:{p})" for p in HOLIDAYS)


# Days a holiday weekend runs from and to, by the holiday's weekday (Monday=0): a Monday holiday
# closes a three-day weekend, Thanksgiving opens a four-day one, a Wednesday one looks ahead.
WEEKEND_SPAN = {0: (-2, 0), 1: (-3, 0), 2: (3, 4), 3: (0, 3), 4: (0, 2), 5: (0, 1), 6: (-1, 0)}


@reads("holiday", "year", "hrel", "weekend")
def holiday(g: Captures, ctx: ResolveContext) -> Resolution | None:
    """A named day; "last"/"next"/"this" pick the occurrence, "weekend" the days around it."""
    name = g["holiday"]
    compute = next((c for pattern, c in _COMPILED if pattern.match(name)), None)
    if compute is None:
        return None
    years = [year_number(g["year"])] if g["year"] else [ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1]
    days = [day for year in years if (day := _day_in(compute, year)) is not None]
    if not days:
        return None
    relation = " ".join((g["hrel"] or "").lower().split())
    if g["year"]:
        day = days[0]
    elif relation in ("last", "this past"):
        day = max((d for d in days if d < ctx.dct), default=days[0])
    elif relation in ("next", "this coming"):
        day = min((d for d in days if d > ctx.dct), default=days[-1])
    elif relation == "this":
        day = next((d for d in days if d.year == ctx.dct.year), days[0])
    else:
        day = nearest(days, ctx.dct, ctx.direction)
    if g["weekend"]:
        before, after = WEEKEND_SPAN[day.weekday()]
        start, end = day + timedelta(days=before), day + timedelta(days=after)
        saturday = start + timedelta(days=(5 - start.weekday()) % 7)  # the week the weekend is labelled by
        return Resolution(DATE, f"{week_value(saturday)}-WE", start, end, "week")
    return Resolution(DATE, day.isoformat(), day, day, "day")


def _day_in(compute: Callable[[int], date], year: int | None) -> date | None:
    """The holiday in ``year``, or None where its calendar gives none (Diwali far from today)."""
    if year is None:
        return None
    try:
        return compute(year)
    except (ValueError, OverflowError):
        return None
