"""What every engine result must satisfy, whatever the text: offsets, ranges, TIMEX3 values."""

from __future__ import annotations

import re
from datetime import date

from timeline.temporal.timex import is_timex_value
from timeline.temporal.types import DATE, DURATION, GRANULARITIES, SET, TIME, Extraction

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T|$)")
_MONTH = re.compile(r"^(\d{4})-(\d{2})(?:$|T)")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})")
_ANCHOR = re.compile(r"^(?:DCT|e(\d+))$")


def impossible_calendar_part(value: str) -> str | None:
    """The part of a TIMEX3 value that names no real calendar day, month or ISO week, if any.

    The TIMEX3 grammar accepts "2024-02-30" and "2024-13"; the calendar does not.
    """
    if day := _DAY.match(value):
        year, month, day_of_month = (int(part) for part in day.groups())
        try:
            date(year, month, day_of_month)
        except ValueError:
            return day.group(0).rstrip("T")
    elif month := _MONTH.match(value):
        if not 1 <= int(month.group(2)) <= 12:
            return month.group(0).rstrip("T")
    elif week := _WEEK.match(value):
        try:
            date.fromisocalendar(int(week.group(1)), int(week.group(2)), 1)
        except ValueError:
            return week.group(0)
    return None


def extraction_problems(text: str, result: Extraction) -> list[str]:
    """Every broken promise of ``result`` about ``text``; an empty list means it is sound."""
    problems: list[str] = []
    sentences = {s.index: s for s in result.sentences}
    if [s.index for s in result.sentences] != list(range(len(result.sentences))):
        problems.append(f"sentence indices are not 0..n-1: {[s.index for s in result.sentences]}")
    for s in result.sentences:
        if not (0 <= s.start <= s.end <= len(text)) or text[s.start : s.end] != s.text:
            problems.append(f"sentence {s.index} [{s.start}:{s.end}] does not match the text: {s.text!r}")
    for position, e in enumerate(result.expressions):
        where = f"expression {position} {e.text!r} [{e.start}:{e.end}]"
        if not (0 <= e.start < e.end <= len(text)) or text[e.start : e.end] != e.text:
            problems.append(f"{where}: offsets do not give its text ({text[e.start : e.end]!r})")
        if e.index != position:
            problems.append(f"{where}: index {e.index} is not its position")
        if e.earliest > e.latest:
            problems.append(f"{where}: earliest {e.earliest} is after latest {e.latest}")
        if not is_timex_value(e.value):
            problems.append(f"{where}: value {e.value!r} is not TIMEX3")
        elif (bad := impossible_calendar_part(e.value)) is not None:
            problems.append(f"{where}: value {e.value!r} names an impossible date {bad!r}")
        if e.type not in (DATE, TIME, DURATION, SET):
            problems.append(f"{where}: unknown type {e.type!r}")
        if e.granularity not in GRANULARITIES:
            problems.append(f"{where}: unknown granularity {e.granularity!r}")
        sentence = sentences.get(e.sentence)
        if sentence is None or not (sentence.start <= e.start and e.end <= sentence.end):
            problems.append(f"{where}: not inside its sentence {e.sentence}")
        anchor = _ANCHOR.match(e.anchor)
        if anchor is None or (anchor.group(1) is not None and not int(anchor.group(1)) < position):
            problems.append(f"{where}: anchor {e.anchor!r} names no earlier expression")
    spans = sorted((e.start, e.end) for e in result.expressions)
    for (_, end), (start, _) in zip(spans, spans[1:]):
        if start < end:
            problems.append(f"expressions overlap at {start}")
    for candidate in result.events:
        if candidate.sentence not in sentences:
            problems.append(f"event {candidate} names a missing sentence")
        elif candidate.expression is None:  # the article's news, dated by the article: it must say so
            if not candidate.evidence:
                problems.append(f"event {candidate} has no time expression and no evidence for its date")
        elif not 0 <= candidate.expression < len(result.expressions):
            problems.append(f"event {candidate} names a missing expression")
        elif result.expressions[candidate.expression].sentence != candidate.sentence:
            problems.append(f"event {candidate} is dated by an expression from another sentence")
    evidence = result.dct_evidence
    if evidence is not None and evidence.start >= 0 and not 0 <= evidence.start <= evidence.end <= len(text):
        problems.append(f"DCT evidence offsets [{evidence.start}:{evidence.end}] are outside the text")
    return problems
