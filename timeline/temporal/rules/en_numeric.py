"""Dates written in digits without a four-digit year first: "2/15", "10-31-74", "31/Oct/1974",
"2018Q4". Examples use DCT 2024-04-13 unless they say otherwise."""

from __future__ import annotations

import calendar

from timeline.temporal.resolve import absolute
from timeline.temporal.resolve.captures import Captures, reads
from timeline.temporal.resolve.context import ResolveContext
from timeline.temporal.rules.base import Example as Ex
from timeline.temporal.rules.base import Rule
from timeline.temporal.rules.fragments import MONTH, YEAR
from timeline.temporal.timex import Resolution

MONTH_NUM = r"(?P<month_num>1[0-2]|0?[1-9])"
DAY_NUM = r"(?P<day_num>3[01]|[12]\d|0?[1-9])"


@reads("month_num", "day_num")
def _month_day(g: Captures, ctx: ResolveContext) -> Resolution | None:
    """ "due 2/15": month/day (US order) with the year chosen as for "Feb. 15"."""
    return _numeric_month_day(g, None, ctx)


def _numeric_month_day(g: Captures, year: str | None, ctx: ResolveContext) -> Resolution | None:
    month = calendar.month_name[int(g["month_num"])]
    return absolute.month_day(Captures(month=month, day=g["day_num"], year=year, weekday=None), ctx)


@reads("month_num", "day_num", "yy")
def _two_digit_year(g: Captures, ctx: ResolveContext) -> Resolution | None:
    """ "10-31-74": the century that puts the year no more than ten years after the DCT."""
    short = int(g["yy"])
    year = (ctx.dct.year // 100) * 100 + short
    if year > ctx.dct.year + 10:
        year -= 100
    return _numeric_month_day(g, str(year), ctx)


@reads("qnum", "year")
def _quarter(g: Captures, ctx: ResolveContext) -> Resolution | None:
    return absolute.quarter(Captures(ordinal=None, qnum=g["qnum"], year=g["year"], yrel=None), ctx)


NUMERIC_RULES: tuple[Rule, ...] = (
    Rule(
        "month_day_numeric",
        rf"(?<=\b(?i:on|by|due|until|till|from|since|before|after|through|of|for|dated|expires|effective|(?:deadline|date)\s+(?:is|was))\s)(?!9/11\b)(?P<x>{MONTH_NUM}/{DAY_NUM})(?![\d/.,]\d)",
        _month_day,
        (
            Ex("Payment is due 2/15.", "2/15", "2025-02-15"),
            Ex("The hearing is set for 4/20.", "4/20", "2024-04-20"),
            Ex("The filing deadline is 2/15.", "2/15", "2025-02-15"),
        ),
        # "9/11" names the 2001 attacks, not a September 11 near the DCT.
        negatives=("He ate 3/4 of the pie.", "Open 24/7.", "Security changed after 9/11.", "The ratio is 2/15."),
    ),
    Rule(
        "date_two_digit_year",
        rf"(?<![\d/-])(?P<x>{MONTH_NUM}(?P<sep>[-/]){DAY_NUM}(?P=sep)(?P<yy>\d\d))(?![\d/-])",
        _two_digit_year,
        (
            Ex("He was born 10-31-74 in Ohio.", "10-31-74", "1974-10-31"),
            Ex("Filed 3/9/21 with the court.", "3/9/21", "2021-03-09"),
        ),
        negatives=("The score was 10-31-174.",),
    ),
    Rule(
        "date_day_abbrev_month",
        rf"(?<![\d/-])(?P<x>(?P<day>3[01]|[12]\d|0?[1-9])(?P<sep>[-/ ])(?P<month>{MONTH})(?P=sep)(?P<year>{YEAR}))(?![\d/-])",
        absolute.month_day,
        (
            Ex("Filed 31/Oct/1974 in the register.", "31/Oct/1974", "1974-10-31"),
            Ex("Logged 05-Oct-2021 at noon.", "05-Oct-2021", "2021-10-05"),
        ),
        unwritten=("weekday",),
    ),
    Rule(
        "year_quarter_compact",
        r"(?<![\w-])(?P<x>(?P<year>(?:19|20)\d\d)\s?-?(?i:Q)(?P<qnum>[1-4]))(?!\w)",
        _quarter,
        (
            Ex("Results for 2018Q4 were weak.", "2018Q4", "2018-Q4"),
            Ex("Guidance for 2025-Q1 was cut.", "2025-Q1", "2025-Q1"),
        ),
    ),
)
