"""The JSON export, in the fixed shape other tools read (see the README)."""

from __future__ import annotations

import json
from typing import Any

from timeline.exports.document import ExportDocument, document_key_dates


def document_json(document: ExportDocument) -> dict[str, Any]:
    """``{"story", "articles": [...], "events": [{..., "article_count", "outlet_count", "mention_count",
    "mentions": [...]}], "key_dates": [...]}`` as plain data."""
    return {
        "story": document.story,
        "filters": dict(document.filtered_by),  # empty for the whole story
        "articles": [
            {"id": a.id, "title": a.title, "published": a.published.isoformat() if a.published else None,
             "source": a.source}
            for a in document.articles
        ],
        "events": [
            {"id": e.id, "title": e.title, "earliest": e.earliest.isoformat(), "latest": e.latest.isoformat(),
             "value": e.value, "granularity": e.granularity, "status": e.status,
             # Sources are articles: two sentences of one article are one source, two mentions.
             "article_count": e.count.articles, "outlet_count": e.count.outlets, "mention_count": e.count.mentions,
             "mentions": [
                 {"article_id": m.article_id, "article_source": m.article_source,
                  "sentence_start": m.sentence_start, "sentence_end": m.sentence_end,
                  "phrase_start": m.phrase_start, "phrase_end": m.phrase_end, "sentence": m.sentence}
                 for m in e.mentions
             ]}
            for e in document.events
        ],
        # The most widely reported happenings (ids into "events"), in time order, with why.
        "key_dates": [
            {"event_id": k.event_id, "title": k.title, "earliest": k.earliest.isoformat(),
             "latest": k.latest.isoformat(), "article_count": k.count.articles, "outlet_count": k.count.outlets,
             "sentence": k.sentence, "why": k.reason}
            for k in document_key_dates(document)
        ],
    }  # fmt: skip


def render_json(document: ExportDocument) -> bytes:
    return json.dumps(document_json(document), ensure_ascii=False, indent=1).encode("utf-8")
