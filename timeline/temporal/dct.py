"""Inferring the article's date (DCT) when nobody gave one: strong evidence or nothing.

A wrong DCT shifts every relative date in the article, silently; no DCT makes the engine
ask the user. So only three kinds of evidence count, each checked against the text:
a metadata line ("Published: 2024-04-13"), a dateline that states its year
("WASHINGTON, March 3, 2025 (Reuters) -"), and a full date with a matching weekday near
the top in a clause that is not past tense (a photo caption: "Saturday, April 13, 2024"). A past-tense clause dated after
the candidate refutes it. The latest date in the text or a dateline's year borrowed from
elsewhere are guesses, and guesses are not given.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import regex

from timeline.temporal.lexicon import MONTHS, WEEKDAYS
from timeline.temporal.resolve.context import PAST, UNKNOWN
from timeline.temporal.rules.fragments import DAY, MONTH, WEEKDAY, YEAR
from timeline.temporal.tense import text_direction
from timeline.temporal.timex import clamp_date
from timeline.temporal.types import DctEvidence

_FULL_DATE = regex.compile(
    rf"(?:(?P<weekday>{WEEKDAY}),?\s+)?(?P<month>{MONTH})\s*(?P<day>{DAY}),?\s+(?P<year>{YEAR})"
    rf"|(?:(?P<weekday2>{WEEKDAY}),?\s+)?(?P<day2>{DAY})\s+(?P<month2>{MONTH}),?\s+(?P<year2>{YEAR})"
)
_ISO = regex.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)-(?P<month>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])(?!\d)")
_METADATA = regex.compile(
    r"(?im)^[ \t]*(?:published|posted|updated|last\s+updated|date|dateline|first\s+published)\b[^\n]{0,12}?[:\-–—]?\s*(?P<rest>[^\n]{4,80})$"
)
_DATELINE = regex.compile(
    rf"(?m)^[ \t]*[A-Z][A-Za-z .,'’-]{{1,60}}?,?\s+(?:\([A-Za-z .]+\)\s*[-–—]\s*)?(?P<month>{MONTH})\s*(?P<day>{DAY})(?:,?\s+(?P<year>{YEAR}))?"
    r"\s*(?:\([A-Za-z .]+\))?\s*[-–—]"
)
_CLAUSE_START = regex.compile(r"[.!?;:\n—–]")  # a dash or colon opens a new clause too
HEAD_CHARS = 3000  # metadata lines sit above the story
DATELINE_CHARS = 1500  # a dateline opens the story
CAPTION_CHARS = 1000  # a caption date sits above or beside the lede
CLAUSE_CHARS = 200  # how far a tense cue is looked for around a date that might refute the DCT

METADATA, DATELINE, CAPTION = "metadata", "dateline", "full_date"
CONFIDENCE = {METADATA: 0.9, DATELINE: 0.8, CAPTION: 0.7}


@dataclass(frozen=True)
class DctExample:
    """A worked example of the rules below; the tests are generated from these."""

    text: str
    expected: date | None
    why: str


EXAMPLES: tuple[DctExample, ...] = (
    DctExample("Published: March 3, 2025\nLawmakers met on Friday.", date(2025, 3, 3), "metadata line"),
    DctExample("Updated 2024-11-17 08:00\nText.", date(2024, 11, 17), "ISO date on a metadata line"),
    DctExample(
        "WASHINGTON, March 3, 2025 (Reuters) - Senate leaders said on Monday ...",
        date(2025, 3, 3),
        "dateline with its year",
    ),
    DctExample(
        "JERUSALEM (AP) — April 15, 2024 — The cabinet met on Sunday.",
        date(2024, 4, 15),
        "dateline with its year after the outlet",
    ),
    DctExample(
        "Photo: Saturday, April 13, 2024, in the Situation Room.\nBiden met advisers.",
        date(2024, 4, 13),
        "caption date whose weekday matches",
    ),
    DctExample(
        "BRUSSELS, February 10 (AP) - Ministers met. The treaty was signed in May 1992.",
        None,
        "a dateline without a year borrows no year from elsewhere",
    ),
    DctExample(
        "The law passed on May 2, 2019. It was amended on June 5, 2021.",
        None,
        "the latest date in the text is a guess, not evidence",
    ),
    DctExample(
        "Monday, June 7, 1946, is a day he remembers. He was 19 then.",
        None,
        "a full date whose weekday does not match is a quotation, not a caption",
    ),
    DctExample(
        "WASHINGTON, Aug. 7, 1998 (AP) - Talks resumed. Officials said the suspects were arrested on Sept. 21, 1998.",
        None,
        "a past-tense event dated after the candidate refutes it",
    ),
    DctExample(
        "Published: May 3, 2024\nThe stadium is scheduled to open on June 1, 2026.",
        date(2024, 5, 3),
        "a later date in a future clause is a plan, not a refutation",
    ),
    DctExample(
        "HARWICK, Ohio - Fifty years on.\nThe festival opened on Saturday, July 17, 1976, under a clear sky.",
        None,
        "a full date in a past-tense clause is an event of the story, not a caption",
    ),
    DctExample(
        "Published: March 3, 2025\nLast updated March 5, 2025\nTalks resumed on Monday.",
        date(2025, 3, 3),
        "a later date on another metadata line is about the page, not a refutation",
    ),
    DctExample("Officials met on Friday to discuss the budget.", None, "no date at all"),
)


def metadata_spans(text: str) -> list[tuple[int, int]]:
    """Where the text states its own date: "Published: ..." lines and a dateline.

    Dates there say when the article was written, not when anything happened, so they
    anchor no event.
    """
    head = text[:HEAD_CHARS]
    spans = [(m.start(), m.end()) for m in _METADATA.finditer(head)]
    dateline = _DATELINE.search(text[:DATELINE_CHARS])
    if dateline:
        spans.append((dateline.start(), dateline.end()))
    return spans


def _full_date(match: regex.Match[str]) -> tuple[date | None, bool]:
    """The date a full-date match names, and whether its weekday (if written) agrees."""
    g = match.groupdict()
    month, day, year = g["month"] or g["month2"], g["day"] or g["day2"], g["year"] or g["year2"]
    resolved = clamp_date(int(year), MONTHS[month.lower().rstrip(".")], int(day.rstrip("stndrh")))
    weekday = g["weekday"] or g["weekday2"]
    agrees = bool(resolved and weekday and resolved.weekday() == WEEKDAYS[weekday.lower().rstrip(".")])
    return resolved, agrees


def _iso_date(match: regex.Match[str]) -> date | None:
    return clamp_date(int(match["year"]), int(match["month"]), int(match["day"]))


def _candidate(text: str) -> DctEvidence | None:
    """The strongest statement of the article's own date, unchecked."""
    for match in _METADATA.finditer(text[:HEAD_CHARS]):
        rest = match.group("rest")
        found = _FULL_DATE.search(rest)
        resolved = _full_date(found)[0] if found else None
        if resolved is None and (iso := _ISO.search(rest)):
            resolved = _iso_date(iso)
        if resolved:
            return DctEvidence(
                resolved, match.group().strip(), METADATA, CONFIDENCE[METADATA], match.start(), match.end()
            )
    dateline = _DATELINE.search(text[:DATELINE_CHARS])
    if dateline and dateline["year"]:
        resolved = clamp_date(
            int(dateline["year"]), MONTHS[dateline["month"].lower().rstrip(".")], int(dateline["day"].rstrip("stndrh"))
        )
        if resolved:
            return DctEvidence(
                resolved, dateline.group().strip(), DATELINE, CONFIDENCE[DATELINE], dateline.start(), dateline.end()
            )
    for match in _FULL_DATE.finditer(text[:CAPTION_CHARS]):
        resolved, agrees = _full_date(match)
        # A caption describes its photo in the present tense; a full date in a past-tense
        # clause is an event of the story ("The festival opened on Saturday, July 17, 1976").
        if resolved and agrees and _clause_direction(text, match.start(), match.end()) != PAST:
            return DctEvidence(resolved, match.group(), CAPTION, CONFIDENCE[CAPTION], match.start(), match.end())
    return None


