"""Weekdays: "Saturday", "last Friday", "next Monday", "this Wednesday"."""

from __future__ import annotations

from datetime import date, timedelta

from timeline.temporal.resolve.context import FUTURE, PAST, SCHEDULED, UNKNOWN


def resolve_weekday(dct: date, weekday: int, tense: str) -> date:
    """The ``weekday`` (0=Monday) meant by a bare weekday name in a clause of ``tense``.

    Past: the most recent such day on or before the DCT (an article dated Saturday
    saying "met on Saturday" means the DCT itself). Future: the next one on or
    after the DCT. Unknown: whichever is nearer, the past winning ties.
    """
    back = (dct.weekday() - weekday) % 7
    forward = (weekday - dct.weekday()) % 7
    if tense == PAST:
        return dct - timedelta(days=back)
    if tense in (FUTURE, SCHEDULED):
        return dct + timedelta(days=forward)
    assert tense == UNKNOWN
    return dct - timedelta(days=back) if back <= forward else dct + timedelta(days=forward)


def resolve_relative_weekday(dct: date, weekday: int, relation: str) -> date:
    """ "last Friday" (strictly before), "next Friday" (strictly after), "this Friday" (this week)."""
    relation = relation.lower()
    if relation in ("last", "past", "this past", "previous"):
        back = (dct.weekday() - weekday) % 7 or 7
        return dct - timedelta(days=back)
    if relation in ("next", "coming", "this coming"):
        forward = (weekday - dct.weekday()) % 7 or 7
        return dct + timedelta(days=forward)
    monday = dct - timedelta(days=dct.weekday())
    return monday + timedelta(days=weekday)
