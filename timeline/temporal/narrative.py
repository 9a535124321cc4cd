"""Does a text report news from its own date, or narrate a period of its own? A pure policy.

A news story speaks from its date: "yesterday", "this week", verbs in the present and future, the
years it names close to the article's. A narrative (a history, a biography, a Wikipedia article
read years after it was written) tells a past of its own: explicit years far from the date given,
advancing through the text, past simple throughout, no deictic words. In a narrative, "early
October" or "the next day" are read against the date the text has just told, not the DCT.

Each cue is data with an example; the decision records which cues fired and their measures.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

NEWS = "news"
NARRATIVE = "narrative"
AUTO = "auto"
DOC_TYPES = (AUTO, NEWS, NARRATIVE)

FAR_YEARS = 2  # an explicit year this many years or more from the DCT's is far from it
BACKGROUND_MIN_YEARS = 2  # explicit years a paragraph of news needs to be read as background
MIN_YEARS = 3  # explicit years needed before the spread of years says anything


@dataclass(frozen=True)
class Cue:
    """One thing a reader notices, which way it points, and a text where it shows."""

    name: str
    points_to: str  # NEWS or NARRATIVE
    means: str
    example: str
    dct: str = "2009-12-19"  # the date the example is read on


CUES = (
    Cue(
        "far_years",
        NARRATIVE,
        f"most explicit years lie {FAR_YEARS} or more years from the DCT",
        "On 1 September 1939, Germany invaded Poland.",
    ),
    Cue(
        "years_in_order",
        NARRATIVE,
        "the explicit years advance through the text",
        "In 1940 Italy invaded Greece. In 1941 Germany attacked the Soviet Union. By 1943 ...",
    ),
    Cue(
        "past_simple",
        NARRATIVE,
        "past simple dominates the finite verbs; few in the present or future",
        "Germany invaded Denmark; France fell; the British evacuated.",
    ),
    Cue(
        "background",
        NARRATIVE,
        f"a paragraph of news with {BACKGROUND_MIN_YEARS}+ explicit years, all far before the DCT, told in the "
        "past simple, with no deictic word",
        "Keating was convicted in 1991. The bonds, sold in 1986, became worthless.",
        "1998-01-15",
    ),
    Cue(
        "deictic",
        NEWS,
        "words that speak from the article's own day",
        "Officials said yesterday that the talks will resume this week.",
        "2024-04-13",
    ),
)
CUES_BY_NAME = {cue.name: cue for cue in CUES}

# The words a text uses when it speaks from its own day ("yesterday", "this week"); a history does not.
DEICTIC_WORDS = (
    "yesterday",
    "today",
    "tomorrow",
    "tonight",
    "this week",
    "last week",
    "next week",
    "this month",
    "last month",
    "next month",
    "last year",
    "next year",
    "this morning",
    "this afternoon",
    "this evening",
    "this weekend",
    "last weekend",
    "next weekend",
)


@dataclass(frozen=True)
class TextSignals:
    """What was measured in a text (or a stretch of it), in reading order."""

    years: tuple[int, ...] = ()  # explicit years, as written ("1939", "September 17, 1939")
    past: int = 0  # finite verbs in the past simple
    present: int = 0  # finite verbs in the present
    future: int = 0  # "will", "shall", "'ll"
    deictic: tuple[str, ...] = ()  # deictic words found, in order
    words: int = 0


@dataclass(frozen=True)
class DocTypeDecision:
    """The reading chosen for a text, the cues that chose it, and a sentence saying so."""

    doc_type: str
    cues: tuple[str, ...]
    evidence: str
    given: bool = False


def far_share(years: tuple[int, ...], dct: date) -> float:
    """The share of explicit years ``FAR_YEARS`` or more from the DCT's year."""
    if not years:
        return 0.0
    return sum(abs(year - dct.year) >= FAR_YEARS for year in years) / len(years)


def in_order_share(years: tuple[int, ...]) -> float:
    """The share of consecutive explicit years that stay or advance (1.0 for a chronicle)."""
    pairs = list(zip(years, years[1:], strict=False))
    if not pairs:
        return 0.0
    return sum(later >= earlier for earlier, later in pairs) / len(pairs)


def past_share(signals: TextSignals) -> float:
    verbs = signals.past + signals.present + signals.future
    return signals.past / verbs if verbs else 0.0


def deictic_rate(signals: TextSignals) -> float:
    """Deictic words per thousand words."""
    return 1000 * len(signals.deictic) / signals.words if signals.words else 0.0


# Thresholds a narrative must pass on every cue; news fails at least one.
NARRATIVE_FAR_SHARE = 0.6
NARRATIVE_ORDER_SHARE = 0.6
NARRATIVE_PAST_SHARE = 0.85  # news past its lead mixes in the present: at most about 0.8
NARRATIVE_MAX_DEICTIC = 0.5  # per thousand words: one "today" in a long history is allowed


def decide_doc_type(signals: TextSignals, dct: date | None, given: str = AUTO) -> DocTypeDecision:
    """News or narrative, from the cues; a type given by the caller wins, and says so."""
    if given in (NEWS, NARRATIVE):
        return DocTypeDecision(given, (), f"document type {given}, as given", given=True)
    if given != AUTO:
        raise ValueError(f"doc_type must be one of {', '.join(DOC_TYPES)}, not {given!r}")
    if dct is None:
        return DocTypeDecision(NEWS, (), "news: no article date to compare the years with")
    measures = {
        "far_years": far_share(signals.years, dct),
        "years_in_order": in_order_share(signals.years),
        "past_simple": past_share(signals),
        "deictic": deictic_rate(signals),
    }
    fired = tuple(
        name
        for name, passed in (
            ("far_years", len(signals.years) >= MIN_YEARS and measures["far_years"] >= NARRATIVE_FAR_SHARE),
            ("years_in_order", measures["years_in_order"] >= NARRATIVE_ORDER_SHARE),
            ("past_simple", measures["past_simple"] >= NARRATIVE_PAST_SHARE),
            ("deictic", measures["deictic"] > NARRATIVE_MAX_DEICTIC),
        )
        if passed
    )
    narrative = all(name in fired for name in ("far_years", "years_in_order", "past_simple")) and "deictic" not in fired
    doc_type = NARRATIVE if narrative else NEWS
    described = (
        f"{len(signals.years)} explicit years, {measures['far_years']:.0%} of them {FAR_YEARS}+ years from the DCT, "
        f"{measures['years_in_order']:.0%} in order; past simple {measures['past_simple']:.0%} of finite verbs; "
        f"{len(signals.deictic)} deictic word{'' if len(signals.deictic) == 1 else 's'} "
        f"({measures['deictic']:.1f} per 1,000)"
    )
    return DocTypeDecision(doc_type, fired, f"{doc_type}: {described}")


def is_background(signals: TextSignals, dct: date) -> bool:
    """A news paragraph telling an older past: its explicit years all far before the DCT, its verbs in
    the past simple, no deictic word."""
    return (
        len(signals.years) >= BACKGROUND_MIN_YEARS
        and all(year <= dct.year - FAR_YEARS for year in signals.years)
        and past_share(signals) >= NARRATIVE_PAST_SHARE
        and not signals.deictic
    )
