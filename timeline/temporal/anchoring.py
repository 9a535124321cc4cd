"""How an event relates to the time in its clause, and the dates that relation gives it. Pure policy.

- ``at``: the time dates the event ("rolled into Iraq on Tuesday").
- ``boundary``: since, until, by, before, after, through: the time bounds the event and never dates
  it as a point ("its first annual loss since 1992" is not a 1992 event).
- ``planned``: the event lies ahead of the article ("will ship it on June 24").
- ``reported``: the verb is the act of saying or announcing; it is dated by the article's date, or
  by a time that modifies the verb itself ("said Tuesday"), while the time of what it reports
  ("announced cuts during the fourth quarter") stays with the report's content.

The parse is read elsewhere (``tense.time_cue``, ``tense.modifies_directly``); this module turns
those facts into a decision that records why.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from timeline.temporal.reporting import ANCHORING_REPORTING
from timeline.temporal.types import OPEN_END

AT, BOUNDARY, PLANNED, REPORTED = "at", "boundary", "planned", "reported"
RELATIONS = (AT, BOUNDARY, PLANNED, REPORTED)
COMPARED = "compared"  # a cue only: the time dates what the event is measured against
AFTER, BEFORE, WITHIN = "after", "before", "within"


@dataclass(frozen=True)
class Cue:
    """A word heading a time phrase and what it says about the event, with a sentence showing it."""

    words: str
    relation: str  # AT, BOUNDARY or COMPARED
    side: str  # AFTER: the event follows the time; BEFORE: it comes before or up to it; WITHIN
    inclusive: bool  # the time itself is still part of the event's range ("by May": May included)
    dates_report: bool  # on a reporting verb, the time dates the report itself ("announced on Monday")
    example: str
    phrase: str  # the time phrase in ``example``


CUES = (
    Cue("since", BOUNDARY, AFTER, True, False, "Since 1983, Westinghouse has shed 70 businesses.", "1983"),
    Cue("after", BOUNDARY, AFTER, False, False, "The bank may buy the stake after January 1.", "January 1"),
    Cue("following", BOUNDARY, AFTER, False, False, "Talks resumed following the March 3 vote.", "March 3"),
    Cue("from", BOUNDARY, AFTER, True, False, "The new fares apply from August 6.", "August 6"),
    Cue("by", BOUNDARY, BEFORE, True, False, "GM is seeking to cut 31,500 jobs by 2012.", "2012"),
    Cue("until", BOUNDARY, BEFORE, True, False, "The banks will keep their names until early 1990.", "early 1990"),
    Cue("till", BOUNDARY, BEFORE, True, False, "The road stays closed till Friday.", "Friday"),
    Cue("through", BOUNDARY, BEFORE, True, False, "The lenders extended credit through January.", "January"),
    Cue("to", BOUNDARY, BEFORE, True, False, "The group extended its offer to Nov. 20.", "Nov. 20"),
    Cue("before", BOUNDARY, BEFORE, False, False, "The talks must end before May.", "May"),
    Cue("prior to", BOUNDARY, BEFORE, False, False, "Shares fell prior to the March 3 vote.", "March 3"),
    Cue("ahead of", BOUNDARY, BEFORE, False, False, "Prices rose ahead of the March 3 vote.", "March 3"),
    Cue("than", COMPARED, WITHIN, True, False, "The gain left wages higher than a year earlier.", "a year earlier"),
    Cue(
        "from (an amount)",
        COMPARED,
        WITHIN,
        True,
        False,
        "Revenue declined 8% to $85.7 million, from $93.3 million a year earlier.",
        "a year earlier",
    ),
    Cue("on", AT, WITHIN, True, True, "Truckloads of goods rolled into Iraq on Tuesday.", "Tuesday"),
    Cue("in", AT, WITHIN, True, True, "Gabelli began raising its stake in July.", "July"),
    Cue("at", AT, WITHIN, True, True, "The offer expires at the end of November.", "the end of November"),
    Cue("during", AT, WITHIN, True, True, "Sales fell during the fourth quarter.", "the fourth quarter"),
    Cue("throughout", AT, WITHIN, True, True, "Prices rose throughout 1989.", "1989"),
    Cue("for", AT, WITHIN, True, False, "Ogden reported net income for the third quarter.", "the third quarter"),
    Cue("", AT, WITHIN, True, True, "The company said Tuesday it will close the plant.", "Tuesday"),
)
CUE_BY_WORDS = {cue.words: cue for cue in CUES}
BARE = CUE_BY_WORDS[""]

# Verbs of saying and of publishing results: the act of reporting, not what it reports.
REPORTING = ANCHORING_REPORTING


@dataclass(frozen=True)
class ClauseTime:
    """What the parse says about one time in a clause: all plain values."""

    verb: str  # the clause's verb as written ("announced")
    verb_lemma: str
    phrase: str  # the time phrase ("the fourth quarter")
    cue: str  # the words heading it ("by", "" when bare)
    direct: bool  # it modifies the verb itself, not one of its nouns
    looks_ahead: bool  # the verb's tense points past the article's date ("will", "could", "is to")
    pluperfect: bool  # "had announced": before some past moment the text may not date
    present_perfect: bool  # "has announced": recent, and English gives it no past date of its own
    simple_past: bool  # "reported": before the moment of writing, in daily news that day or the day before
    earliest: date
    latest: date
    within_day: bool = False  # a clock time or part of a day: "after 5 a.m." can still be that day
    near: bool = False  # "shortly after", "just before": right by the time, not merely bounded by it


@dataclass(frozen=True)
class Anchoring:
    """The relation and the event's own dates (None when the clause cannot be dated truthfully)."""

    relation: str
    reason: str
    earliest: date | None
    latest: date | None
    by_dct: bool = False  # dated by the article's date rather than by the time


