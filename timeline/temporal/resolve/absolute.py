"""Calendar dates written out: "Saturday, April 13, 2024", "Oct. 7", "March 2023", "2024"."""

from __future__ import annotations

from datetime import date

from timeline.temporal.lexicon import CENTURY_ORDINALS, ORDINALS, SEASONS, WEEKDAYS, year_number
from timeline.temporal.resolve.captures import Captures, reads
from timeline.temporal.resolve.common import day_number, mod_of, month_number
from timeline.temporal.resolve.context import FAR_DAYS, ResolveContext, choose, nearest
from timeline.temporal.resolve.fiscal import year_of_numbered_quarter
from timeline.temporal.timex import (
    Resolution,
    add_months,
    century_range,
    clamp_date,
    decade_range,
    half_range,
    month_range,
    quarter_range,
    season_range,
    year_range,
)
from timeline.temporal.types import DATE


@reads("month", "day", "year", "weekday")
def month_day(g: Captures, ctx: ResolveContext) -> Resolution | None:
    """A month and day, with or without weekday and year."""
    month, day = month_number(g["month"]), day_number(g["day"])
    if g["year"]:
        resolved = clamp_date(year_number(g["year"]), month, day)
    else:
        candidates = [d for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1) if (d := clamp_date(y, month, day))]
        if g["weekday"]:  # a weekday pins the year when the text omits it
            matching = [d for d in candidates if d.weekday() == WEEKDAYS[g["weekday"].lower().rstrip(".")]]
            candidates = matching or candidates
        if not candidates:
            return None
        resolved, note = choose(candidates, ctx.dct, ctx.direction, ctx.strength >= 2, FAR_DAYS["month_day"])
        return Resolution(DATE, resolved.isoformat(), resolved, resolved, "day", note=f"year: {note}")
    if resolved is None:
        return None
    return Resolution(DATE, resolved.isoformat(), resolved, resolved, "day")


@reads("day")
def day_of_month(g: Captures, ctx: ResolveContext) -> Resolution | None:
    """ "on the 14th": that day of this month, the previous or the next, by tense."""
    day = day_number(g["day"])
    this_month = date(ctx.dct.year, ctx.dct.month, 1)
    candidates = [
        d
        for offset in (-1, 0, 1)
        if (first := add_months(this_month, offset)) and (d := clamp_date(first.year, first.month, day))
    ]
    if not candidates:
        return None
    resolved = nearest(candidates, ctx.dct, ctx.direction)
    return Resolution(DATE, resolved.isoformat(), resolved, resolved, "day")


@reads("year", "month_num", "day_num")
def iso_date(g: Captures, ctx: ResolveContext) -> Resolution | None:
    resolved = clamp_date(year_number(g["year"]), int(g["month_num"]), int(g["day_num"]))
    return Resolution(DATE, resolved.isoformat(), resolved, resolved, "day") if resolved else None


@reads("year", "month", "mod")
def month_year(g: Captures, ctx: ResolveContext) -> Resolution | None:
    year, month = year_number(g["year"]), month_number(g["month"])
    start, end = month_range(year, month)
    mod = mod_of(g["mod"])
    return Resolution(DATE, f"{year:04d}-{month:02d}", start, end, "month", mod)


@reads("month", "rel", "mod")
def month_alone(g: Captures, ctx: ResolveContext) -> Resolution | None:
    """ "in March", "last March", "early next month" is relative.py; this is a named month."""
    month = month_number(g["month"])
    relation = (g["rel"] or "").lower()
    dct = ctx.dct
    if relation == "last":
        year = dct.year if month < dct.month else dct.year - 1
    elif relation == "next":
        year = dct.year if month > dct.month else dct.year + 1
    elif relation == "this":
        year = dct.year
    else:
        firsts = [date(y, month, 1) for y in (dct.year - 1, dct.year, dct.year + 1)]
        this_month = date(dct.year, dct.month, 1)
        chosen, note = choose(firsts, this_month, ctx.direction, ctx.strength >= 2, FAR_DAYS["month"])
        start, end = month_range(chosen.year, month)
        return Resolution(
            DATE, f"{chosen.year:04d}-{month:02d}", start, end, "month", mod_of(g["mod"]), note=f"year: {note}"
        )
    start, end = month_range(year, month)
    mod = mod_of(g["mod"])
    return Resolution(DATE, f"{year:04d}-{month:02d}", start, end, "month", mod)


