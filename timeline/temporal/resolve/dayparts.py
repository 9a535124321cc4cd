"""Named days and their parts: "Saturday", "last Friday", "Saturday night", "this morning", "3 p.m. ET"."""

from __future__ import annotations

from datetime import date

from timeline.temporal.lexicon import PARTS_OF_DAY, WEEKDAYS
from timeline.temporal.resolve.absolute import month_day
from timeline.temporal.resolve.captures import Captures, reads
from timeline.temporal.resolve.clock import clock_value
from timeline.temporal.resolve.common import mod_of
from timeline.temporal.resolve.context import FUTURE, ResolveContext
from timeline.temporal.resolve.relative import DAY_WORDS
from timeline.temporal.resolve.weekday import resolve_relative_weekday, resolve_weekday
from timeline.temporal.timex import Resolution, add_days
from timeline.temporal.types import DATE, TIME


def weekday_number(word: str) -> int:
    return WEEKDAYS[word.lower().rstrip(".")]


def day_reference(g: Captures, ctx: ResolveContext) -> date | None:
    """The day named by a weekday (with optional last/next/this) or today/yesterday/tomorrow."""
    if g["dayword"]:
        key = " ".join(g["dayword"].lower().split())
        if key == "tonight":
            return ctx.dct
        return add_days(ctx.dct, DAY_WORDS[key])
    if g["weekday"]:
        weekday = weekday_number(g["weekday"])
        if g["rel"]:
            return resolve_relative_weekday(ctx.dct, weekday, " ".join(g["rel"].lower().split()))
        return resolve_weekday(ctx.dct, weekday, ctx.direction, ctx.strength >= 1)
    return None


@reads("dayword", "weekday", "rel", "mod")
def weekday(g: Captures, ctx: ResolveContext) -> Resolution | None:
    day = day_reference(g, ctx)
    if day is None:
        return None
    mod = mod_of(g["mod"])
    note = ""
    if g["weekday"] and not g["rel"]:  # say which rule placed a bare weekday
        note = (
            "weekday: the next one on or after the DCT (firm future)"
            if day > ctx.dct
            else "weekday: the most recent one on or before the DCT (news reports what happened)"
        )
    return Resolution(DATE, day.isoformat(), day, day, "day", mod, note=note)


@reads("podrel", "pod", "mod")
def relative_part_of_day(g: Captures, ctx: ResolveContext) -> Resolution | None:
    """ "last night", "this morning", "tonight", "overnight": counted from the DCT."""
    relation = g["podrel"].lower()
    if relation == "last":  # "last night" is the night before the DCT
        day = add_days(ctx.dct, -1)
    elif relation == "overnight" and ctx.direction != FUTURE:
        # "overnight losses": the night before the day the passage is on ("will stay overnight": tonight)
        local, anchor = ctx.local_day(sentences_back=1)
        day = add_days(local, -1)
        return Resolution(TIME, f"{day.isoformat()}TNI", day, day, "part_of_day", "", anchor)
    elif relation in ("this", "tonight", "overnight"):
        day = ctx.dct
    else:
        raise ValueError(f"no part of the day is counted {relation!r} from the DCT")
    code = PARTS_OF_DAY[(g["pod"] or relation).lower()]
    return Resolution(TIME, f"{day.isoformat()}T{code}", day, day, "part_of_day", mod_of(g["mod"]))


@reads("month", "day", "year", "weekday", "dayword", "rel", "pod", "mod")
def part_of_day(g: Captures, ctx: ResolveContext) -> Resolution | None:
    """ "Saturday afternoon", "early Friday morning", "the evening of March 2"."""
    if g["month"]:
        resolved = month_day(g.but(weekday=None), ctx)
        if resolved is None:
            return None
        day = resolved.earliest
    else:
        day = day_reference(g, ctx) or ctx.dct
    code = PARTS_OF_DAY[(g["pod"] or "night").lower()]
    return Resolution(TIME, f"{day.isoformat()}T{code}", day, day, "part_of_day", mod_of(g["mod"]))


@reads("clock", "month", "day", "year", "weekday", "dayword", "rel")
def clock_time(g: Captures, ctx: ResolveContext) -> Resolution | None:
    """ "3 p.m. ET", "10:30 a.m. Tuesday": a time on the named day, else the DCT."""
    value = clock_value(g["clock"])
    if value is None:
        return None
    if g["month"]:
        dated = month_day(g, ctx)
        named = dated.earliest if dated else None
    else:
        named = day_reference(g, ctx)
    # A clock time follows the day in its own sentence, or a time of day just before it
    # ("Polls closed Tuesday night. At 11:42 p.m. ET the race was called.").
    timed = ctx.anchor is not None and ctx.anchor.granularity in ("part_of_day", "time")
    day, anchor = (named, "DCT") if named else ctx.local_day(sentences_back=1 if timed else 0)
    return Resolution(TIME, f"{day.isoformat()}T{value}", day, day, "time", "", anchor)


@reads("pod")
def part_of_day_in_context(g: Captures, ctx: ResolveContext) -> Resolution | None:
    """ "by the evening", "in the morning": that part of the day the passage is about."""
    day, anchor = ctx.local_day(sentences_back=1)
    code = PARTS_OF_DAY[g["pod"].lower()]
    return Resolution(TIME, f"{day.isoformat()}T{code}", day, day, "part_of_day", "", anchor)
