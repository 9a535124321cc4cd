"""Measure what ``narrative.decide_doc_type`` weighs: explicit years, finite verbs, deictic words."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import regex

from timeline.temporal.detect import Candidate
from timeline.temporal.lexicon import year_number
from timeline.temporal.narrative import DEICTIC_WORDS, TextSignals
from timeline.temporal.types import Sentence

if TYPE_CHECKING:
    from spacy.tokens import Doc  # for types only: the model loads on first use

DEICTIC = regex.compile(
    r"\b(?:" + "|".join(regex.escape(word).replace(r"\ ", r"\s+") for word in DEICTIC_WORDS) + r")\b",
    regex.IGNORECASE,
)
WORD = regex.compile(r"\w+")
FUTURE_MODALS = {"will", "shall", "'ll", "wo"}  # "wo" is the model's token for "won't"
YEAR_GROUPS = ("year", "year2")
EARLIEST_YEAR, LATEST_YEAR = 100, 2999  # a "year" group outside these is a count, not a year


def explicit_years(candidates: Sequence[Candidate], start: int = 0, end: int | None = None) -> tuple[int, ...]:
    """The years the text writes out ("1939", "September 17, 1939"), in reading order."""
    years = []
    for candidate in sorted(candidates, key=lambda c: c.start):
        if candidate.start < start or (end is not None and candidate.start >= end):
            continue
        for group in YEAR_GROUPS:
            text = candidate.groups.get(group) if group in candidate.groups else None
            year = year_number(text) if text else None
            if year is not None and EARLIEST_YEAR <= year <= LATEST_YEAR:
                years.append(year)
                break
    return tuple(years)


def verb_counts(docs: Mapping[int, Doc], sentence_indexes: Sequence[int] | None = None) -> tuple[int, int, int]:
    """Finite verbs in the parsed sentences: (past simple, present, future)."""
    past = present = future = 0
    for index, doc in docs.items():
        if sentence_indexes is not None and index not in sentence_indexes:
            continue
        for token in doc:
            if token.tag_ == "VBD":
                past += 1
            elif token.tag_ in ("VBZ", "VBP"):
                present += 1
            elif token.tag_ == "MD" and token.lower_ in FUTURE_MODALS:
                future += 1
    return past, present, future


def measure(
    text: str,
    candidates: Sequence[Candidate],
    docs: Mapping[int, Doc],
    sentences: Sequence[Sentence],
    start: int = 0,
    end: int | None = None,
) -> TextSignals:
    """The signals of ``text[start:end]``: its explicit years, verbs and deictic words."""
    stop = len(text) if end is None else end
    inside = [s.index for s in sentences if start <= s.start < stop]
    past, present, future = verb_counts(docs, inside)
    stretch = text[start:stop]
    return TextSignals(
        years=explicit_years(candidates, start, stop),
        past=past,
        present=present,
        future=future,
        deictic=tuple(m.group().lower() for m in DEICTIC.finditer(stretch)),
        words=len(WORD.findall(stretch)),
    )