@reads("year", "mod")
def year_alone(g: Captures, ctx: ResolveContext) -> Resolution | None:
    year = year_number(g["year"])
    start, end = year_range(year)
    mod = mod_of(g["mod"])
    return Resolution(DATE, f"{year:04d}", start, end, "year", mod)


@reads("decade", "mod")
def decade(g: Captures, ctx: ResolveContext) -> Resolution | None:
    digits = g["decade"]
    if len(digits) == 2:  # "the '90s": the most recent such decade not after the DCT
        century = ctx.dct.year // 100 * 100
        first = century + int(digits)
        first = first - 100 if first > ctx.dct.year else first
    else:
        first = int(digits)
    start, end = decade_range(first)
    mod = mod_of(g["mod"])
    return Resolution(DATE, f"{first // 10:03d}", start, end, "decade", mod)


@reads("cnum", "cword", "mod")
def century(g: Captures, ctx: ResolveContext) -> Resolution | None:
    """ "the 20th century" is TIMEX3 "19": the years 1900-1999."""
    ordinal = int(g["cnum"]) if g["cnum"] else CENTURY_ORDINALS.get(" ".join(g["cword"].lower().split()), 0)
    if ordinal < 1:
        return None
    start, end = century_range(ordinal - 1)
    return Resolution(DATE, f"{ordinal - 1:02d}", start, end, "century", mod_of(g["mod"]))


@reads("ordinal", "qnum", "year", "yrel")
def quarter(g: Captures, ctx: ResolveContext) -> Resolution | None:
    number = ORDINALS.get((g["ordinal"] or "").lower()) or int(g["qnum"] or 0)
    if not 1 <= number <= 4:
        return None
    year = _year_from(g, ctx)
    note = ""
    if year is None:
        year, note = year_of_numbered_quarter(number, ctx)
    start, end = quarter_range(year, number)
    return Resolution(DATE, f"{year:04d}-Q{number}", start, end, "quarter", note=note)


@reads("ordinal", "year", "yrel")
def half(g: Captures, ctx: ResolveContext) -> Resolution | None:
    number = 1 if (g["ordinal"] or "").lower() in ("first", "1st") else 2
    year = _year_from(g, ctx) or ctx.dct.year
    start, end = half_range(year, number)
    return Resolution(DATE, f"{year:04d}-H{number}", start, end, "quarter")


@reads("season", "rel", "year", "yrel", "mod")
def season(g: Captures, ctx: ResolveContext) -> Resolution | None:
    """ "this summer", "last winter", "the spring of 2023", "in the fall"."""
    code = SEASONS[g["season"].lower()]
    relation = " ".join((g["rel"] or "").lower().split()).removeprefix("the ")
    relation = {"this past": "last", "this coming": "next"}.get(relation, relation)
    year = _year_from(g, ctx)
    if year is None:
        dct = ctx.dct
        candidates = {y: season_range(y, code) for y in (dct.year - 1, dct.year, dct.year + 1)}
        containing = [y for y, (s, e) in candidates.items() if s <= dct <= e]
        if relation in ("last", "past", "previous"):
            year = max(y for y, (s, e) in candidates.items() if e < dct)
        elif relation in ("next", "coming"):
            year = min(y for y, (s, e) in candidates.items() if s > dct)
        elif containing:
            year = containing[0]
        elif relation == "this":
            year = dct.year
        else:
            by_start = {s: y for y, (s, _) in candidates.items()}
            # A tensed clause is enough for a season ("may not survive winter"); only a reading
            # inherited from above is held to the distance limit.
            first_day, note = choose(list(by_start), dct, ctx.direction, ctx.strength >= 1, FAR_DAYS["season"])
            year = by_start[first_day]
            start, end = season_range(year, code)
            return Resolution(
                DATE, f"{year:04d}-{code}", start, end, "season", mod_of(g["mod"]), note=f"season: {note}"
            )
    start, end = season_range(year, code)
    mod = mod_of(g["mod"])
    return Resolution(DATE, f"{year:04d}-{code}", start, end, "season", mod)


def _year_from(g: Captures, ctx: ResolveContext) -> int | None:
    if g["year"]:
        return year_number(g["year"])
    relation = (g["yrel"] or "").lower()
    offsets = {"this": 0, "last": -1, "next": 1, "the": 0, "current": 0, "previous": -1}
    if relation in offsets:
        return ctx.dct.year + offsets[relation]
    return None
