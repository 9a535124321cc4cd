"""A year written once for two coordinated dates: "in April and June 1955", "(26 June - 4 August
1952)", "between March and April 1918". The first date takes the second's year, or the year before
when only that puts it first ("December 1951 - January 1952" written "December - January 1952")."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import regex

from timeline.temporal.detect import Candidate
from timeline.temporal.narrative_signals import explicit_years
from timeline.temporal.resolve.common import day_number, month_number
from timeline.temporal.resolve.context import PAST, ResolveContext
from timeline.temporal.timex import clamp_date

# What may stand between the two dates: a dash or a coordinating word, nothing else.
COORDINATION = regex.compile(r"\s*(?:[-–—]|(?i:and|or|to|through|until|till|and\s+again\s+in))\s*")


def year_bearer(text: str, candidate: Candidate, following: Candidate | None) -> date | None:
    """The first day of the date after ``candidate`` when it carries the year ``candidate`` lacks."""
    if following is None or not _names_a_month(candidate) or explicit_years([candidate]):
        return None
    if not COORDINATION.fullmatch(text[candidate.end : following.start]) or not _names_a_month(following):
        return None
    years = explicit_years([following])
    if not years:
        return None
    day = following.groups.get("day") if "day" in following.groups else None
    return clamp_date(years[0], month_number(following.groups["month"]), day_number(day) if day else 1)


def sharing_the_year(ctx: ResolveContext, second: date) -> ResolveContext:
    """Read the first date as the last such date on or before the second one."""
    return replace(ctx, dct=second, direction=PAST, strength=2)


def _names_a_month(candidate: Candidate) -> bool:
    return "month" in candidate.groups and bool(candidate.groups["month"])
