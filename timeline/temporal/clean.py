"""Scraper debris: blank it out without moving a single character offset."""

from __future__ import annotations

import regex

# Whole lines that scrapers leave behind; matched line by line, case-insensitively.
DEBRIS_LINE = regex.compile(
    r"(?im)^[ \t]*(?:\[ad_\d+\]|source\s+link|advertisement|story\s+continues\s+below(?:\s+advertisement)?"
    r"|skip\s+to\s+(?:main\s+)?content|share\s+this\s+article|read\s+more:?.*|click\s+here.*"
    r"|sign\s+up\s+for\s+our\s+newsletter.*|related:?)[ \t]*$"
)
INLINE_DEBRIS = regex.compile(r"\[ad_\d+\]")


def debris_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges that are scraper debris, not article prose."""
    spans = [(m.start(), m.end()) for m in DEBRIS_LINE.finditer(text)]
    spans += [(m.start(), m.end()) for m in INLINE_DEBRIS.finditer(text)]
    return sorted(set(spans))


def mask_debris(text: str) -> str:
    """The text with debris replaced by spaces, so offsets still index the original."""
    if not text:
        return text
    chars = list(text)
    for start, end in debris_spans(text):
        for i in range(start, end):
            if chars[i] not in "\r\n":
                chars[i] = " "
    return "".join(chars)


# spaCy's tokenizer strips prefixes and suffixes one character at a time and re-scans
# the rest of the token each time: a run of 200,000 ")" or "’s" takes hours. Runs are
# cut for spaCy only (the rules still match the text), so no offset moves.
TOKENIZER_RUN = 64
_LONG_RUN = regex.compile(rf"\S{{{TOKENIZER_RUN},}}")


def break_long_runs(text: str, limit: int = TOKENIZER_RUN) -> str:
    """``text`` with every ``limit``-th character of a whitespace-free run replaced by a space."""

    def cut(match: regex.Match[str]) -> str:
        run = match.group()
        return "".join(" " if i % limit == limit - 1 else ch for i, ch in enumerate(run))

    return _LONG_RUN.sub(cut, text)
