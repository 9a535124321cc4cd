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
# <meta> names and properties that carry a page's publication date.
_PUBLISHED_META = {
    "article:published_time", "og:published_time", "datepublished", "date", "pubdate", "publishdate",
    "dc.date", "dc.date.issued", "dcterms.created", "dcterms.issued", "sailthru.date", "parsely-pub-date",
}
_ISO_DAY = re.compile(r"\b(\d{4}-\d{2}-\d{2})")
_JSON_LD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"(\d{4}-\d{2}-\d{2})')


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
        self.published = ""  # YYYY-MM-DD from <meta>/<time> publication markup

    def _note_published(self, tag: str, attributes: dict[str, str]) -> None:
        if self.published:
            return
        if tag == "meta":
            key = (attributes.get("property") or attributes.get("name") or attributes.get("itemprop") or "").lower()
            value = attributes.get("content", "") if key in _PUBLISHED_META else ""
        elif tag == "time" and ("pubdate" in attributes or attributes.get("itemprop", "").lower() == "datepublished"):
            value = attributes.get("datetime", "")
        else:
            return
        found = _ISO_DAY.search(value)
        if found:
            self.published = found.group(1)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("meta", "time"):
            self._note_published(tag, {k.lower(): v or "" for k, v in attrs})
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
    """Return (text, title): paragraphs separated by blank lines, title from <title> or the first <h1>.

    A publication date in the page's markup (<meta property="article:published_time">, a
    <time pubdate>, JSON-LD "datePublished") becomes a first line "Published: YYYY-MM-DD", so
    it stays visible in the text and the engine reads the article's date from it.
    """
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    lines = [line.strip(" ") for line in "".join(collector.parts).split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
    published = collector.published or (m.group(1) if (m := _JSON_LD_PUBLISHED.search(html)) else "")
    if published and text:
        text = f"Published: {published}\n\n{text}"
    return text, collector.title or collector.h1
