"""What a user might use instead: spaCy's NER with dateparser, and dateparser's search_dates."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

import dateparser
from dateparser.search import search_dates

from timeline.evaluation.gold import Span

if TYPE_CHECKING:
    from spacy.language import Language


def _settings(dct: date) -> dict:
    return {"RELATIVE_BASE": datetime.combine(dct, datetime.min.time()), "PREFER_DATES_FROM": "past"}


def _span(text: str, start: int, end: int, parsed: datetime | None) -> Span:
    day = parsed.date().isoformat() if parsed else ""
    return Span(start, end, text[start:end], day, day, day)


def spacy_ner_baseline(text: str, dct: date, nlp: Language) -> list[Span]:
    """Every DATE/TIME entity of the full pipeline, resolved by dateparser to a day."""
    doc = nlp(text)
    return [
        _span(text, ent.start_char, ent.end_char, dateparser.parse(ent.text, languages=["en"], settings=_settings(dct)))
        for ent in doc.ents
        if ent.label_ in ("DATE", "TIME")
    ]


def search_dates_baseline(text: str, dct: date) -> list[Span]:
    """dateparser.search.search_dates over the whole text, offsets found left to right."""
    found = search_dates(text, languages=["en"], settings=_settings(dct)) or []
    spans, cursor = [], 0
    for phrase, parsed in found:
        start = text.find(phrase, cursor)
        if start < 0:
            start = text.find(phrase)
        if start < 0:
            continue
        spans.append(_span(text, start, start + len(phrase), parsed))
        cursor = start + len(phrase)
    return spans
