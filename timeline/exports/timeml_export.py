"""The TimeML export: each article's text with its time expressions as inline TIMEX3 tags.

Written by the engine's TimeML writer (``timeline.evaluation.timeml``), so an export reads
back with ``parse_timeml`` exactly. A story is a ZIP archive with one ``.tml`` file per article.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Sequence
from datetime import date

from timeline.evaluation.timeml import TimeMLDocument, Timex, write_timeml


def _xml_safe(text: str) -> str:
    """XML 1.0 refuses most control characters; a space in their place keeps every offset."""
    return "".join(c if c in "\t\n\r" or c >= " " else " " for c in text)


def article_timeml(*, doc_id: str, text: str, dct: date | None, timexes: Iterable[Timex]) -> str:
    """The article as TimeML; expressions that overlap an earlier one or fall outside the
    text are left untagged (TimeML tags cannot overlap)."""
    kept: list[Timex] = []
    for timex in sorted(timexes, key=lambda t: (t.start, t.end)):
        if timex.start >= (kept[-1].end if kept else 0) and 0 <= timex.start < timex.end <= len(text):
            kept.append(timex)
    clean = _xml_safe(text)
    return write_timeml(TimeMLDocument(id=doc_id, text=clean, dct=dct, timexes=tuple(kept)))


def timeml_archive(files: Sequence[tuple[str, str]]) -> bytes:
    """A ZIP of ``(file name, TimeML text)`` pairs, with fixed timestamps (same input, same bytes)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in files:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, content.encode("utf-8"))
    return buffer.getvalue()
