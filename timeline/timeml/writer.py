"""TimeML 1.2 out: the one writer, for ``extract --timeml``, the exports and round-trip tests (no Django).

The TEXT is the article exactly as analysed, with each character XML 1.0 cannot carry
(control characters, U+FFFE, U+FFFF, lone surrogates) replaced by one space, so every
offset stays true; each expression becomes a TIMEX3 with tid, type, value and (when the
engine narrowed it) mod; the DCT is the CREATION_TIME. Reading the output back with
``timeline.timeml.reader.parse_timeml`` gives the same text and expressions.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Sequence
from datetime import date
from xml.sax.saxutils import escape, quoteattr

import regex

from timeline.temporal.types import Extraction
from timeline.timeml.reader import TimeMLDocument, TimeMLError, Timex

# Characters XML 1.0 cannot carry, even escaped. Each becomes one space, so every offset
# into the text stays true.
_NOT_XML = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\p{Cs}]")


def xml_safe(text: str) -> str:
    """``text`` with each character XML 1.0 forbids replaced by a space (same length)."""
    return _NOT_XML.sub(" ", text)


def _escape_text(text: str) -> str:
    # A parser turns a raw CR (and CR LF) into LF; written as a character reference it survives.
    return escape(xml_safe(text), {"\r": "&#13;"})


def write_timeml(doc: TimeMLDocument) -> str:
    """Serialise back to TimeML: DOCID, the DCT as a CREATION_TIME TIMEX3, TEXT with inline TIMEX3 tags."""
    out: list[str] = ['<?xml version="1.0" ?>\n<TimeML>\n']
    out.append(f"<DOCID>{escape(xml_safe(doc.id))}</DOCID>\n")
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


def extraction_document(text: str, extraction: Extraction, doc_id: str) -> TimeMLDocument:
    """The TimeML view of ``extract(text, ...)``: its text, DCT and one TIMEX3 per expression."""
    safe = xml_safe(text)
    timexes = tuple(
        Timex(e.start, e.end, safe[e.start : e.end], e.type, e.value, e.mod or "", f"t{number}")
        for number, e in enumerate(sorted(extraction.expressions, key=lambda e: e.start), start=1)
    )
    return TimeMLDocument(doc_id, safe, extraction.dct, timexes)


def extraction_timeml(text: str, extraction: Extraction, doc_id: str) -> str:
    """TimeML markup for an engine result (DOCID, DCT, TEXT with inline TIMEX3 tags)."""
    return write_timeml(extraction_document(text, extraction, doc_id))


def article_timeml(*, doc_id: str, text: str, dct: date | None, timexes: Iterable[Timex]) -> str:
    """A stored article as TimeML; expressions that overlap an earlier one or fall outside the
    text are left untagged (TimeML tags cannot overlap)."""
    kept: list[Timex] = []
    for timex in sorted(timexes, key=lambda t: (t.start, t.end)):
        if timex.start >= (kept[-1].end if kept else 0) and 0 <= timex.start < timex.end <= len(text):
            kept.append(timex)
    return write_timeml(TimeMLDocument(id=doc_id, text=xml_safe(text), dct=dct, timexes=tuple(kept)))


def timeml_archive(files: Sequence[tuple[str, str]]) -> bytes:
    """A ZIP of ``(file name, TimeML text)`` pairs, with fixed timestamps (same input, same bytes)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in files:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, content.encode("utf-8"))
    return buffer.getvalue()
