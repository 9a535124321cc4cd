"""Where a text narrates, read its underspecified dates against the date the narrative is on.

"Early October" after "September 17, 1939" is October 1939 in a history of the war, whatever the
day the page was downloaded. The document's reading comes from ``narrative.decide_doc_type``; a
news story's background paragraph (one full of explicit years far from its date) is read as a
narrative for that stretch alone. Expressions that speak from the text's own present ("today",
"now", "this year") keep the DCT.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

import regex

from timeline.temporal.detect import Candidate
from timeline.temporal.narrative import NARRATIVE, NEWS, DocTypeDecision, decide_doc_type, is_background
from timeline.temporal.narrative_signals import measure
from timeline.temporal.resolve.captures import Captures
from timeline.temporal.resolve.context import FUTURE, SCHEDULED, UNKNOWN, Anchor, ResolveContext
from timeline.temporal.timex import Resolution
from timeline.temporal.types import DURATION, SET, Sentence, TimeExpression

if TYPE_CHECKING:
    from spacy.tokens import Doc  # for types only: the model loads on first use

    Paragraph = tuple[tuple[int, int], tuple[list[Candidate], dict[int, Doc], list[Sentence]]]

# Words by which a narrative speaks from its own present: these keep the DCT.
PRESENT_WORDS = regex.compile(
    r"\b(?:today|now|nowadays|currently|present|presently|recent|recently|these\s+days|to\s+date|so\s+far)\b",
    regex.IGNORECASE,
)
# A date told as a look back from the narrative's date; the narrative stays where it was.
LOOK_BACK = regex.compile(r"\b(?:previous|earlier|before|prior|preceding|ago)\b", regex.IGNORECASE)
# Phrases that count from the day the text is written: "this year", "next spring", "last week".
DEICTIC_PHRASE = regex.compile(
    r"\b(?<!\bthe\s)(?:(?:this|next|last|coming|past)\s+(?:year|month|week|weekend|spring|summer|fall|autumn|winter)"
    r"(?!\s+of\b)"
    r"|yesterday|tomorrow|tonight)\b",
    regex.IGNORECASE,
)
# How a text names the time of a plan; a day it looks forward to ("would follow on 18 September")
# is, in a narrative, usually a day that came.
PLANNED_GRANULARITIES = ("year", "season", "quarter")
# Dates the narrative may be on: a year or finer (a decade leaves the year open).
REFERENCE_GRANULARITIES = ("day", "part_of_day", "time", "week", "month", "season", "quarter", "year")
DAY_GRANULARITIES = ("day", "part_of_day", "time")
WEEKDAY_REACH = 3  # sentences back a bare weekday may look for the day it follows


@dataclass(frozen=True)
class NarrativeReading:
    """The document's reading and the stretches (character ranges) read as narrative."""

    decision: DocTypeDecision
    stretches: tuple[tuple[int, int], ...] = ()

    def covers(self, offset: int) -> bool:
        return self.stretch_at(offset) is not None

    def stretch_at(self, offset: int) -> tuple[int, int] | None:
        return next(((start, end) for start, end in self.stretches if start <= offset < end), None)


NEWS_READING = NarrativeReading(DocTypeDecision(NEWS, (), "news"))


def read_document(
    text: str,
    candidates: Sequence[Candidate],
    docs: Mapping[int, Doc],
    sentences: Sequence[Sentence],
    dct: date | None,
    doc_type: str,
) -> NarrativeReading:
    """Decide the document's type; for news, find its background paragraphs."""
    decision = decide_doc_type(measure(text, candidates, docs, sentences), dct, doc_type)
    if decision.doc_type == NARRATIVE:
        return NarrativeReading(decision, ((0, len(text)),))
    if decision.given or dct is None:
        return NarrativeReading(decision)
    background = tuple(
        (start, end)
        for (start, end), (held, parsed, told) in by_paragraph(text, candidates, docs, sentences)
        if held and is_background(measure(text, held, parsed, told, start, end), dct)
    )
    if background:
        told = f"{len(background)} background paragraph{'s' if len(background) > 1 else ''} read from the dates told"
        decision = replace(decision, evidence=f"{decision.evidence}; {told}")
    return NarrativeReading(decision, background)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """The text's lines with words on them, as (start, end) offsets."""
    return [(m.start(), m.end()) for m in regex.finditer(r"[^\n]*\S[^\n]*", text)]


def by_paragraph(
    text: str, candidates: Sequence[Candidate], docs: Mapping[int, Doc], sentences: Sequence[Sentence]
) -> list[Paragraph]:
    """Each paragraph with its own candidates, parses and sentences, in one pass (a long text of many
    short lines must not be scanned once per line)."""
    spans = paragraphs(text)
    starts = [start for start, _ in spans]
    parts: list[tuple[list[Candidate], dict[int, Doc], list[Sentence]]] = [([], {}, []) for _ in spans]
    for candidate in candidates:
        if (at := bisect_right(starts, candidate.start) - 1) >= 0:
            parts[at][0].append(candidate)
    for sentence in sentences:
        if (at := bisect_right(starts, sentence.start) - 1) >= 0:
            parts[at][2].append(sentence)
            if sentence.index in docs:
                parts[at][1][sentence.index] = docs[sentence.index]
    return list(zip(spans, parts, strict=True))


