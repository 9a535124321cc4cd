"""Exports of a story or an article: JSON (fixed shape), CSV, iCalendar, TimelineJS and TimeML.

``export_bytes(document, fmt)`` gives the file; ``EXPORT_FORMATS`` names each format's
media type and file extension. Nothing here writes a server path: sources pass through
``document.public_source``.
"""

from __future__ import annotations

from dataclasses import dataclass

from timeline.exports.csv_export import render_csv
from timeline.exports.document import ExportDocument, articles_with_expressions
from timeline.exports.ics_export import render_ics
from timeline.exports.json_export import render_json
from timeline.exports.timelinejs_export import render_timelinejs
from timeline.timeml.reader import Timex
from timeline.timeml.writer import article_timeml, timeml_archive


@dataclass(frozen=True)
class ExportFormat:
    content_type: str
    extension: str


EXPORT_FORMATS = {
    "json": ExportFormat("application/json; charset=utf-8", "json"),
    "csv": ExportFormat("text/csv; charset=utf-8", "csv"),
    "ics": ExportFormat("text/calendar; charset=utf-8", "ics"),
    "timelinejs": ExportFormat("application/json; charset=utf-8", "timelinejs.json"),
    "timeml": ExportFormat("application/zip", "timeml.zip"),
}


def render_timeml(document: ExportDocument) -> bytes:
    """A ZIP with one TimeML file per article (only the exported events' expressions when approved-only)."""
    files = []
    for article, expressions in articles_with_expressions(document):
        if document.approved_only:
            expressions = [e for e in expressions if e.pk in document.expression_ids]
        timexes = [Timex(e.start, e.end, e.text, e.type, e.value, e.mod) for e in expressions]
        xml = article_timeml(doc_id=f"article-{article.pk}", text=article.text, dct=article.published,
                             timexes=timexes)  # fmt: skip
        files.append((f"article-{article.pk}.tml", xml))
    return timeml_archive(files)


RENDERERS = {
    "json": render_json, "csv": render_csv, "ics": render_ics, "timelinejs": render_timelinejs,
    "timeml": render_timeml,
}  # fmt: skip


def export_bytes(document: ExportDocument, fmt: str) -> bytes:
    """The export of ``document`` in ``fmt`` (a key of ``EXPORT_FORMATS``); KeyError for others."""
    return RENDERERS[fmt](document)


def export_filename(document: ExportDocument, fmt: str) -> str:
    suffix = ("-approved" if document.approved_only else "") + ("-filtered" if document.filtered_by else "")
    return f"{document.slug}{suffix}.{EXPORT_FORMATS[fmt].extension}"
