"""Weekdays: "Saturday", "last Friday", "next Monday", "this Wednesday"."""

from __future__ import annotations

from datetime import date, timedelta

from timeline.temporal.resolve.context import FUTURE, PAST, SCHEDULED, UNKNOWN


def resolve_weekday(dct: date, weekday: int, tense: str, firm: bool = True) -> date:
    """The ``weekday`` (0=Monday) meant by a bare weekday name in a clause of ``tense``.

    News reports: a bare weekday is the most recent such day on or before the DCT (an
    article dated Saturday saying "met on Saturday" means the DCT itself) unless a
    verb governing it firmly looks ahead ("will meet Friday", "is meeting Friday"):
    then the next one on or after the DCT. A future read only through an infinitive
    or a noun phrase ("extended offers to acquire it Friday") is not enough.
    """
    back = (dct.weekday() - weekday) % 7
    forward = (weekday - dct.weekday()) % 7
    if tense in (FUTURE, SCHEDULED) and firm:
        return dct + timedelta(days=forward)
    assert tense in (PAST, UNKNOWN, FUTURE, SCHEDULED)
    return dct - timedelta(days=back)


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
