"""Import input checked and normalised before the engine runs: text, title, source, URL, place, DCT.

No engine and no writes; ``services.article_import`` and the bulk import build on it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from timeline.analysis.rows import content_hash, fit
from timeline.exceptions import ImportRejected
from timeline.ingest.files import guess_title
from timeline.ingest.headline import find_dateline, shorten
from timeline.models import Article
from timeline.temporal.limits import MAX_DCT, MIN_DCT


@dataclass(frozen=True)
class ArticleDraft:
    """Import input checked and normalised, ready for the engine and ``article_store``."""

    text: str
    title: str
    source: str
    published: date | None
    content_hash: str
    url: str = ""
    place: str = ""


def _in_words(day: date) -> str:
    return f"{day.day} {day:%B} {day.year}"


# Every form and import path says this, in words: the engine's own message reads "DCT …".
ARTICLE_DATE_RANGE = f"between {_in_words(MIN_DCT)} and {_in_words(MAX_DCT)}"


def article_date_problem(published: date | None) -> str | None:
    """Why ``published`` cannot be an article's date (the engine counts only from
    ``MIN_DCT``..``MAX_DCT``), in words for the reader; None when it can."""
    if published is None or MIN_DCT <= published <= MAX_DCT:
        return None
    return f"The article date {_in_words(published)} is out of range: give a date {ARTICLE_DATE_RANGE}."


def article_draft(
    *, text: str, title: str, published: date | None = None, source: str | None = None, url: str = "", place: str = ""
) -> ArticleDraft:
    """Check and normalise import input without the engine or the database; raises ``ImportRejected``.

    An empty title becomes the headline, an empty place the dateline's (``timeline.ingest.headline``).
    """
    text = _clean_text(text)
    source, url = (source or "").strip(), (url or "").strip()
    for name, value in (("title", title), ("source", source), ("URL", url), ("place", place)):
        if "\x00" in value:  # PostgreSQL cannot store it (SQLite would)
            raise ImportRejected(f"The {name} contains a NUL character; remove it and try again.")
    if len(source) > Article._meta.get_field("source").max_length:
        raise ImportRejected("The source is too long; give a URL or name under 500 characters.")
    if url:
        try:
            URLValidator(schemes=["http", "https"])(url)
        except ValidationError as exc:
            raise ImportRejected(f"The URL {shorten(url, 80)!r} is not a web address (http or https).") from exc
        if len(url) > Article._meta.get_field("url").max_length:
            raise ImportRejected("The URL is too long (500 characters at most).")
    if isinstance(published, datetime):
        published = published.date()
    if problem := article_date_problem(published):
        raise ImportRejected(problem)
    dateline = find_dateline(text)
    place = " ".join(place.split()) or (dateline.place if dateline else "")
    return ArticleDraft(
        text=text,
        title=shorten(" ".join(title.split()), 300) or guess_title(text),
        source=source,
        published=published,
        content_hash=content_hash(text),
        url=url,
        place=fit(Article, "place", place),
    )


def _clean_text(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ImportRejected("The article text is empty; paste or upload the article's text.")
    limit = settings.TIMELINE_MAX_TEXT_CHARS
    if len(text) > limit:
        raise ImportRejected(f"The article has {len(text):,} characters; the limit is {limit:,}. Split it up.")
    if "\x00" in text:
        raise ImportRejected(
            f"The text contains a NUL character at position {text.index(chr(0))}; is it a binary file?"
        )
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ImportRejected(f"The text has an invalid character at position {exc.start}.") from exc
    return text
