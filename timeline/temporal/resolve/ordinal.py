"""Days named by their place in a month or week: "the first Tuesday of October", "last Friday in
October", "the week of October 7"; and ranges read as one expression ("July 13-15")."""

from __future__ import annotations

import calendar
from datetime import date

from timeline.temporal.lexicon import ORDINALS, WEEKDAYS, year_number
from timeline.temporal.resolve.absolute import month_alone, month_day
from timeline.temporal.resolve.captures import Captures, reads
from timeline.temporal.resolve.common import month_number
from timeline.temporal.resolve.context import ResolveContext
from timeline.temporal.timex import Resolution, week_range, week_value
from timeline.temporal.types import DATE


def nth_weekday(year: int, month: int, weekday: int, ordinal: int) -> date | None:
    """The ``ordinal``-th (1-based; -1 for the last) ``weekday`` of a month, or None."""
    days = [d for d in range(1, calendar.monthrange(year, month)[1] + 1) if date(year, month, d).weekday() == weekday]
    if ordinal == -1:
        return date(year, month, days[-1])
    return date(year, month, days[ordinal - 1]) if 1 <= ordinal <= len(days) else None


@reads("nth", "year", "month", "weekday")
def weekday_of_month(g: Captures, ctx: ResolveContext) -> Resolution | None:
    """ "the first Tuesday of October": the month as a bare month would resolve, then the day in it."""
    word = g["nth"].lower()
    ordinal = -1 if word in ("last", "final") else ORDINALS.get(word, 0)
    if g["year"]:
        year = year_number(g["year"])
    else:
        month_resolution = month_alone(Captures(month=g["month"], rel=None, mod=None), ctx)
        if month_resolution is None:
            return None
        year = month_resolution.earliest.year
    if not ordinal or year is None:
        return None
    day = nth_weekday(year, month_number(g["month"]), WEEKDAYS[g["weekday"].lower().rstrip(".")], ordinal)
    if day is None:
        return None
    return Resolution(DATE, day.isoformat(), day, day, "day", note="the month as named, then that weekday in it")


@reads("month", "day", "year", "weekday")
def week_of(g: Captures, ctx: ResolveContext) -> Resolution | None:
    """ "the week of October 7": the Monday-Sunday week holding that day."""
    inner = month_day(g, ctx)
    if inner is None:
        return None
    start, end = week_range(inner.earliest)
    return Resolution(DATE, week_value(inner.earliest), start, end, "week", note=inner.note)


@reads("month1", "month2", "day1", "day2", "year")
def day_range(g: Captures, ctx: ResolveContext) -> Resolution | None:
    """ "July 13-15", "from 13 to 15 July", "Jan. 3 to Feb. 9": one expression spanning the range.

    The TIMEX3 value is the first day's; earliest..latest cover the whole range.
    """
    first = month_day(Captures(month=g["month1"] or g["month2"], day=g["day1"], year=g["year"], weekday=None), ctx)
    if first is None:
        return None
    end_month = g["month2"] or g["month1"]
    last_year = first.earliest.year + (1 if month_number(end_month) < first.earliest.month else 0)
    last = month_day(Captures(month=end_month, day=g["day2"], year=str(last_year), weekday=None), ctx)
    if last is None or last.earliest < first.earliest:
        return None
    return Resolution(DATE, first.value, first.earliest, last.latest, "day", note="a range of days: " + first.note)


@reads("month1", "month2")
def month_range(g: Captures, ctx: ResolveContext) -> Resolution | None:
    """ "between March and May", "from June to August": the months and those between."""
    first = month_alone(Captures(month=g["month1"], rel=None, mod=None), ctx)
    if first is None:
        return None
    end_number = month_number(g["month2"])
    end_year = first.earliest.year + (1 if end_number < first.earliest.month else 0)
    last_day = date(end_year, end_number, calendar.monthrange(end_year, end_number)[1])
    return Resolution(DATE, first.value, first.earliest, last_day, "month", note="a range of months")


@reads("nth", "year", "month")
def week_of_month(g: Captures, ctx: ResolveContext) -> Resolution | None:
    """ "the second week of May": days 8-14 of the month as a bare month resolves (the last week:
    its last seven days), labelled with the ISO week its first day falls in."""
    word = g["nth"].lower()
    ordinal = -1 if word in ("last", "final") else ORDINALS.get(word, 0)
    if g["year"]:
        year = year_number(g["year"])
    else:  # the month where a bare month would fall
        month = month_alone(Captures(month=g["month"], rel=None, mod=None), ctx)
        year = month.earliest.year if month else None
    if not ordinal or year is None or ordinal > 4:
        return None
    number = month_number(g["month"])
    days_in_month = calendar.monthrange(year, number)[1]
    first_day = days_in_month - 6 if ordinal == -1 else 7 * (ordinal - 1) + 1
    start = date(year, number, first_day)
    end = date(year, number, min(first_day + 6, days_in_month))
    return Resolution(DATE, week_value(start), start, end, "week", note="seven days of the month, by their order")
