"""Reading and writing TimeML 1.2 (`.tml`) documents: TEXT, its TIMEX3 tags and the DCT (no Django).

Only what TempEval-3 Task A scores is kept: the plain text (tags removed, XML entities
unescaped), each TIMEX3's offsets into that text with its type, value and mod, and the
document creation time. EVENT, SIGNAL, TLINK ... are read through and dropped.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from timeline.evaluation.gold import GoldDocument, Span


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
    pieces: list[str] = []
    timexes: list[Timex] = []
    _walk(body, pieces, timexes, offset=0)
    dct_value = ""
    dct_timex = root.find("DCT/TIMEX3")
    if dct_timex is not None:
        dct_value = dct_timex.get("value", "")
    docid = root.findtext("DOCID")
    return TimeMLDocument(
        id=(docid or doc_id).strip(),
        text="".join(pieces),
        dct=_day(dct_value),
        timexes=tuple(timexes),
        dct_value=dct_value,
    )


def _walk(element: ET.Element, pieces: list[str], timexes: list[Timex], offset: int) -> int:
    """Append the element's text (children included, its tail not); returns the new offset."""
    start, first_piece = offset, len(pieces)
    if element.text:
        pieces.append(element.text)
        offset += len(element.text)
    for child in element:
        offset = _walk(child, pieces, timexes, offset)
        if child.tail:
            pieces.append(child.tail)
            offset += len(child.tail)
    if element.tag == "TIMEX3":
        timexes.append(
            Timex(
                start,
                offset,
                "".join(pieces[first_piece:]),
                element.get("type", ""),
                element.get("value", ""),
                element.get("mod", ""),
                element.get("tid", ""),
            )
        )
    return offset


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


def _escape_text(text: str) -> str:
    # A parser turns a raw CR (and CR LF) into LF; written as a character reference it survives.
    return escape(text, {"\r": "&#13;"})


def write_timeml(doc: TimeMLDocument) -> str:
    """Serialise back to TimeML: DOCID, the DCT as a CREATION_TIME TIMEX3, TEXT with inline TIMEX3 tags."""
    out: list[str] = ['<?xml version="1.0" ?>\n<TimeML>\n']
    out.append(f"<DOCID>{escape(doc.id)}</DOCID>\n")
    if doc.dct is not None:
        value = doc.dct_value or doc.dct.isoformat()
        kind = "TIME" if "T" in value else "DATE"
        out.append(
            f'<DCT><TIMEX3 tid="t0" type="{kind}" value={quoteattr(value)} temporalFunction="false" '
            f'functionInDocument="CREATION_TIME">{escape(doc.dct.isoformat())}</TIMEX3></DCT>\n'
        )
    out.append("<TEXT>")
    cursor = 0
    for number, timex in enumerate(sorted(doc.timexes, key=lambda t: (t.start, t.end)), start=1):
        if timex.start < cursor:
            raise TimeMLError(f"{doc.id}: TIMEX3 {timex.text!r} at {timex.start} overlaps the previous one")
        out.append(_escape_text(doc.text[cursor : timex.start]))
        attributes = [
            f"tid={quoteattr(timex.tid or f't{number}')}",
            f"type={quoteattr(timex.type)}",
            f"value={quoteattr(timex.value)}",
        ]
        if timex.mod:
            attributes.append(f"mod={quoteattr(timex.mod)}")
        out.append(f"<TIMEX3 {' '.join(attributes)}>{_escape_text(doc.text[timex.start : timex.end])}</TIMEX3>")
        cursor = timex.end
    out.append(_escape_text(doc.text[cursor:]))
    out.append("</TEXT>\n</TimeML>\n")
    return "".join(out)


def as_gold(doc: TimeMLDocument) -> GoldDocument:
    """The scorer's view of a TimeML document (TimeML has no earliest/latest: those stay empty)."""
    if doc.dct is None:
        raise TimeMLError(f"{doc.id}: no DCT; the engine needs one to be scored")
    spans = tuple(Span(t.start, t.end, t.text, t.value, "", "", t.type) for t in doc.timexes)
    return GoldDocument(doc.id, Path(doc.id), doc.text, doc.dct, spans, ())
