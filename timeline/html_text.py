"""Reduce an HTML page to readable paragraphs with the standard library's parser."""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Content of these is never article text.
_SKIP = {"script", "style", "noscript", "template", "svg", "iframe", "object"}
# These end a paragraph (or a line, for <br>/<li>/<tr>).
_BLOCK = {
    "address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption", "figure",
    "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav",
    "ol", "p", "pre", "section", "table", "tr", "ul",
}  # fmt: skip
_LINE = {"br", "li", "tr", "dt", "dd"}
_SPACES = re.compile(r"[ \t\f\v\r\n\u00a0]+")


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)  # entities arrive unescaped
        self.parts: list[str] = []
        self.skip_depth = 0
        self.pre_depth = 0
        self.title = ""
        self.h1 = ""
        self._capture: str | None = None  # "title" or "h1" while inside one
        self._captured: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title" and not self.title:
            self._start_capture("title")
            return
        if tag in _SKIP:
            self.skip_depth += 1
            return
        if tag == "h1" and not self.h1 and self._capture is None:
            self._start_capture("h1")
        if tag == "pre":
            self.pre_depth += 1
        self._break(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self._capture == "title":
            self.title = self._end_capture()
            return
        if tag in _SKIP:
            self.skip_depth = max(0, self.skip_depth - 1)
            return
        if tag == "h1" and self._capture == "h1":
            self.h1 = self._end_capture()
        if tag == "pre":
            self.pre_depth = max(0, self.pre_depth - 1)
        self._break(tag)

    def handle_data(self, data: str) -> None:
        if self._capture is not None:
            self._captured.append(data)
            if self._capture == "title":
                return
        if self.skip_depth:
            return
        self.parts.append(data if self.pre_depth else _SPACES.sub(" ", data))

    def _break(self, tag: str) -> None:
        if tag in _LINE:
            self.parts.append("\n")
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def _start_capture(self, which: str) -> None:
        self._capture, self._captured = which, []

    def _end_capture(self) -> str:
        text = " ".join("".join(self._captured).split())
        self._capture, self._captured = None, []
        return text


def html_to_text(html: str) -> tuple[str, str]:
    """Return (text, title): paragraphs separated by blank lines, title from <title> or the first <h1>."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    lines = [line.strip(" ") for line in "".join(collector.parts).split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
    return text, collector.title or collector.h1
