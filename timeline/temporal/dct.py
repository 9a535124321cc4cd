"""Inferring the article's date (DCT) when nobody gave one, with evidence and confidence."""

from __future__ import annotations

from collections import Counter
from datetime import date

import regex

from timeline.temporal.lexicon import MONTHS, WEEKDAYS
from timeline.temporal.rules.fragments import DAY, MONTH, WEEKDAY, YEAR
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
    rf"(?m)^[ \t]*[A-Z][A-Za-z .,'’-]{{1,60}}?,?\s+(?P<month>{MONTH})\s*(?P<day>{DAY})(?:,?\s+(?P<year>{YEAR}))?"
    r"\s*(?:\([A-Za-z .]+\))?\s*[-–—]"
)


def metadata_spans(text: str) -> list[tuple[int, int]]:
    """Where the text states its own date: "Published: ..." lines and a dateline.

    Dates there say when the article was written, not when anything happened, so they
    anchor no event.
    """
    head = text[:3000]
    spans = [(m.start(), m.end()) for m in _METADATA.finditer(head)]
    dateline = _DATELINE.search(text[:1500])
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


def infer_dct(text: str) -> DctEvidence | None:
    """Best guess of the DCT: metadata line, then dateline, then the article's full dates.

    Confidence: 0.9 for a "Published:" line, 0.8 for a dateline with a year, 0.7 for a
    full date with a matching weekday near the top (a photo caption), 0.4 for the
    latest full date anywhere. None when the text names no full date at all.
    """
    head = text[:3000]
    for match in _METADATA.finditer(head):
        rest = match.group("rest")
        found = _FULL_DATE.search(rest) or _ISO.search(rest)
        if found:
            resolved = _full_date(found)[0] if found.re is _FULL_DATE else clamp_date(
                int(found["year"]), int(found["month"]), int(found["day"]))
            if resolved:
                return DctEvidence(resolved, match.group().strip(), "metadata", 0.9, match.start(), match.end())
    years = Counter(int(m.group()) for m in regex.finditer(rf"\b{YEAR}", text))
    dateline = _DATELINE.search(text[:1500])
    if dateline:
        year = int(dateline["year"]) if dateline["year"] else (years.most_common(1)[0][0] if years else None)
        resolved = clamp_date(year, MONTHS[dateline["month"].lower().rstrip(".")], int(dateline["day"].rstrip("stndrh"))) if year else None
        if resolved:
            confidence = 0.8 if dateline["year"] else 0.5
            return DctEvidence(resolved, dateline.group().strip(), "dateline", confidence, dateline.start(), dateline.end())
    dates = [(m, *_full_date(m)) for m in _FULL_DATE.finditer(text)]
    dates = [(m, d, agrees) for m, d, agrees in dates if d is not None]
    for match, resolved, agrees in dates:
        if match.start() < 1000 and agrees:
            return DctEvidence(resolved, match.group(), "full_date", 0.7, match.start(), match.end())
    iso = [(m, clamp_date(int(m["year"]), int(m["month"]), int(m["day"]))) for m in _ISO.finditer(text)]
    candidates = [(m, d) for m, d, _ in dates] + [(m, d) for m, d in iso if d]
    if candidates:
        match, resolved = max(candidates, key=lambda pair: pair[1])
        return DctEvidence(resolved, match.group(), "latest_date", 0.4, match.start(), match.end())
    return None