def _clause_direction(text: str, start: int, end: int) -> str:
    """Tense of the clause around a date: the nearest cue before it, else the first after it."""
    before = text[max(0, start - CLAUSE_CHARS) : start]
    boundaries = list(_CLAUSE_START.finditer(before))
    before = before[boundaries[-1].end() :] if boundaries else before
    direction = text_direction(before)
    if direction == UNKNOWN:  # no cue before it ("In 2019, prices rose"): read on to the verb
        after = text[end : end + CLAUSE_CHARS]
        stop = _CLAUSE_START.search(after)
        after = after[: stop.start()] if stop else after
        direction = text_direction(after)
    return direction


def refutation(text: str, candidate: DctEvidence) -> tuple[date, str] | None:
    """A date after ``candidate`` in a past-tense clause: (that date, its text), or None."""
    dated = [(m, _full_date(m)[0]) for m in _FULL_DATE.finditer(text)]
    dated += [(m, _iso_date(m)) for m in _ISO.finditer(text)]
    metadata = metadata_spans(text)  # "Last updated March 5" is about the page, not an event
    for match, day in dated:
        if day is None or day <= candidate.value or candidate.start <= match.start() < candidate.end:
            continue
        if any(start <= match.start() < end for start, end in metadata):
            continue
        if _clause_direction(text, match.start(), match.end()) == PAST:
            return day, match.group()
    return None


def assess_dct(text: str) -> tuple[DctEvidence | None, str]:
    """The article's date when the text states it and nothing in it says otherwise, and, when a
    stated date was refused, why (for people). Confidence: 0.9 for a metadata line, 0.8 for a
    dateline with a year, 0.7 for a full date with a matching weekday near the top (a caption).
    """
    candidate = _candidate(text)
    if candidate is None:
        return None, ""
    refuted = refutation(text, candidate)
    if refuted is None:
        return candidate, ""
    stated, later = candidate.value, refuted[0]
    return None, (
        f"The text states {stated.day} {stated:%B %Y} (“{candidate.evidence}”) but also tells of "
        f"something that happened on {later.day} {later:%B %Y} (“{refuted[1]}”), so that date "
        f"was not taken."
    )


def infer_dct(text: str) -> DctEvidence | None:
    """The article's date when the text states it and nothing in it says otherwise; else None."""
    return assess_dct(text)[0]


def doubt(text: str) -> str:
    """Why the date the text states was not taken ('' when it states none or it was taken)."""
    return assess_dct(text)[1]
