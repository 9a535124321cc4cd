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
