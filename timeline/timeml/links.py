"""TimeML's events and their links to times (EVENT, MAKEINSTANCE, TLINK), read beside ``reader`` (no Django).

``parse_timeml`` gives the plain text, the DCT and the TIMEX3s; this module adds each EVENT's
offsets into the same text and every TLINK between an event instance and a time expression (the
DCT included), turned so that the event comes first ("e IS_INCLUDED t").
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

from timeline.timeml.reader import TimeMLDocument, TimeMLError, parse_timeml, text_and_tags

# A link written from the time's side ("t INCLUDES e") read from the event's side.
INVERSE = {
    "INCLUDES": "IS_INCLUDED",
    "IS_INCLUDED": "INCLUDES",
    "BEFORE": "AFTER",
    "AFTER": "BEFORE",
    "IBEFORE": "IAFTER",
    "IAFTER": "IBEFORE",
    "BEGINS": "BEGUN_BY",
    "BEGUN_BY": "BEGINS",
    "ENDS": "ENDED_BY",
    "ENDED_BY": "ENDS",
    "DURING": "DURING_INV",
    "DURING_INV": "DURING",
    "SIMULTANEOUS": "SIMULTANEOUS",
    "IDENTITY": "IDENTITY",
}


@dataclass(frozen=True)
class TimeMLEvent:
    """One EVENT tag: its offsets into the plain text, its id and class."""

    eid: str
    start: int
    end: int
    text: str
    event_class: str


@dataclass(frozen=True)
class EventTimeLink:
    """A TLINK between an event and a time, from the event's side: ``eid relation tid``."""

    eid: str
    relation: str
    tid: str  # "t0" or whichever id the DCT carries, or a TIMEX3 of the text


@dataclass(frozen=True)
class LinkedDocument:
    """A TimeML document with its events and event-time links."""

    document: TimeMLDocument
    events: tuple[TimeMLEvent, ...]
    links: tuple[EventTimeLink, ...]
    dct_tid: str


def parse_linked_timeml(markup: str, doc_id: str = "") -> LinkedDocument:
    """The document, its EVENTs with offsets and its event-time TLINKs (event-event links are dropped)."""
    document = parse_timeml(markup, doc_id)
    root = ET.fromstring(markup)  # parse_timeml has already refused malformed markup
    body = root.find("TEXT")
    if body is None:  # pragma: no cover - parse_timeml raised already
        raise TimeMLError(f"{doc_id}: no <TEXT> element")
    events = [
        TimeMLEvent(t.element.get("eid", ""), t.start, t.end, t.text, t.element.get("class", ""))
        for t in text_and_tags(body)[1]
        if t.element.tag == "EVENT"
    ]
    instances = {m.get("eiid", ""): m.get("eventID", "") for m in root.iter("MAKEINSTANCE")}
    dct = root.find("DCT/TIMEX3")
    dct_tid = dct.get("tid", "t0") if dct is not None else "t0"
    links = []
    for tlink in root.iter("TLINK"):
        relation = tlink.get("relType", "")
        instance, time = tlink.get("eventInstanceID"), tlink.get("relatedToTime")
        if instance is None or time is None:
            instance, time = tlink.get("relatedToEventInstance"), tlink.get("timeID")
            relation = INVERSE.get(relation, relation)
        if instance is None or time is None or instances.get(instance, "") == "":
            continue  # an event-event or time-time link
        links.append(EventTimeLink(instances[instance], relation, time))
    return LinkedDocument(document, tuple(events), tuple(links), dct_tid)
