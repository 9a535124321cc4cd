"""What every resolver is given: the DCT, the clause's direction, and an anchor."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

PAST = "past"
FUTURE = "future"
UNKNOWN = "unknown"
SCHEDULED = "scheduled"  # simple present with a date ("expires Dec. 31"): leans future, less firmly


@dataclass(frozen=True)
class Anchor:
    """The nearest preceding resolved date, for "the next day", "two days later"."""

    index: int
    earliest: date
    latest: date
    granularity: str
    value: str
    sentence: int = -1
    start: int = -1  # where the date is written in the text


@dataclass(frozen=True)
class ResolveContext:
    dct: date
    direction: str = UNKNOWN  # PAST, FUTURE or UNKNOWN, from tense.py or the caller's override
    anchor: Anchor | None = None
    sentence: int = -1  # the expression's own sentence, to judge how near the anchor is
    # How sure the direction is: 0 weak (inherited, possessive, none), 1 a tensed clause,
    # 2 the tensed verb governs the date itself, an explicit cue, or the caller's choice.
    strength: int = 0
    quarter: Anchor | None = None  # the last quarter the story reports (not one it compares with)

    def local_day(self, sentences_back: int = 0) -> tuple[date, str]:
        """The anchor's day (and "e<index>") when it lies within ``sentences_back`` sentences,
        else the DCT (and "DCT").

        A clock time or a bare duration belongs to the day the passage is talking
        about ("on June 1 at 7 p.m."), which is only safe to assume nearby.
        """
        anchor = self.anchor
        if (
            anchor
            and anchor.granularity in ("day", "part_of_day", "time")
            and 0 <= self.sentence - anchor.sentence <= sentences_back
        ):
            return anchor.earliest, f"e{anchor.index}"
        return self.dct, "DCT"


def nearest(candidates: list[date], dct: date, direction: str) -> date:
    """Pick the candidate consistent with the direction; nearest to the DCT otherwise.

    Past: the latest candidate on or before the DCT. Future: the earliest on or
    after it. Unknown: the closest, ties going to the past (news mostly reports).
    """
    ordered = sorted(candidates)
    if direction == PAST:
        before = [c for c in ordered if c <= dct]
        if before:
            return before[-1]
    elif direction == FUTURE:
        after = [c for c in ordered if c >= dct]
        if after:
            return after[0]
    elif direction == SCHEDULED:
        before = [c for c in ordered if c < dct]
        after = [c for c in ordered if c >= dct]
        if after and (not before or (after[0] - dct).days <= 3 * (dct - before[-1]).days + 30):
            return after[0]
        if before:
            return before[-1]
    return min(ordered, key=lambda c: (abs((c - dct).days), c > dct))


# A date this far from the DCT against the reading of a loose tense needs firm evidence. A bare
# month is coarser than a month-day (its first day stands for it), so it is allowed about 8 months.
# A season counts from its first day; a loose tense may not reach past about five months.
FAR_DAYS = {"day": 7, "month_day": 183, "month": 240, "season": 150}


def choose(candidates: list[date], dct: date, direction: str, firm: bool, far_days: int) -> tuple[date, str]:
    """``nearest`` when the evidence is firm; otherwise the direction only wins within ``far_days``.

    Returns the date and a note saying which reading decided.
    """
    if not candidates:
        raise ValueError("no candidate dates")
    closest = nearest(candidates, dct, UNKNOWN)
    if direction == UNKNOWN:
        return closest, "nearest occurrence to the DCT"
    directed = nearest(candidates, dct, direction)
    if firm or directed == closest:
        return directed, f"{direction} reading"
    if abs((directed - dct).days) <= far_days:
        return directed, f"{direction} reading (within {far_days} days)"
    return closest, f"{direction} reading would be {abs((directed - dct).days)} days away: nearest occurrence"
