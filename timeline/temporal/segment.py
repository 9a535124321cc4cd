"""Sentences: paragraphs split on newlines, then spaCy's rule-based sentencizer."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import regex

from timeline.temporal.types import Sentence

if TYPE_CHECKING:
    from spacy.language import Language

_PARAGRAPH = regex.compile(r"[^\n]+")
UNFINISHED_ENDINGS = ("(", "[", "—", "–", "-", ",")
_OPENING_QUOTE_AT_END = regex.compile(r"[.!?]\s+[\"“‘']$")


def split_sentences(text: str, splitter: Language) -> list[Sentence]:
    """Sentences with offsets into ``text``; blank lines and debris-only lines are skipped.

    A scraped article's lines ("CNN", a photo credit) carry no end punctuation, so a
    newline always ends a sentence; within a line the sentencizer splits on . ! ?
    (spaCy's tokenizer keeps "U.S.", "Gen." and "Oct." whole, so they do not split).
    """
    paragraphs = [(m.start(), m.group()) for m in _PARAGRAPH.finditer(text) if m.group().strip()]
    sentences: list[Sentence] = []
    for (offset, _paragraph), doc in zip(paragraphs, splitter.pipe(p for _, p in paragraphs), strict=True):
        first_in_paragraph = len(sentences)
        for sent in doc.sents:
            stripped = sent.text.strip()
            if not stripped:
                continue
            start = offset + sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
            previous = sentences[-1] if len(sentences) > first_in_paragraph else None
            if previous is not None and previous.text.endswith(UNFINISHED_ENDINGS):
                # "MONTPELIER, Vt. (AP) —" split after "Vt.": a sentence never ends on "(" or a dash
                merged = text[previous.start : start + len(stripped)]
                sentences[-1] = Sentence(previous.index, previous.start, start + len(stripped), merged)
                continue
            if previous is not None and _OPENING_QUOTE_AT_END.search(previous.text):
                # 'Friday. "This is painful," she said.': the opening quote starts the next sentence
                quote = previous.start + len(previous.text) - 1
                kept = text[previous.start : quote].rstrip()
                sentences[-1] = Sentence(previous.index, previous.start, previous.start + len(kept), kept)
                stripped = text[quote : start + len(stripped)]
                start = quote
            sentences.append(Sentence(len(sentences), start, start + len(stripped), stripped))
    return sentences


def sentence_index_at(sentences: Sequence[Sentence], position: int) -> int:
    """Index of the sentence holding ``position`` (binary search over starts)."""
    low, high = 0, len(sentences) - 1
    while low < high:
        mid = (low + high + 1) // 2
        if sentences[mid].start <= position:
            low = mid
        else:
            high = mid - 1
    return low
