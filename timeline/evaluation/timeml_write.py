"""An engine result written as TimeML 1.2, so other people's tools can score it (no Django).

The TEXT is the article exactly as analysed; each resolved expression becomes a TIMEX3
with tid, type, value and (when the engine narrowed it) mod; the DCT, given or inferred,
is the CREATION_TIME. Reading the output back with ``timeml.parse_timeml`` gives the same
text and the same expressions (tests/evaluation/test_timeml_write.py).
"""

from __future__ import annotations

import regex

from timeline.evaluation.timeml import TimeMLDocument, Timex, write_timeml
from timeline.temporal.types import Extraction

# Characters XML 1.0 cannot carry, even escaped. Each becomes one space, so every offset
# into the text stays true.
_NOT_XML = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\p{Cs}]")


def xml_safe(text: str) -> str:
    """``text`` with each character XML 1.0 forbids replaced by a space (same length)."""
    return _NOT_XML.sub(" ", text)


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
