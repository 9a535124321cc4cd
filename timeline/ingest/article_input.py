"""One article as it arrives (an uploaded file, a file on disk, or pasted text) turned into the
fields an import needs: the same path for the web form, Celery batches and ``import_articles``.

Pure functions over bytes and text (no database, no engine). Raises ``FileRejected`` /
``ImportRejected`` with a message fit to show a person.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from timeline.ingest.errors import ImportRejected
from timeline.ingest.files import DecodedArticle, guess_title, read_article_file
from timeline.ingest.headline import dateline_outlet, find_dateline
from timeline.ingest.html import html_to_article, looks_like_html


@dataclass(frozen=True)
class ArticleInput:
    """What ``services.article_import`` takes: ``published`` is the date a person gave (None: the
    engine infers it, e.g. from an HTML page's "Published:" line); ``place`` is the dateline's."""

    text: str
    title: str
    published: date | None
    source: str
    url: str
    place: str
    byline: str = ""
    warnings: tuple[str, ...] = ()


def article_input_from_file(
    file: Path | bytes,
    *,
    filename: str | None = None,
    title: str = "",
    published: date | None = None,
    source: str = "",
    url: str = "",
    max_bytes: int | None = None,
) -> ArticleInput:
    """A .txt/.md/.html/.htm file (a path, or uploaded bytes with ``filename``).

    Its source is the ``source`` given, else the URL given, else the outlet its dateline
    names ("(AP)"), else the file's name, never a folder on the server.
    """
    name = Path(filename or (file.name if isinstance(file, Path) else "")).name
    decoded = read_article_file(file, name or None, max_bytes=max_bytes)
    source = source or url or dateline_outlet(decoded.text) or name
    return _finish(decoded, title=title, published=published, source=source, url=url)


def article_input_from_paste(
    text: str, *, title: str = "", published: date | None = None, source: str = "", url: str = ""
) -> ArticleInput:
    """Pasted text; pasted HTML (it opens with markup) goes through the same extraction as an .html file.

    Its source is the ``source`` given, else the URL given, else the outlet its dateline names.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    byline = ""
    if looks_like_html(text):
        page = html_to_article(text)
        if not page.text.strip():
            raise ImportRejected("The pasted HTML holds no readable article text; paste the article's text instead.")
        text, title, byline = page.text, title or page.title, page.byline
    decoded = DecodedArticle(text=text, title=title or guess_title(text), byline=byline)
    source = source or url or dateline_outlet(decoded.text)
    return _finish(decoded, title=title, published=published, source=source, url=url)


def _finish(decoded: DecodedArticle, *, title: str, published: date | None, source: str, url: str) -> ArticleInput:
    dateline = find_dateline(decoded.text)
    return ArticleInput(
        text=decoded.text,
        title=" ".join(title.split()) or decoded.title,
        published=published,
        source=" ".join(source.split()),
        url=url.strip(),
        place=dateline.place if dateline else "",
        byline=decoded.byline,
        warnings=tuple(decoded.warnings),
    )
