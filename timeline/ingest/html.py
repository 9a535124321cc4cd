"""News pages to article text with libraries made for them: trafilatura (main text, headline,
byline) and htmldate (publication date from the page's markup). A fragment (pasted markup with no
page around it) is sanitised and flattened instead: block elements become paragraphs, inline
ones ("<b>Monday</b>", links) stay words of their sentence; a leading heading is also the title.

Nothing is fetched: both only ever see the HTML string they are given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import htmldate
import trafilatura
from lxml import html as lxml_html
from lxml.etree import ParserError
from lxml_html_clean import Cleaner

# Pasted text "is HTML" when it opens with a tag or markup of a page.
_HTML_START = re.compile(
    r"^\s*(?:<!doctype\s+html|<html\b|<head\b|<body\b|<article\b|<main\b|<div\b|<p\b|<h[1-6]\b|<section\b|<meta\b|<!--)",
    re.IGNORECASE,
)
_PAGE = re.compile(r"<(?:html|body)\b", re.IGNORECASE)
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Code and its attributes are no article text: a script inside the <h1> must not become words of
# the title, nor an onerror="..." handler. Meta tags stay (trafilatura reads the title and author there).
_CLEANER = Cleaner(
    scripts=True, javascript=True, style=True, inline_style=True, comments=True, embedded=True, frames=True,
    forms=False, meta=False, page_structure=False, links=False, annoying_tags=False, safe_attrs_only=False,
    kill_tags=("noscript", "template"),
)  # fmt: skip
# Markup written out as text ("&lt;img src=x onerror=...&gt;") is never part of a headline.
_TAG_TEXT = re.compile(r"</?[A-Za-z][^<>]*>|</?[A-Za-z][^<>]*$")


# Elements that start a new paragraph of text; every other element is inline text.
BLOCK_TAGS = frozenset({
    "p", "div", "section", "article", "main", "header", "footer", "aside", "blockquote", "pre", "ul", "ol",
    "li", "dl", "dt", "dd", "table", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "figure", "figcaption", "hr",
    "address", "nav",
})  # fmt: skip
HEADING_TAGS = frozenset({"h1", "h2", "h3"})
# Wrappers looked through when asking whether the fragment opens with a heading.
_CONTAINERS = frozenset({"div", "section", "article", "main", "header"})
_PARAGRAPH_BREAK = "\x00"  # marks a block boundary while the text is gathered


@dataclass(frozen=True)
class HtmlArticle:
    """The page's main text, headline and byline (empty when absent), and its publication date
    (YYYY-MM-DD) when the page's markup states one."""

    text: str
    title: str
    byline: str
    published: str


def looks_like_html(text: str) -> bool:
    """True for a whole page or a fragment of markup pasted as the article."""
    return bool(_HTML_START.match(text))


def html_to_article(html: str) -> HtmlArticle:
    """Extract the article from ``html``; ``text`` is empty when the page holds no article text.

    A found publication date opens the text as a "Published: YYYY-MM-DD" line, so the
    engine uses it as its DCT evidence and shows it as such.
    """
    if not (_PAGE.search(html) and html.lstrip().startswith("<")):
        return fragment_to_article(html)
    page = html
    document = trafilatura.bare_extraction(
        _without_code(page), with_metadata=True, include_comments=False, include_tables=False, favor_recall=True
    )
    if document is None:
        return HtmlArticle(text="", title="", byline="", published="")
    text = "\n\n".join(line.strip() for line in (document.text or "").split("\n") if line.strip())
    published = _published(page)
    if published and text:
        text = f"Published: {published}\n\n{text}"
    return HtmlArticle(
        text=text, title=" ".join(_TAG_TEXT.sub(" ", document.title or "").split()), byline=" ".join((document.author or "").split()),
        published=published,
    )  # fmt: skip


def _without_code(page: str) -> str:
    """``page`` without scripts, styles, noscript/template content and event-handler attributes."""
    try:
        return _CLEANER.clean_html(page)
    except ParserError:  # nothing lxml can parse: trafilatura finds no article in it either
        return page


def _published(page: str) -> str:
    # Markup only (extensive_search=False): a date merely mentioned in the text is no publication date.
    found = htmldate.find_date(page, extensive_search=False, original_date=True, outputformat="%Y-%m-%d")
    return found if isinstance(found, str) and _ISO_DAY.match(found) else ""


def fragment_to_article(fragment: str) -> HtmlArticle:
    """Pasted markup without a page: its text, one paragraph per block element, inline markup kept
    as words; a leading heading (h1-h3) is also the title (and stays the text's first line, as a
    page's headline does). Scripts, styles and handlers are dropped."""
    try:
        root = lxml_html.fragment_fromstring(_without_code(f"<div>{fragment}</div>"), create_parent="div")
    except ParserError:
        return HtmlArticle(text="", title="", byline="", published="")
    title = ""
    first = next((e for e in root.iter() if isinstance(e.tag, str) and e.tag not in _CONTAINERS), None)
    if first is not None and first.tag in HEADING_TAGS:
        title = " ".join(_TAG_TEXT.sub(" ", first.text_content()).split())
    pieces: list[str] = []
    _gather(root, pieces)
    paragraphs = (" ".join(part.split()) for part in "".join(pieces).split(_PARAGRAPH_BREAK))
    return HtmlArticle(text="\n\n".join(p for p in paragraphs if p), title=title, byline="", published="")


def _gather(element: lxml_html.HtmlElement, pieces: list[str]) -> None:
    """Text of ``element`` in reading order, a paragraph break around each block element and at <br>."""
    tag = element.tag if isinstance(element.tag, str) else ""
    block = tag in BLOCK_TAGS
    if block:
        pieces.append(_PARAGRAPH_BREAK)
    if tag == "br":
        pieces.append(_PARAGRAPH_BREAK)
    if element.text and tag:
        pieces.append(element.text)
    for child in element:
        _gather(child, pieces)
    if block:
        pieces.append(_PARAGRAPH_BREAK)
    if element.tail:
        pieces.append(element.tail)
