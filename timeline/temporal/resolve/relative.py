"""Dates counted from the DCT: "yesterday", "last week", "earlier this year", "two days ago"."""

from __future__ import annotations

from datetime import date

from timeline.temporal.lexicon import UNITS, VAGUE_QUANTITIES, number_value
from timeline.temporal.resolve.captures import Captures, reads
from timeline.temporal.resolve.common import UnknownUnit, mod_of, unit_name
from timeline.temporal.resolve.context import FUTURE, SCHEDULED, ResolveContext
from timeline.temporal.resolve.fiscal import previous_year, year_ago_in_quarter
from timeline.temporal.resolve.spans import plain_duration
from timeline.temporal.timex import (
    Resolution,
    add_days,
    add_months,
    century_range,
    decade_range,
    month_range,
    open_future,
    open_past,
    quarter_range,
    week_range,
    week_value,
    weekend_range,
    year_range,
)
from timeline.temporal.types import DATE, TIME

DAY_WORDS = {"today": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2, "the day after tomorrow": 2}
RELATION_OFFSETS = {
    "last": -1,
    "past": -1,
    "previous": -1,
    "latest": -1,
    "this": 0,
    "current": 0,
    "next": 1,
    "coming": 1,
    "the": 0,
    "this past": -1,
    "this coming": 1,
}


def calendar_unit(dct: date, unit: str, offset: int) -> Resolution | None:
    """The calendar ``unit`` (week, month, ...) ``offset`` units from the DCT's own; None for a unit
    of the clock (an hour is no calendar unit), and an unknown unit raises."""
    if unit not in UNITS:
        raise UnknownUnit(unit)
    if unit in ("day", "night"):
        d = add_days(dct, offset)
        return Resolution(DATE, d.isoformat(), d, d, "day")
    if unit in ("week", "fortnight"):
        d = add_days(dct, 7 * offset)
        start, end = week_range(d)
        return Resolution(DATE, week_value(d), start, end, "week")
    if unit == "weekend":
        d = add_days(dct, 7 * offset)
        start, end = weekend_range(d)
        return Resolution(DATE, f"{week_value(d)}-WE", start, end, "week")
    if unit == "month":
        d = add_months(date(dct.year, dct.month, 1), offset)
        start, end = month_range(d.year, d.month)
        return Resolution(DATE, f"{d.year:04d}-{d.month:02d}", start, end, "month")
    if unit == "quarter":
        index = dct.year * 4 + (dct.month - 1) // 3 + offset
        year, q = divmod(index, 4)
        start, end = quarter_range(year, q + 1)
        return Resolution(DATE, f"{year:04d}-Q{q + 1}", start, end, "quarter")
    if unit == "year":
        year = dct.year + offset
        start, end = year_range(year)
        return Resolution(DATE, f"{year:04d}", start, end, "year")
    if unit == "decade":
        first = dct.year // 10 * 10 + 10 * offset
        start, end = decade_range(first)
        return Resolution(DATE, f"{first // 10:03d}", start, end, "decade")
    if unit == "century":
        index = dct.year // 100 + offset
        start, end = century_range(index)
        return Resolution(DATE, f"{index:02d}", start, end, "century")
    return None


@reads("unit", "which")
def two_away(g: Captures, ctx: ResolveContext) -> Resolution | None:
    """ "the week after next" (two weeks on), "the night before last" (two nights back)."""
    unit = g["unit"].lower()
    offset = 2 if g["which"].lower().split()[0] == "after" else -2
    if unit == "night":
        d = add_days(ctx.dct, offset)
        return Resolution(TIME, f"{d.isoformat()}TNI", d, d, "part_of_day")
    return calendar_unit(ctx.dct, unit, offset)


@reads("dayword")
def day_word(g: Captures, ctx: ResolveContext) -> Resolution | None:
    key = " ".join(g["dayword"].lower().split())
    d = add_days(ctx.dct, DAY_WORDS[key])
    return Resolution(DATE, d.isoformat(), d, d, "day")


