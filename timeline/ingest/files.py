"""Turn an uploaded or on-disk file into article text: size, type, encoding, HTML.

Pure functions (no database), shared by the web upload form and ``import_articles``.
"""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

from timeline.ingest.errors import FileRejected
from timeline.ingest.headline import guess_headline, shorten
from timeline.ingest.html import html_to_article
from timeline.ingest.regular import NotRegularFile, not_regular_reason, read_regular

ALLOWED_SUFFIXES = (".txt", ".md", ".html", ".htm")
HTML_SUFFIXES = (".html", ".htm")

# Leading bytes of formats people most often upload by mistake.
_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/OpenDocument file)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"{\\rtf", "an RTF document"),
)
_TITLE_MAX = 120
# A text that is valid UTF-8 but for at most this share of its bytes is read as UTF-8,
# the bad bytes replaced: a few corrupt bytes must not turn every accent into mojibake.
MAX_INVALID_UTF8_SHARE = 0.01


@dataclass(frozen=True)
class DecodedArticle:
    """Text ready for ``article_import``, a suggested title, the page's byline (HTML) and what was repaired."""

    text: str
    title: str
    warnings: list[str] = field(default_factory=list)
    byline: str = ""


def read_article_file(
    source: str | Path | bytes, filename: str | None = None, *, max_bytes: int | None = None
) -> DecodedArticle:
    """Read a .txt/.md/.html/.htm file (a path, or its bytes plus ``filename``).

    Raises ``FileRejected`` with a message naming the file and the problem.
    """
    if isinstance(source, bytes):
        if not filename:
            raise FileRejected("A file name is needed to tell the file type of uploaded bytes.")
        name, data = filename, source
    else:
        path = Path(source)
        name = filename or path.name
    limit = settings.TIMELINE_MAX_UPLOAD_BYTES if max_bytes is None else max_bytes
    suffix = Path(name).suffix.lower()
    if suffix not in ALLOWED_SUFFIXES:
        raise FileRejected(
            f"{name}: unsupported file type {suffix or '(no extension)'}; use one of {', '.join(ALLOWED_SUFFIXES)}."
        )
    if not isinstance(source, bytes):
        data = _read_limited(path, name, limit)
    _check_size(name, len(data), limit)
    if not data.strip():
        raise FileRejected(f"{name}: the file is empty.")
    text, warnings = decode_bytes(data, name)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    byline = ""
    if suffix in HTML_SUFFIXES:
        page = html_to_article(text)
        text, title, byline = page.text, page.title, page.byline
    else:
        title = _markdown_title(text) if suffix == ".md" else ""
    if not text.strip():
        raise FileRejected(f"{name}: the file contains no readable text.")
    title = title or guess_title(text, fallback=Path(name).stem)
    return DecodedArticle(text=text, title=title, warnings=warnings, byline=byline)


