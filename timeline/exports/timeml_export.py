"""The TimeML export: each article's text with its time expressions as inline TIMEX3 tags.

The ``dct`` engineer's TimeML writer had not landed on main when this was written; this
one follows TimeML 1.2.1 (DCT as ``t0`` with functionInDocument="CREATION_TIME", one
``tid`` per expression, ``anchorTimeID`` for anchored ones). A story is a ZIP archive
with one ``.tml`` file per article.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from xml.sax.saxutils import escape, quoteattr


@dataclass(frozen=True)
class Timex:
    """One expression to tag: character offsets into the article's text."""

    id: int
    start: int
    end: int
    type: str
    value: str
    mod: str = ""
    anchor_id: int | None = None


def _attrs(pairs: Iterable[tuple[str, str]]) -> str:
    return "".join(f" {name}={quoteattr(value)}" for name, value in pairs if value)


def _clean(text: str) -> str:
    """XML 1.0 refuses most control characters; a space keeps every offset in place."""
    return "".join(c if c in "\t\n\r" or c >= " " else " " for c in text)


def article_timeml(*, doc_id: str, title: str, text: str, dct: date | None, timexes: Sequence[Timex]) -> str:
    """The article as a TimeML document; overlapping or out-of-range expressions are left untagged."""
    tids = {t.id: f"t{n}" for n, t in enumerate(sorted(timexes, key=lambda t: (t.start, t.end)), start=1)}
    parts: list[str] = []
    at = 0
    for timex in sorted(timexes, key=lambda t: (t.start, t.end)):
        if timex.start < at or timex.end > len(text) or timex.start >= timex.end:
            continue  # TimeML tags cannot nest or overlap
        attrs = _attrs([
            ("tid", tids[timex.id]), ("type", timex.type or "DATE"), ("value", timex.value), ("mod", timex.mod),
            ("anchorTimeID", tids.get(timex.anchor_id, "") if timex.anchor_id else ""),
        ])  # fmt: skip
        parts.append(escape(_clean(text[at : timex.start])))
        parts.append(f"<TIMEX3{attrs}>{escape(_clean(text[timex.start : timex.end]))}</TIMEX3>")
        at = timex.end
    parts.append(escape(_clean(text[at:])))
    dct_xml = (
        f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct.isoformat()}" temporalFunction="false" '
        f'functionInDocument="CREATION_TIME">{dct.isoformat()}</TIMEX3></DCT>\n'
        if dct else ""
    )  # fmt: skip
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">\n'
        f"<DOCID>{escape(doc_id)}</DOCID>\n{dct_xml}<TITLE>{escape(_clean(title))}</TITLE>\n"
        f"<TEXT>{''.join(parts)}</TEXT>\n</TimeML>\n"
    )


def timeml_archive(files: Sequence[tuple[str, str]]) -> bytes:
    """A ZIP of ``(file name, TimeML text)`` pairs, with fixed timestamps (same input, same bytes)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in files:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, content.encode("utf-8"))
    return buffer.getvalue()
