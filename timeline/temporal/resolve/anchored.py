"""Expressions read against an earlier date in the text: "the following day", "two days later",
"the days leading up to Saturday"."""

from __future__ import annotations

from datetime import date

from timeline.temporal.lexicon import PARTS_OF_DAY, number_value
from timeline.temporal.resolve.absolute import Groups, month_day
from timeline.temporal.resolve.context import ResolveContext
from timeline.temporal.resolve.dayparts import day_reference
from timeline.temporal.resolve.relative import calendar_unit, unit_name
from timeline.temporal.resolve.spans import duration_value
from timeline.temporal.timex import Resolution, add_days
from timeline.temporal.types import DURATION, TIME

FORWARD = {"following", "next", "after", "later", "subsequent"}
BACKWARD = {"previous", "prior", "before", "earlier", "preceding"}
SAME = {"that", "the same", "same"}
LEAD_WINDOW_DAYS = {"hour": 1, "day": 7, "night": 7, "week": 28, "month": 90, "year": 365}


def _anchor_day(ctx: ResolveContext) -> tuple[date, str]:
    if ctx.anchor is not None:
        return ctx.anchor.latest if ctx.anchor.granularity != "open" else ctx.dct, f"e{ctx.anchor.index}"
    return ctx.dct, "DCT"


def _with_anchor(resolution: Resolution | None, anchor: str) -> Resolution | None:
    if resolution is None:
        return None
    return Resolution(resolution.type, resolution.value, resolution.earliest, resolution.latest,
                      resolution.granularity, resolution.mod, anchor)


def relative_to_anchor(g: Groups, ctx: ResolveContext) -> Resolution | None:
    """ "the following day", "the day before", "that night", "the next week"."""
    relation = " ".join(g["arel"].lower().split())
    unit_word = g["aunit"].lower()
    day, anchor = _anchor_day(ctx)
    step = 1 if relation in FORWARD else -1 if relation in BACKWARD else 0
    if unit_word in PARTS_OF_DAY:
        target = add_days(day, step)
        code = PARTS_OF_DAY[unit_word]
        return Resolution(TIME, f"{target.isoformat()}T{code}", target, target, "part_of_day", "", anchor)
    return _with_anchor(calendar_unit(day, unit_name(unit_word), step), anchor)


def offset_from_anchor(g: Groups, ctx: ResolveContext) -> Resolution | None:
    """ "two days later", "a week earlier", "three weeks after that"."""
    quantity = number_value(g["num"])
    if quantity is None or quantity != int(quantity):
        return None
    direction = 1 if g["dir"].lower() in FORWARD else -1
    unit = unit_name(g["unit"])
    day, anchor = _anchor_day(ctx)
    if unit in ("hour", "minute", "second"):
        return Resolution("DATE", day.isoformat(), day, day, "day", "", anchor)
    if unit == "day":
        return _with_anchor(calendar_unit(day, "day", int(quantity) * direction), anchor)
    if unit == "week":
        target = add_days(day, 7 * int(quantity) * direction)
        return Resolution("DATE", target.isoformat(), target, target, "day", "", anchor)
    return _with_anchor(calendar_unit(day, unit, int(quantity) * direction), anchor)


def leading_up_to(g: Groups, ctx: ResolveContext) -> Resolution | None:
    """ "the days leading up to Saturday": a range ending on that day (starting there for "after")."""
    if g.get("month"):
        inner = month_day(g, ctx)
        target = inner.earliest if inner else None
    else:
        target = day_reference(g, ctx)
    if target is None:
        return None
    unit = unit_name(g["unit"])
    window = LEAD_WINDOW_DAYS.get(unit, 7)
    if g["lead"].lower().split()[0] in ("after", "following"):
        start, end = target, add_days(target, window)
    else:
        start, end = add_days(target, -window), target
    return Resolution(DURATION, duration_value(None, unit), start, end, "day")