def decode_bytes(data: bytes, name: str) -> tuple[str, list[str]]:
    """Decode UTF-8 (BOM optional) or UTF-16 with a BOM; UTF-8 with a few bad bytes as UTF-8
    with replacement characters; a text that reads as another alphabet's encoding as a whole
    (charset-normalizer) in that encoding; anything else as Windows-1252."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), []
        except UnicodeDecodeError as exc:
            raise FileRejected(f"{name}: invalid UTF-16 text at byte {exc.start}.") from exc
    _reject_binary(data, name)
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        utf8_error = exc
    where = f"byte {utf8_error.start}"
    if repaired := _mostly_utf8(data):
        text, bad = repaired
        return text, [f"{name}: valid UTF-8 except {bad} invalid byte sequence{'s' if bad > 1 else ''} "
                      f"(first at {where}), shown as \ufffd; check the text there."]  # fmt: skip
    guessed = _guess_encoding(data)
    if guessed is not None and _mostly_non_latin(guessed[0]):
        # The whole text reads as another alphabet's encoding (cp1251 Cyrillic, Greek, ...): trust it
        # over Windows-1252, which would turn every letter into mojibake.
        text, encoding = guessed
        return text, [f"{name}: not valid UTF-8 (first bad {where}); read as {encoding}. Check accents and quotes."]
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        if guessed is None:
            raise FileRejected(
                f"{name}: not valid UTF-8 (invalid byte 0x{data[utf8_error.start]:02x} at {where}) "
                "and not Windows-1252 either; save it as UTF-8 and try again."
            ) from utf8_error
        text, encoding = guessed
        return text, [f"{name}: not valid UTF-8 (first bad {where}); read as {encoding}. Check accents and quotes."]
    return text, [f"{name}: not valid UTF-8 (first bad {where}); read as Windows-1252. Check accents and quotes."]


def _mostly_utf8(data: bytes) -> tuple[str, int] | None:
    """The text and its number of invalid sequences when ``data`` is UTF-8 with a few bad bytes.

    Valid multi-byte UTF-8 sequences almost never occur by chance in a legacy 8-bit
    encoding, so they are the evidence: they must outnumber the invalid sequences, and
    those must stay under ``MAX_INVALID_UTF8_SHARE`` of the bytes. A Windows-1252 text
    (no valid multi-byte sequence) is left to the fallback, which reads it whole.
    """
    text = data.decode("utf-8-sig", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    valid = sum(1 for char in text if char > "\x7f") - text.count("\ufffd")
    if 0 < bad <= MAX_INVALID_UTF8_SHARE * len(data) and valid > bad:
        return text, bad
    return None


def guess_title(text: str, *, fallback: str = "Untitled article") -> str:
    """The headline: the first short line that is no dateline, byline, photo credit or debris
    (see ``timeline.ingest.headline``), else the start of the lede, else ``fallback``."""
    return guess_headline(text, fallback=fallback)


def _read_limited(path: Path, name: str, limit: int) -> bytes:
    try:
        if not not_regular_reason(path):
            _check_size(name, path.stat().st_size, limit)
        return read_regular(path, limit)
    except NotRegularFile as exc:
        raise FileRejected(f"{name}: {exc}.") from exc
    except FileNotFoundError as exc:
        raise FileRejected(f"{name}: no such file.") from exc
    except PermissionError as exc:
        raise FileRejected(f"{name}: permission denied.") from exc


def _check_size(name: str, size: int, limit: int) -> None:
    if size > limit:
        raise FileRejected(f"{name}: the file is {size:,} bytes; the limit is {limit:,} bytes.")


def _reject_binary(data: bytes, name: str) -> None:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise FileRejected(f"{name}: this is {kind}, not a text file; save the article as .txt or .html.")
    nul = data.find(b"\x00")
    if nul != -1:
        raise FileRejected(
            f"{name}: binary data (a NUL byte at byte {nul}), not text. "
            "If it is UTF-16 text, save it as UTF-8 (or UTF-16 with a BOM)."
        )


def _mostly_non_latin(text: str) -> bool:
    """Most letters outside the Latin script: the text is Cyrillic, Greek, Arabic, ... (a Latin
    text keeps Windows-1252, whichever Latin code page a guesser prefers)."""
    letters = [c for c in text if c.isalpha()]
    latin = sum(1 for c in letters if c.isascii() or unicodedata.name(c, "").startswith("LATIN"))
    return bool(letters) and latin < len(letters) / 2


def _guess_encoding(data: bytes) -> tuple[str, str] | None:
    # charset-normalizer is optional: it arrives with requests, not on every install.
    try:
        from charset_normalizer import from_bytes
    except ImportError:
        return None
    best = from_bytes(data).best()
    if best is None:
        return None
    return str(best), best.encoding


def _markdown_title(text: str) -> str:
    for line in text.splitlines():
        if line.startswith("# "):
            return shorten(line[2:].strip(" #"), _TITLE_MAX)
    return ""
