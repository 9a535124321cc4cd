"""Escape article text and mark the time phrase inside its sentence.

Shared by the chart hover (``<b>``) and the pages (``<mark>``): every piece of
article text is passed through ``html.escape`` before any tag is inserted, so the
result is safe to render as HTML.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

Span = tuple[int, int]

_WORD = re.compile(r"\S+")
ELLIPSIS = "…"


def phrase_span(sentence: str, phrase: str, offset: int | None = None) -> Span | None:
    """Where ``phrase`` sits in ``sentence``.

    ``offset`` is the phrase's start relative to the sentence as the engine stored
    it; it is trusted only when the text there really is the phrase, otherwise the
    first case-insensitive occurrence is used.  ``None`` when the phrase is absent.
    """
    if not phrase:
        return None
    if offset is not None and 0 <= offset and sentence[offset : offset + len(phrase)] == phrase:
        return offset, offset + len(phrase)
    found = sentence.lower().find(phrase.lower())
    if found < 0:
        return None
    return found, found + len(phrase)


def excerpt(sentence: str, span: Span | None, limit: int) -> tuple[str, Span | None]:
    """Cut ``sentence`` to about ``limit`` characters at word boundaries, keeping the phrase in view."""
    if len(sentence) <= limit:
        return sentence, span
    start, end = span if span else (0, 0)
    # Centre the window on the phrase, then slide it back inside the sentence.
    room = max(limit - (end - start), 0)
    left = max(min(start - room // 2, len(sentence) - limit), 0)
    right = min(max(left + limit, end), len(sentence))
    # Snap to whole words without eating into the phrase.
    if left > 0:
        space = sentence.find(" ", left, start if span else right)
        left = space + 1 if space >= 0 else left
    if right < len(sentence):
        space = sentence.rfind(" ", end if span else left, right)
        right = space if space > left else right
    prefix = ELLIPSIS if left > 0 else ""
    suffix = ELLIPSIS if right < len(sentence) else ""
    cut = prefix + sentence[left:right].strip() + suffix
    if span is None:
        return cut, None
    shift = len(prefix) - left - (len(sentence[left:right]) - len(sentence[left:right].lstrip()))
    return cut, (start + shift, end + shift)


def line_breaks(text: str, width: int) -> list[int]:
    """Positions of the spaces to turn into line breaks so no line exceeds ``width``."""
    breaks: list[int] = []
    line_start = 0
    for word in _WORD.finditer(text):
        if word.end() - line_start > width and word.start() > line_start:
            breaks.append(word.start() - 1)
            line_start = word.start()
    return breaks


def highlight(
    text: str,
    span: Span | None,
    tag: str = "mark",
    wrap: int | None = None,
    *,
    quote: bool = True,
) -> str:
    """``text`` as escaped HTML with ``span`` wrapped in ``<tag>`` (and ``<br>`` every ``wrap`` chars).

    ``quote=False`` leaves quotes alone, for Plotly text (see ``chart_style.plotly_escape``)."""
    cuts: dict[int, str] = {}
    for position in line_breaks(text, wrap) if wrap else []:
        cuts[position] = "<br>"
    points = sorted({0, len(text), *cuts, *(span or ())})
    out: list[str] = []
    for left, right in zip(points, points[1:]):
        if span and left == span[0]:
            out.append(f"<{tag}>")
        if left in cuts:
            # The break replaces the space that sits at this position.
            out.append(cuts[left])
            left += 1
        out.append(html.escape(text[left:right], quote=quote))
        if span and right == span[1]:
            out.append(f"</{tag}>")
    return "".join(out)


@dataclass(frozen=True)
class Paragraph:
    """A sentence in its paragraph: ``before`` + ``sentence`` + ``after``, phrase at ``span``."""

    before: str
    sentence: str
    after: str
    span: Span | None


def paragraph_around(text: str, start: int, sentence: str, span: Span | None, context: int = 700) -> Paragraph:
    """The paragraph of ``text`` holding ``sentence`` (stored at ``start``), cut to ``context``
    characters either side so articles without line breaks stay readable."""
    if text[start : start + len(sentence)] != sentence:
        found = text.find(sentence)
        if found < 0:
            return Paragraph("", sentence, "", span)
        start = found
    end = start + len(sentence)
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    right = len(text) if right < 0 else right
    before = text[max(left, start - context) : start]
    after = text[end : min(right, end + context)]
    if start - left > context:
        before = ELLIPSIS + before
    if right - end > context:
        after += ELLIPSIS
    return Paragraph(before, sentence, after, span)
