"""The Knight Lab TimelineJS export, the one writer for a story and for an article.

A story gives one slide per story event with all its sources (articles); an article one slide per
event, grouped under the article's title. Each slide says its dates in words after the
time phrase ("“Friday” → Fri 12 Apr 2024").

Slides keep a stated clock time (hour and minute); TimelineJS renders headline and
text as HTML, so all article text is escaped once; quotes need no escaping in element text
(a headline shows "bridge's", never "bridge&#x27;s").
"""

from __future__ import annotations

import html
import json
from datetime import date
from typing import Any

from timeline.display.dates import describe_event
from timeline.display.highlight import phrase_span
from timeline.exports.document import ExportDocument, ExportEvent, ExportMention
from timeline.exports.ics_export import clock_time
from timeline.temporal.types import OPEN_END, OPEN_START


def _tl_date(day: date) -> dict[str, int]:
    return {"year": day.year, "month": day.month, "day": day.day}


def _text(text: str) -> str:
    """Text escaped once for an element's content (quotes need no escaping there)."""
    return html.escape(text, quote=False)


def _mark(mention: ExportMention) -> str:
    """The sentence escaped, with the mention's phrase (at its stored offset) in ``<mark>``."""
    offset = (
        mention.phrase_start - mention.sentence_start
        if mention.phrase_start is not None and mention.sentence_start is not None
        else None
    )
    span = phrase_span(mention.sentence, mention.phrase, offset) if mention.phrase else None
    if span is None:
        return _text(mention.sentence)
    at, end = span
    return (
        f"{_text(mention.sentence[:at])}<mark>{_text(mention.sentence[at:end])}</mark>{_text(mention.sentence[end:])}"
    )


def _when(event: ExportEvent) -> str:
    """The dates in words, after the time phrase as written when one dated the event."""
    phrase = next((m.phrase for m in event.mentions if m.phrase), "")
    when = _text(describe_event(event))
    return f"<p>“{_text(phrase)}” → {when}</p>" if phrase else f"<p>{when}</p>"


def slide(event: ExportEvent, *, unique_id: str, group: str | None = None) -> dict[str, Any]:
    """One slide: start (with its clock time), end for bounded ranges, and each source's sentence."""
    start = event.latest if event.earliest == OPEN_START else event.earliest
    start_date: dict[str, int] = _tl_date(start)
    if (moment := clock_time(event)) is not None:
        start_date |= {"hour": moment.hour, "minute": moment.minute}
    # One item per source (article), with each of its sentences that tells the happening.
    sources = "".join(
        f"<li><b>{_text(mentions[0].article_title)}</b>"
        + (f" ({_text(mentions[0].article_source)})" if mentions[0].article_source else "")
        + ": "
        + " ".join(_mark(m) for m in mentions)
        + "</li>"
        for mentions in event.articles
    )
    entry: dict[str, Any] = {
        "unique_id": unique_id,
        "start_date": start_date,
        "text": {"headline": _text(event.title),
                 "text": f"{_when(event)}<p>{_text(event.count.label)}</p><ul>{sources}</ul>"},
    }  # fmt: skip
    if group is not None:
        entry["group"] = group
    if OPEN_START < event.earliest < event.latest < OPEN_END:
        entry["end_date"] = _tl_date(event.latest)
    return entry


def render_timelinejs(document: ExportDocument) -> bytes:
    title = document.story if document.story is not None else (document.articles[0].title if document.articles else "")
    note = "Approved happenings only" if document.approved_only else "Proposed and approved happenings"
    data = {
        "title": {"text": {"headline": _text(title or "Timeline"),
                           "text": f"<p>{note}, from {len(document.articles)} article{'s' if len(document.articles) != 1 else ''}.</p>"}},
        "events": [_slide_of(document, e) for e in document.events],
    }  # fmt: skip
    return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")


def _slide_of(document: ExportDocument, event: ExportEvent) -> dict[str, Any]:
    if document.story is not None:
        return slide(event, unique_id=f"happening-{event.id}")
    group = _text(document.articles[0].title) if document.articles else None
    return slide(event, unique_id=f"event-{event.id}", group=group)
