"""Time words capitalised mid-sentence are names: ABC's "This Week", "USA Today", "VOA Today".

Running text writes "this week" and "today" in lower case; a capital on the unit word away from
the start of a sentence marks a title or a brand. Headlines (Title Case or ALL CAPS lines) capitalise
every word, so there the capital says nothing and the expression stays.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from timeline.temporal.detect import Candidate

# Deictic words only: month and weekday names are always capitalised, and "Fourth Quarter",
# "Fiscal Year 1990" or "Election Day" are capitalised in ordinary copy.
_NAME_WORD = regex.compile(r"\b(?:Week|Weekend|Month|Year|Decade|Today|Tonight|Tomorrow|Yesterday)\b")
_OPENERS = "\"'“‘([«—– \t"
_WORD = regex.compile(r"[A-Za-z][A-Za-z'’-]*")
_SMALL = {"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "by", "with", "as", "is"}


def _sentence_initial(text: str, start: int) -> bool:
    i = start
    while i > 0 and text[i - 1] in _OPENERS:
        i -= 1
    return i == 0 or text[i - 1] in ".!?:;\n"


def _headline_line(text: str, start: int, end: int) -> bool:
    """A line whose words (short function words aside) are all capitalised."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    words = [
        w for w in _WORD.findall(text[line_start : line_end if line_end >= 0 else len(text)]) if w.lower() not in _SMALL
    ]
    return len(words) >= 2 and all(w[0].isupper() for w in words)


def is_capitalised_name(text: str, candidate: Candidate) -> bool:
    phrase = text[candidate.start : candidate.end]
    if candidate.rule == "holiday" or any(c.isdigit() for c in phrase) or phrase.isupper():
        return False
    named = _NAME_WORD.search(phrase)
    if named is None:
        return False
    # "Today, the market fell": the first word of a sentence is capitalised anyway.
    if named.start() == 0 and _sentence_initial(text, candidate.start):
        return False
    return not _headline_line(text, candidate.start, candidate.end)


def drop_capitalised_names(text: str, candidates: Sequence[Candidate]) -> list[Candidate]:
    return [c for c in candidates if not is_capitalised_name(text, c)]