def cue_of(words: str) -> Cue:
    return CUE_BY_WORDS.get(words.lower(), BARE)


def preference(time: ClauseTime) -> tuple[int, int, int]:
    """Sort key among a clause's times: one that dates it directly, then the narrowest."""
    rank = {AT: 0, BOUNDARY: 1, COMPARED: 2}[cue_of(time.cue).relation]
    return (rank, int(not time.direct), (time.latest - time.earliest).days)


def anchor(time: ClauseTime, dct: date) -> Anchoring:
    """Decide how the clause's event relates to its chosen time, and date it accordingly."""
    cue = cue_of(time.cue)
    ahead = time.looks_ahead or time.earliest > dct
    said = f"'{time.verb}'"
    if cue.relation == COMPARED:
        return Anchoring(AT, f"'{time.phrase}' dates what {said} is compared with: not dated", None, None)
    if time.verb_lemma in REPORTING and not ahead:
        if time.direct and cue.dates_report and not time.present_perfect:
            return Anchoring(REPORTED, f"{said} reports; '{time.phrase}' dates the report", time.earliest, time.latest)
        if time.pluperfect:
            return Anchoring(
                REPORTED, f"{said} reports before a past moment; '{time.phrase}' dates what it reports", None, None
            )
        recent = " (a present perfect takes no past date)" if time.present_perfect else ""
        if time.simple_past:  # written before the article went out: its day or the day before
            recent, earliest = " in the past tense (the article's day or the day before)", dct - timedelta(days=1)
        else:
            earliest = dct
        return Anchoring(
            REPORTED,
            f"{said} reports{recent}: dated by the article; '{time.phrase}' belongs to what it reports",
            earliest,
            dct,
            by_dct=True,
        )
    if cue.relation == BOUNDARY and time.near and time.within_day:
        return Anchoring(AT, f"'{cue.words} {time.phrase}' is right by it: it dates {said}", time.earliest, time.latest)
    if cue.relation == BOUNDARY:
        return _bounded(time, cue, dct, ahead)
    if ahead:
        return Anchoring(PLANNED, f"{said} looks ahead: planned for '{time.phrase}'", time.earliest, time.latest)
    how = f"'{cue.words} {time.phrase}'" if cue.words else f"'{time.phrase}'"
    return Anchoring(AT, f"{how} dates {said}", time.earliest, time.latest)


def _bounded(time: ClauseTime, cue: Cue, dct: date, ahead: bool) -> Anchoring:
    """Since/after bound the start, by/until/before the end; the article's date closes the other side."""
    bound = f"'{cue.words} {time.phrase}' bounds '{time.verb}'"
    inclusive = cue.inclusive or time.within_day or time.near  # the same day may still hold the event
    if cue.side == AFTER:
        earliest = time.earliest if inclusive else time.latest + timedelta(days=1)
        latest = OPEN_END if ahead else dct
        side = "from then on" if ahead else "between then and the article's date"
    else:
        earliest = dct if ahead else None
        latest = time.latest if inclusive else time.earliest - timedelta(days=1)
        side = "between the article's date and then" if ahead else "with no start the text gives"
    if earliest is None or earliest > latest:
        return Anchoring(BOUNDARY, f"{bound}, {side}: not dated", None, None)
    return Anchoring(BOUNDARY, f"{bound}: dated {side}", earliest, latest)


def range_value(anchoring: Anchoring) -> tuple[str, str]:
    """(TIMEX3-like value, granularity) of an event's own range: a day by its date, a wider range
    by its width ("open" when it runs on past any date the text gives)."""
    earliest, latest = anchoring.earliest, anchoring.latest
    if earliest is None or latest is None or latest == OPEN_END:
        return "", "open"
    if earliest == latest:
        return earliest.isoformat(), "day"
    days = (latest - earliest).days
    for limit, granularity in ((7, "week"), (31, "month"), (92, "quarter"), (366, "year"), (3660, "decade")):
        if days < limit:
            return "", granularity
    return "", "century"
