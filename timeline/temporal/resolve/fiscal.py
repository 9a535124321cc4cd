"""Quarters and reporting periods the way earnings copy means them.

"The third quarter" in a story dated late October is the quarter just reported; "the
quarter", "the latest period" are the quarter the story is about (the last one named,
else the last one completed before the DCT); "the year-ago quarter", "the year-earlier
period" and "a year ago" in a sentence about a quarter are that quarter a year before.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from timeline.temporal.lexicon import ORDINALS, year_number
from timeline.temporal.resolve.captures import Captures, reads
from timeline.temporal.resolve.common import month_number
from timeline.temporal.resolve.context import FUTURE, PAST, SCHEDULED, UNKNOWN, Anchor, ResolveContext, nearest
from timeline.temporal.timex import Resolution, clamp_date, quarter_range, year_range
from timeline.temporal.types import DATE, DURATION, TimeExpression

YEAR_BEFORE = {
    "year-ago",
    "year-earlier",
    "year ago",
    "comparable year-ago",
    "comparable year-earlier",
    "corresponding",
    "comparable",
    "year earlier",
    "prior-year",
    "prior year",
    "previous year's",
    "last year's",
    "a year ago",
    "a year earlier",
    "last year",
}
_QUARTER_VALUE = re.compile(r"^(\d{4})-Q([1-4])$")
QUARTER_NEAR_SENTENCES = 4  # "a year ago" reads a quarter named this close (a paragraph or two) as its subject


def dct_quarter(day: date) -> int:
    return (day.month - 1) // 3 + 1


def completed_quarter(dct: date) -> tuple[int, int]:
    """The last quarter that ended before the DCT: what an earnings story reports."""
    current = dct_quarter(dct)
    return (dct.year, current - 1) if current > 1 else (dct.year - 1, 4)


def is_story_quarter(
    value: str,
    dct: date,
    latest: date | None = None,
    direction: str = PAST,
    current: Anchor | None = None,
    fiscal: bool = False,
) -> bool:
    """A quarter a report can be about: begun by the DCT, and this year's (or last year's Q4 in Q1).
    "the 1988 third quarter" in a 1989 story is a comparison; "the fourth quarter" in October a forecast.
    A quarter still running at the DCT is reported only in the past tense ("will continue into the
    fourth quarter" is not what the story reports), and a plain earlier quarter ("after a flat second
    quarter") is background to the later one already reported, unless it is a company's fiscal label."""
    match = _QUARTER_VALUE.match(value)
    if match is None:
        return False
    year, number = int(match[1]), int(match[2])
    start, end = quarter_range(year, number)
    if not (start <= dct and (year == dct.year or (year == dct.year - 1 and number == 4 and dct.month <= 3))):
        return False
    if (latest or end) >= dct and direction != PAST:
        return False
    held = _QUARTER_VALUE.match(current.value) if current is not None and current.latest < dct else None
    return fiscal or held is None or (year, number) >= (int(held[1]), int(held[2]))


def reference_quarter(ctx: ResolveContext, latest: bool = False) -> tuple[int, int, str]:
    """(year, quarter, anchor): the quarter the story is on, else the one just completed.
    ``latest`` ("the latest quarter") refuses a quarter still running at the DCT."""
    anchor = ctx.quarter
    if anchor is not None and (match := _QUARTER_VALUE.match(anchor.value)):
        if not (latest and quarter_range(int(match[1]), int(match[2]))[1] >= ctx.dct):
            return int(match[1]), int(match[2]), f"e{anchor.index}"
    year, number = completed_quarter(ctx.dct)
    return year, number, "DCT"


def year_of_numbered_quarter(number: int, ctx: ResolveContext) -> tuple[int, str]:
    """ "the third quarter" with no year: this year's when it has begun, else last year's,
    unless a firm future ("will report the fourth quarter") points ahead."""
    current = dct_quarter(ctx.dct)
    if number <= current:
        return ctx.dct.year, "a quarter already begun this year"
    if ctx.direction in (FUTURE, SCHEDULED):
        return ctx.dct.year, "a quarter still ahead, with a future verb"
    if ctx.direction == PAST and ctx.strength >= 2:
        return ctx.dct.year - 1, "a quarter not yet begun this year, with a past verb: last year's"
    ahead = (quarter_range(ctx.dct.year, number)[0] - ctx.dct).days
    behind = (ctx.dct - quarter_range(ctx.dct.year - 1, number)[1]).days
    if ahead <= behind:
        return ctx.dct.year, "the nearer of this year's and last year's"
    return ctx.dct.year - 1, "the nearer of this year's and last year's"


def _relation(words: str | None) -> str:
    return " ".join((words or "").lower().replace("’", "'").split())


@reads("ordinal", "rel", "after", "year", "end_month", "end_day", "ended")
def period(g: Captures, ctx: ResolveContext) -> Resolution | None:
    """ "the quarter", "the latest period", "the year-ago quarter", "the 1988 third quarter"."""
    number = ORDINALS.get((g["ordinal"] or "").lower())
    relation = _relation(g["rel"] or g["after"])
    before = relation in YEAR_BEFORE or _relation(g["after"]) in YEAR_BEFORE
    anchor = "DCT"
    if g["end_month"] and not before:  # "the quarter ended Sept. 30": the three months up to that day
        return _quarter_ended(g, number, ctx)
    if number:
        if g["year"]:
            year, why = year_number(g["year"]), "its own year"
        elif relation in ("this year's",):
            year, why = ctx.dct.year, "this year's"
        elif relation in ("next year's",):
            year, why = ctx.dct.year + 1, "next year's"
        elif before:
            ref_year, _, anchor = reference_quarter(ctx)
            year, why = ref_year - 1, "a year before the quarter reported"
        else:
            year, why = year_of_numbered_quarter(number, ctx)
    else:
        ref_year, number, anchor = reference_quarter(ctx, latest=relation in ("latest", "most recent"))
        if g["year"]:
            year, why = year_number(g["year"]), "the quarter reported, in the year named"
        elif before:
            year, why = ref_year - 1, "the quarter reported, a year before"
        else:
            year, why = ref_year, "the quarter the story reports"
    if not 1 <= number <= 4:
        return None
    start, end = quarter_range(year, number)
    story = ctx.quarter
    if story is not None and anchor == f"e{story.index}" and story.value == f"{year:04d}-Q{number}":
        start, end = story.earliest, story.latest  # the story's quarter keeps the months it was given
    return Resolution(DATE, f"{year:04d}-Q{number}", start, end, "quarter", anchor=anchor, note=why, comparison=before)


def _quarter_ended(g: Captures, number: int | None, ctx: ResolveContext) -> Resolution:
    """ "the quarter ended July 31" is May-July whatever it is called. A written ordinal ("its fiscal
    first quarter ended Sept. 30") is the company's own label, kept as the value in the end day's
    year; an unnumbered one takes the label of the quarter the story reports (the same three months,
    one value throughout the story), else the calendar quarter holding most of those days."""
    end, why = end_day(g, ctx)
    start = three_months_ending(end)
    if number:
        return Resolution(
            DATE,
            f"{end.year:04d}-Q{number}",
            start,
            end,
            "quarter",
            note=f"{why}; the company's own label for the three months up to it",
        )
    ref_year, ref_number, anchor = reference_quarter(ctx)
    if anchor != "DCT" and ref_year == end.year:  # "its fiscal first quarter ... the quarter ended Sept. 30"
        return Resolution(
            DATE,
            f"{ref_year:04d}-Q{ref_number}",
            start,
            end,
            "quarter",
            anchor=anchor,
            note=f"{why}; the story's own label for the quarter it reports",
        )
    year, number = majority_quarter(start, end)
    return Resolution(
        DATE,
        f"{year:04d}-Q{number}",
        start,
        end,
        "quarter",
        note=f"{why}; the calendar quarter holding most of its three months",
    )


def three_months_ending(end: date) -> date:
    """The first day of the three months that end on ``end`` (Sept. 29 -> June 30)."""
    return months_ending(end, 3)


def months_ending(end: date, months: int) -> date:
    """The first day of the ``months`` months that end on ``end``."""
    after = end + timedelta(days=1)
    month = after.month - months
    year = after.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    return date(year, month, min(after.day, calendar.monthrange(year, month)[1]))


def majority_quarter(start: date, end: date) -> tuple[int, int]:
    """(year, quarter) of the calendar quarter holding most days of start..end."""
    days: dict[tuple[int, int], int] = {}
    day = start
    while day <= end:
        key = (day.year, dct_quarter(day))
        days[key] = days.get(key, 0) + 1
        day += timedelta(days=1)
    return max(days, key=lambda key: (days[key], key))


def end_day(g: Captures, ctx: ResolveContext) -> tuple[date, str]:
    """The day a period "ended"/"ending" on: the last one by the DCT ("ended"), else the nearest."""
    month, day = month_number(g["end_month"]), int(g["end_day"])
    candidates = [d for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1) if (d := clamp_date(y, month, day))]
    way = PAST if g["ended"].lower() == "ended" else UNKNOWN
    end = nearest(candidates, ctx.dct, way)
    return end, f"the period {g['ended'].lower()} {end.isoformat()}"


