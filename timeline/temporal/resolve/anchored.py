"""Expressions read against an earlier date in the text: "the following day", "two days later",
"the days leading up to Saturday"."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from timeline.temporal.lexicon import PARTS_OF_DAY, SEASONS, WEEKDAYS, number_value
from timeline.temporal.resolve.absolute import month_day
from timeline.temporal.resolve.captures import Captures, reads
from timeline.temporal.resolve.common import UnknownUnit, unit_name
from timeline.temporal.resolve.context import ResolveContext
from timeline.temporal.resolve.dayparts import day_reference
from timeline.temporal.resolve.relative import calendar_unit
from timeline.temporal.resolve.spans import duration_value
from timeline.temporal.timex import Resolution, add_days, add_months, season_range
from timeline.temporal.types import DURATION, TIME

FORWARD = {"following", "next", "after", "later", "subsequent"}
BACKWARD = {"previous", "prior", "before", "earlier", "preceding"}
SAME = {"that", "the same", "same"}
NAMED_DAY_STEPS = {"day": 1, "week": 7, "fortnight": 14}
LEAD_WINDOW_DAYS = {"hour": 1, "day": 7, "night": 7, "week": 28, "month": 90, "year": 365}


DAY_ANCHORS = ("day", "part_of_day", "time", "week", "month")
COARSE_ANCHORS = ("quarter", "season", "year")


def _anchor_day(ctx: ResolveContext) -> tuple[date, str]:
    """The day "the next day" counts from: the last day-like date in the text, else the DCT."""
    if ctx.anchor is not None and ctx.anchor.granularity in DAY_ANCHORS:
        return ctx.anchor.latest, f"e{ctx.anchor.index}"
    return ctx.dct, "DCT"


def _with_anchor(resolution: Resolution | None, anchor: str) -> Resolution | None:
    if resolution is None:
        return None
    return Resolution(
        resolution.type,
        resolution.value,
        resolution.earliest,
        resolution.latest,
        resolution.granularity,
        resolution.mod,
        anchor,
    )


@reads("arel", "aunit")
def relative_to_anchor(g: Captures, ctx: ResolveContext) -> Resolution | None:
    """ "the following day", "the day before", "that night", "the next week"."""
    relation = " ".join(g["arel"].lower().split())
    unit_word = g["aunit"].lower()
    day, anchor = _anchor_day(ctx)
    if unit_word in ("month", "year") and ctx.anchor is not None and ctx.anchor.granularity in COARSE_ANCHORS:
        day, anchor = ctx.anchor.earliest, f"e{ctx.anchor.index}"  # "in 1959 ... the following year"
    step = 1 if relation in FORWARD else -1 if relation in BACKWARD else 0
    if unit_word == "weekend" and step:  # the first weekend after (or before) the anchor day
        days_to_saturday = (5 - day.weekday()) % 7 or 7 if step > 0 else -((day.weekday() - 6) % 7 or 7)
        return _with_anchor(calendar_unit(add_days(day, days_to_saturday), "weekend", 0), anchor)
    if unit_word in PARTS_OF_DAY:
        target = add_days(day, step)
        code = PARTS_OF_DAY[unit_word]
        return Resolution(TIME, f"{target.isoformat()}T{code}", target, target, "part_of_day", "", anchor)
    return _with_anchor(calendar_unit(day, unit_name(unit_word), step), anchor)


@reads("weekday", "arel")
def weekday_from_anchor(g: Captures, ctx: ResolveContext) -> Resolution | None:
    """ "the previous Friday", "the following Monday": that weekday strictly before or after the
    day the narrative is on (the last day-like date), else the DCT."""
    weekday = WEEKDAYS.get(g["weekday"].lower().rstrip("."))
    if weekday is None:
        return None
    day, anchor = _anchor_day(ctx)
    relation = " ".join(g["arel"].lower().split()).removeprefix("the ")
    if relation in FORWARD:
        target = add_days(day, (weekday - day.weekday()) % 7 or 7)
    else:
        target = add_days(day, -((day.weekday() - weekday) % 7 or 7))
    return Resolution("DATE", target.isoformat(), target, target, "day", "", anchor)


@reads("season", "arel")
def season_from_anchor(g: Captures, ctx: ResolveContext) -> Resolution | None:
    """ "the following spring", "that summer", "the previous winter", counted from the last date."""
    if ctx.anchor is None or ctx.anchor.granularity == "open":
        return None
    code = SEASONS[g["season"].lower()]
    relation = " ".join(g["arel"].lower().split()).removeprefix("the ")
    reference = ctx.anchor.earliest
    years = range(reference.year - 2, reference.year + 3)
    if relation in FORWARD:
        year = min(y for y in years if season_range(y, code)[0] > ctx.anchor.latest)
    elif relation in BACKWARD:
        year = max(y for y in years if season_range(y, code)[1] < reference)
    else:  # "that summer": the one holding the anchor, else the one in the anchor's year
        holding = [y for y in years if season_range(y, code)[0] <= reference <= season_range(y, code)[1]]
        year = holding[0] if holding else reference.year
    start, end = season_range(year, code)
    return Resolution("DATE", f"{year:04d}-{code}", start, end, "season", "", f"e{ctx.anchor.index}")


@reads("num", "dir", "unit")
def offset_from_anchor(g: Captures, ctx: ResolveContext) -> Resolution | None:
    """ "two days later", "a week earlier", "three weeks after that"."""
    quantity = number_value(g["num"])
    if quantity is None or quantity != int(quantity):
        return None
    direction = 1 if g["dir"].lower().split()[0] in FORWARD else -1
    unit = unit_name(g["unit"])
    steps = int(quantity) * direction
    if direction > 0 and (ctx.anchor is None or ctx.anchor.granularity == "open"):
        # "Two decades later, it reopened" with no earlier date: later than what is unknown, so
        # only the length is told (counting from the article's date would put it in the future;
        # "a year earlier" still counts back from the article's date, like "a year ago")
        return Resolution(
            DURATION,
            duration_value(quantity, unit),
            ctx.dct,
            ctx.dct,
            "day",
            note="no earlier date in the text to count from: a length only",
        )
    if unit in ("decade", "century") and ctx.anchor.granularity in COARSE_ANCHORS + ("decade", "century"):
        return _with_anchor(calendar_unit(ctx.anchor.earliest, unit, steps), f"e{ctx.anchor.index}")
    day, anchor = _anchor_day(ctx)
    if (
        ctx.anchor is not None
        and ctx.anchor.granularity in ("month", "quarter", "year")
        and unit in ("month", "quarter", "year")
    ):  # "a year earlier" than 2024-Q2 is 2023-Q2: keep the anchor's precision
        months = {"month": 1, "quarter": 3, "year": 12}[unit] * steps
        shifted = _with_anchor(shift_unit(ctx.anchor.earliest, ctx.anchor.granularity, months), anchor)
        if shifted is not None and steps < 0:
            # "up from $2 a year earlier" compares with the period reported; it does not move the
            # story there, so a second "a year earlier" still counts from the reported period
            shifted = replace(shifted, comparison=True)
        return shifted
    if unit in ("hour", "minute", "second"):
        return Resolution("DATE", day.isoformat(), day, day, "day", "", anchor)
    if unit in ("day", "week", "fortnight"):
        target = add_days(day, steps * (1 if unit == "day" else 7 if unit == "week" else 14))
        return Resolution("DATE", target.isoformat(), target, target, "day", "", anchor)
    return _with_anchor(calendar_unit(day, unit, steps), anchor)


@reads("num", "dir", "unit", "dayword", "weekday", "rel")
def offset_from_named_day(g: Captures, ctx: ResolveContext) -> Resolution | None:
    """ "a week from Friday", "two days after tomorrow": a named day moved by whole days or weeks.
    Counting "from" a weekday counts from the next one ("a week from Friday" lies ahead)."""
    quantity = number_value(g["num"])
    if quantity is None or quantity != int(quantity):
        return None
    relation = g["dir"].lower()
    reference_context = replace(ctx, direction="future", strength=2) if relation == "from" else ctx
    day = day_reference(g, reference_context)
    if day is None:
        return None
    unit = unit_name(g["unit"])
    if unit not in NAMED_DAY_STEPS:
        raise UnknownUnit(unit)
    days = int(quantity) * NAMED_DAY_STEPS[unit]
    target = add_days(day, -days if relation == "before" else days)
    return Resolution("DATE", target.isoformat(), target, target, "day")


def shift_unit(day: date, granularity: str, months: int) -> Resolution | None:
    """The ``granularity`` unit (month, quarter, year) holding ``day`` moved by ``months``."""
    return calendar_unit(add_months(day, months), granularity, 0)


@reads("month", "day", "year", "weekday", "dayword", "rel", "unit", "lead")
def leading_up_to(g: Captures, ctx: ResolveContext) -> Resolution | None:
    """ "the days leading up to Saturday": a range ending on that day (starting there for "after")."""
    if g["month"]:
        inner = month_day(g, ctx)
        target = inner.earliest if inner else None
    else:
        target = day_reference(g, ctx)
    if target is None:
        return None
    unit = unit_name(g["unit"])
    if unit not in LEAD_WINDOW_DAYS:
        raise UnknownUnit(unit)
    window = LEAD_WINDOW_DAYS[unit]
    if g["lead"].lower().split()[0] in ("after", "following"):
        start, end = target, add_days(target, window)
    else:
        start, end = add_days(target, -window), target
    return Resolution(DURATION, duration_value(None, unit), start, end, "day")


THEN_REACH = 3  # sentences back that "until then" may look for the date it repeats


@reads()
def then_anchor(g: Captures, ctx: ResolveContext) -> Resolution | None:
    """ "until then", "by then", "since then": the date the narrative is on, repeated.

    With no date in the last few sentences "then" points at something we cannot place: no value.
    """
    anchor = ctx.anchor
    if anchor is None or not 0 <= ctx.sentence - anchor.sentence <= THEN_REACH:
        return None
    kind = TIME if anchor.granularity in ("part_of_day", "time") else "DATE"
    return Resolution(kind, anchor.value, anchor.earliest, anchor.latest, anchor.granularity, "", f"e{anchor.index}")
