"""Reading and writing TimeML 1.2 (`.tml`) documents: TEXT, its TIMEX3 tags and the DCT (no Django).

Only what TempEval-3 Task A scores is kept: the plain text (tags removed, XML entities
unescaped), each TIMEX3's offsets into that text with its type, value and mod, and the
document creation time. EVENT, SIGNAL, TLINK ... are read through and dropped here; ``links`` reads
EVENTs and their TLINKs to times.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date
from pathlib import Path


class TimeMLError(ValueError):
    """A file that is not TimeML the reader understands (says which file and why)."""


@dataclass(frozen=True)
class Timex:
    """One TIMEX3 of a TimeML text: offsets into the plain text and its attributes."""

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str = ""
    tid: str = ""


@dataclass(frozen=True)
class TimeMLDocument:
    """A TimeML document as plain data: ``text[t.start:t.end] == t.text`` for every timex."""

    id: str
    text: str
    dct: date | None
    timexes: tuple[Timex, ...]
    dct_value: str = ""  # the DCT's TIMEX3 value as written (may carry a time)


def parse_timeml(markup: str, doc_id: str = "") -> TimeMLDocument:
    """Parse TimeML markup; raises TimeMLError on malformed XML or a missing TEXT."""
    try:
        root = ET.fromstring(markup)
    except ET.ParseError as error:
        raise TimeMLError(f"{doc_id or 'TimeML'}: not well-formed XML ({error})") from None
    body = root.find("TEXT")
    if body is None:
        raise TimeMLError(f"{doc_id or 'TimeML'}: no <TEXT> element")
    text, tagged = text_and_tags(body)
    timexes = [
        Timex(t.start, t.end, t.text, t.element.get("type", ""), t.element.get("value", ""),
              t.element.get("mod", ""), t.element.get("tid", ""))
        for t in tagged
        if t.element.tag == "TIMEX3"
    ]  # fmt: skip
    dct_value = ""
    dct_timex = root.find("DCT/TIMEX3")
    if dct_timex is not None:
        dct_value = dct_timex.get("value", "")
    docid = root.findtext("DOCID")
    return TimeMLDocument(
        id=(docid or doc_id).strip(),
        text=text,
        dct=_day(dct_value),
        timexes=tuple(timexes),
        dct_value=dct_value,
    )


@dataclass(frozen=True)
class Tagged:
    """An element inside TEXT with the offsets of its text in the document's plain text."""

    element: ET.Element
    start: int
    end: int
    text: str


def text_and_tags(body: ET.Element) -> tuple[str, list[Tagged]]:
    """The plain text of ``body`` and every element inside it with its offsets (inner ones first)."""
    pieces: list[str] = []
    tagged: list[Tagged] = []

    def walk(element: ET.Element, offset: int) -> int:
        start, first_piece = offset, len(pieces)
        if element.text:
            pieces.append(element.text)
            offset += len(element.text)
        for child in element:
            offset = walk(child, offset)
            if child.tail:
                pieces.append(child.tail)
                offset += len(child.tail)
        if element is not body:
            tagged.append(Tagged(element, start, offset, "".join(pieces[first_piece:])))
        return offset

    walk(body, 0)
    return "".join(pieces), tagged


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def read_timeml(path: Path) -> TimeMLDocument:
    return parse_timeml(path.read_text(encoding="utf-8"), path.stem)


def read_timeml_dir(path: Path) -> list[TimeMLDocument]:
    """Every ``*.tml`` file of a folder (sorted), or the one file given."""
    files = [path] if path.is_file() else sorted(path.glob("*.tml"))
    return [read_timeml(p) for p in files]
