"""The CSV export: one row per mention, safe to open in a spreadsheet.

``sources`` counts the story event's distinct articles (as the story page does); ``outlets``
and ``mentions`` come last, so a reader that takes the columns by position still finds its own.
"""

from __future__ import annotations

import csv
import io

from timeline.exports.document import ExportDocument

HEADER = (
    "event_id", "event_title", "earliest", "latest", "value", "granularity", "status", "sources",
    "article_id", "article_title", "article_source", "phrase", "sentence", "outlets", "mentions",
)  # fmt: skip
# A spreadsheet runs a cell starting with one of these as a formula (or a DDE command).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """The cell's text, with a leading apostrophe when a spreadsheet would read it as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def render_csv(document: ExportDocument) -> bytes:
    """UTF-8 with a byte-order mark (so spreadsheets read the accents), CRLF line ends."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    titles = {a.id: a.title for a in document.articles}
    for event in document.events:
        for mention in event.mentions:
            writer.writerow([safe_cell(v) for v in (
                event.id, event.title, event.earliest.isoformat(), event.latest.isoformat(), event.value,
                event.granularity, event.status, event.count.articles, mention.article_id,
                titles.get(mention.article_id, mention.article_title), mention.article_source, mention.phrase,
                mention.sentence, event.count.outlets, event.count.mentions,
            )])  # fmt: skip
    return ("\ufeff" + out.getvalue()).encode("utf-8")
