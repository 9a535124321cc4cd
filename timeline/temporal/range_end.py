"""A weekday that ends a range lies on or after the weekday that starts it.

"from Monday through Friday" read by an article dated Wednesday: each weekday alone would be the
most recent one (Monday this week, Friday last week), which puts the end before the start. The
end is read as the first such day on or after the start instead. A pure policy over two
resolutions, so the caller decides when it applies.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import regex

from timeline.temporal.timex import Resolution
from timeline.temporal.types import TimeExpression

# What joins the two ends: "to", "through", "until", a dash; "and" only after "between".
_JOIN = regex.compile(r"^\s*(?:-|–|—|(?i:to|through|thru|until|till))\s*$")
_BETWEEN_AND = regex.compile(r"^\s*(?i:and)\s*$")
_BETWEEN = regex.compile(r"(?i:between)\s*$")
BARE_WEEKDAY_RULES = frozenset({"weekday_relative"})


def joins_a_range(text: str, start: TimeExpression, end_start: int) -> bool:
    """True when the text between ``start`` and an expression at ``end_start`` makes them one range."""
    between = text[start.end : end_start]
    if _JOIN.match(between):
        return True
    return bool(_BETWEEN_AND.match(between) and _BETWEEN.search(text[max(0, start.start - 12) : start.start]))


def ordered_end(start: TimeExpression, end: Resolution, rule: str, bare: bool) -> Resolution:
    """``end`` moved forward by whole weeks when it is a bare weekday falling before ``start``."""
    if rule not in BARE_WEEKDAY_RULES or not bare or end.granularity != "day" or start.granularity != "day":
        return end
    if end.earliest >= start.earliest:
        return end
    weeks = (start.earliest - end.earliest).days // 7 + 1
    moved = end.earliest + timedelta(days=7 * weeks)
    return replace(
        end,
        value=moved.isoformat(),
        earliest=moved,
        latest=moved,
        note=f"{end.note + '; ' if end.note else ''}the end of a range: on or after its start",
    )