@reads("rel", "unit", "mod")
def relative_unit(g: Captures, ctx: ResolveContext) -> Resolution | None:
    """ "last week", "this year", "next month", "early next year", "the end of the month"."""
    relation = " ".join((g["rel"] or "the").lower().split())
    unit = unit_name(g["unit"])
    if (
        unit == "weekend" and relation == "the" and ctx.dct.weekday() < 5 and ctx.direction not in (FUTURE, SCHEDULED)
    ):  # "over the weekend" in a weekday story is the one just past
        return calendar_unit(ctx.dct, "weekend", -1)
    resolution = calendar_unit(ctx.dct, unit, RELATION_OFFSETS[relation])
    if resolution is None:
        return None
    mod = mod_of(g["mod"])
    return Resolution(
        resolution.type, resolution.value, resolution.earliest, resolution.latest, resolution.granularity, mod
    )


@reads("unit", "side")
def within_unit(g: Captures, ctx: ResolveContext) -> Resolution | None:
    """ "earlier this year" (start of the year to the DCT), "later this month" (DCT to its end)."""
    resolution = calendar_unit(ctx.dct, unit_name(g["unit"]), 0)
    if resolution is None:
        return None
    if g["side"].lower() == "earlier":
        return Resolution(DATE, resolution.value, resolution.earliest, ctx.dct, resolution.granularity, "START")
    return Resolution(DATE, resolution.value, ctx.dct, resolution.latest, resolution.granularity, "END")


@reads("ago", "num", "unit")
def shifted(g: Captures, ctx: ResolveContext) -> Resolution | None:
    """ "two days ago", "three weeks from now", "in two weeks" (from the DCT)."""
    sign = -1 if g["ago"] else 1
    quantity = (g["num"] or "").lower()
    unit = unit_name(g["unit"])
    if quantity in VAGUE_QUANTITIES or not quantity:
        return open_past(ctx.dct) if sign < 0 else open_future(ctx.dct)
    number = number_value(quantity)
    if number is None or number != int(number):
        return None
    steps = int(number) * sign
    if unit == "year" and steps == -1:  # "$3 million a year ago" beside a quarter: the year-ago quarter
        return year_ago_in_quarter(ctx) or previous_year(ctx)  # a baseline compared with, not narrated
    if unit in ("hour", "minute", "second"):
        return Resolution(DATE, ctx.dct.isoformat(), ctx.dct, ctx.dct, "day")
    if unit in ("day", "week", "fortnight", "weekend"):  # "a week ago" is a day: the DCT's precision
        days = steps * {"day": 1, "week": 7, "fortnight": 14, "weekend": 7}[unit]
        return calendar_unit(ctx.dct, "day", days)
    if unit == "month":
        return calendar_unit(ctx.dct, "month", steps)
    if unit in ("year", "decade", "century", "quarter"):
        return calendar_unit(ctx.dct, unit, steps)
    return None


@reads("unit")
def day_of_dct(g: Captures, ctx: ResolveContext) -> Resolution | None:
    """ "throughout the day", "earlier in the day": the day the narrative is on (the last dated
    day before it), else the DCT's; "an election year": the DCT's year."""
    unit = unit_name(g["unit"] or "day")
    anchor = ctx.anchor
    if unit == "day" and anchor is not None and anchor.granularity in ("day", "part_of_day", "time"):
        resolution = calendar_unit(anchor.earliest, "day", 0)
        if resolution is not None:
            return Resolution(
                resolution.type,
                resolution.value,
                resolution.earliest,
                resolution.latest,
                resolution.granularity,
                anchor=f"e{anchor.index}",
            )
    return calendar_unit(ctx.dct, unit, 0)


@reads("num", "unit", "dmod")
def in_from_dct(g: Captures, ctx: ResolveContext) -> Resolution | None:
    """ "will arrive in 3 weeks": the date 3 weeks after the DCT when the clause looks ahead;
    "was built in 3 weeks" (or no tense) stays a length."""
    if ctx.direction in (FUTURE, SCHEDULED):
        return shifted(g.but(ago=None), ctx)
    return plain_duration(g, ctx)