Resolve = Callable[[Captures, ResolveContext], "Resolution | None"]


def reference_day(anchor: Anchor) -> date:
    """The day a date of the narrative stands for: the day itself, else the middle of its span."""
    if anchor.granularity in DAY_GRANULARITIES:
        return anchor.earliest
    if anchor.granularity == "year":  # "late 1949" still holds all of 1949's months: its middle
        return date(anchor.earliest.year, 7, 2)
    return anchor.earliest + timedelta(days=(anchor.latest - anchor.earliest).days // 2)


def names_a_season(groups: Captures) -> bool:
    """ "that summer", "in the fall": read in the year the narrative is in (the nearest summer to a
    January day lies in the year before, which a narrative has not gone back to)."""
    season = (groups["season"] or "") if "season" in groups else ""
    return bool(season) and season.lower() != "winter"  # winter straddles two years: the nearest one


def is_bare_weekday(groups: Captures) -> bool:
    """ "on Monday": a weekday with no relation, month or day of its own."""
    named = {name: groups[name] for name in ("weekday", "rel", "month", "day", "arel") if name in groups}
    return bool(named.get("weekday")) and not any(named.get(name) for name in ("rel", "month", "day", "arel"))


def resolve_in_narrative(
    resolve: Resolve, candidate: Candidate, phrase: str, ctx: ResolveContext, reading: NarrativeReading
) -> Resolution | None:
    """The resolver's answer read against the narrative's date where the text narrates, else its own.

    The answer changes only when it depended on the DCT (an explicit "17 September 1939" does not);
    then it names the date it was read against and why.
    """
    own = resolve(candidate.groups, ctx)
    anchor = ctx.anchor
    stretch = reading.stretch_at(candidate.start)
    if stretch is None or PRESENT_WORDS.search(phrase) or DEICTIC_PHRASE.search(phrase):
        return own  # the text speaks from its own day
    if own is not None and own.type in (DURATION, SET):
        return own  # a length or a regularity is no date on the narrative's line
    if anchor is None or anchor.granularity not in REFERENCE_GRANULARITIES or not stretch[0] <= anchor.start:
        return own  # only a date the stretch itself has told (a background paragraph starts afresh)
    weekday = is_bare_weekday(candidate.groups)
    if weekday and (
        anchor.granularity not in DAY_GRANULARITIES or not 0 <= ctx.sentence - anchor.sentence <= WEEKDAY_REACH
    ):
        return None  # a weekday in a past told by years or months: no day to count from, so no date
    # The narrative moves forward: a bare weekday is the next such day on or after the one it is on;
    # other dates take the occurrence nearest the narrative's date, whatever the tense (all past).
    narrative_ctx = replace(
        ctx,
        dct=date(reference_day(anchor).year, 7, 2) if names_a_season(candidate.groups) else reference_day(anchor),
        direction=FUTURE if weekday else UNKNOWN,
        strength=2 if weekday else 0,
    )
    told = resolve(candidate.groups, narrative_ctx)
    if told is None or told == own:
        return told
    if reading.decision.doc_type == NARRATIVE:
        why = f"narrative text ({', '.join(reading.decision.cues) or 'as given'})"
    else:
        why = "background paragraph of news (its years all far before the DCT, past simple, no deictic word)"
    why += f": read against {anchor.value}, not the DCT"
    note = "; ".join(filter(None, (told.note, why)))
    return replace(told, anchor=f"e{anchor.index}" if told.anchor == "DCT" else told.anchor, note=note)


def moves_the_narrative(
    expression: TimeExpression, anchor: Anchor | None, reading: NarrativeReading, direction: str = UNKNOWN
) -> bool:
    """Whether a date becomes the one the narrative is on. In a narrative stretch four do not: a date
    read from the text's present ("now", "recently"), a year or season looked forward to ("the push
    planned for 1976"), a look back ("the previous year", "two years earlier"), and a coarser date holding the one
    just told, in its sentence ("December 7, 1941")."""
    if not reading.covers(expression.start):
        return True
    if direction in (FUTURE, SCHEDULED) and expression.granularity in PLANNED_GRANULARITIES:
        return False  # a plan ("the push planned for 1976") is not yet a happening: the story stays
    if (
        PRESENT_WORDS.search(expression.text)
        or DEICTIC_PHRASE.search(expression.text)
        or expression.value.endswith("_REF")
    ):
        return False
    if LOOK_BACK.search(expression.text):
        return False
    return not (
        anchor is not None
        and anchor.sentence == expression.sentence
        and expression.earliest <= anchor.earliest
        and anchor.latest <= expression.latest
        and (expression.earliest, expression.latest) != (anchor.earliest, anchor.latest)
    )