_YEAR_PART = re.compile(r"^P([4-9]|1[01])M$")


def year_part_anchor(expression: TimeExpression, dct: date) -> Anchor | None:
    """ "the (first) nine months", "the six months ended June 30": the part of the year a report covers,
    so a year-ago comparison after it is with the year before, not with the quarter named earlier."""
    text = expression.text.lower()
    if expression.type != DURATION or not _YEAR_PART.match(expression.value) or not text.startswith("the "):
        return None
    if expression.rule not in ("duration_plain", "months_of_year") or any(w in text for w in ("next", "coming")):
        return None
    start, end = year_range(dct.year)
    return Anchor(expression.index, start, end, "year", f"{dct.year:04d}", expression.sentence)


def year_ago_in_quarter(ctx: ResolveContext) -> Resolution | None:
    """ "a year ago" / "a year earlier" / "last year" beside a quarter: that quarter a year before,
    unless a part of the year ("the first nine months") was named after the quarter."""
    anchor = ctx.quarter
    if (
        anchor is None
        or not _QUARTER_VALUE.match(anchor.value)
        or not (0 <= ctx.sentence - anchor.sentence <= QUARTER_NEAR_SENTENCES)
    ):
        return None
    last = ctx.anchor
    if last is not None and last.index > anchor.index and last.granularity == "year":
        return None
    year, number, key = reference_quarter(ctx)
    start, end = quarter_range(year - 1, number)
    return Resolution(
        DATE,
        f"{year - 1:04d}-Q{number}",
        start,
        end,
        "quarter",
        anchor=key,
        note="compared with the quarter just named: the same quarter a year before",
        comparison=True,
    )


def previous_year(ctx: ResolveContext) -> Resolution:
    """ "year-ago levels" with no quarter in view: the year before the DCT's."""
    start, end = year_range(ctx.dct.year - 1)
    return Resolution(
        DATE, f"{ctx.dct.year - 1:04d}", start, end, "year", note="the year before the DCT's", comparison=True
    )
