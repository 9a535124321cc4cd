"""The iCalendar export (RFC 5545, written by ``icalendar``): one calendar event per story event.

Day ranges are all-day events whose DTEND is the day after the last (exclusive, as the
standard says); a stated clock time is a timed event. Open-ended references sit on
their known day and say they are open-ended.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from icalendar import Calendar, Event

from timeline.exports.document import ExportDocument, ExportEvent
from timeline.temporal.types import OPEN_END, OPEN_START

_CLOCK = re.compile(r"T([01]\d|2[0-3]):([0-5]\d)")
PRODID = "-//Newsroom Timeline//story export//EN"


def clock_time(event: ExportEvent) -> datetime | None:
    """The event's moment when its TIMEX value states a clock time on a single day ("…T14:30")."""
    match = _CLOCK.search(event.value)
    if event.earliest != event.latest or match is None or event.earliest in (OPEN_START, OPEN_END):
        return None
    return datetime(event.earliest.year, event.earliest.month, event.earliest.day, int(match[1]), int(match[2]))


def _description(event: ExportEvent) -> str:
    lines = []
    if event.earliest == OPEN_START:
        lines.append(f"Open-ended: until {event.latest.isoformat()}.")
    elif event.latest == OPEN_END:
        lines.append(f"Open-ended: from {event.earliest.isoformat()} on.")
    lines.append(f"{event.count.label} · {event.status}")
    for mention in event.mentions:
        lines.append(f"- {mention.article_title} ({mention.article_source}): {mention.sentence}"
                     if mention.article_source else f"- {mention.article_title}: {mention.sentence}")  # fmt: skip
    return "\n".join(lines)


def calendar_event(event: ExportEvent, uid_prefix: str, stamp: datetime) -> Event:
    entry = Event()
    entry.add("uid", f"{uid_prefix}-{event.id}@newsroom-timeline")
    entry.add("dtstamp", stamp)
    entry.add("summary", event.title)
    moment = clock_time(event)
    if moment is not None:
        entry.add("dtstart", moment)
    else:
        first = event.latest if event.earliest == OPEN_START else event.earliest
        last = event.earliest if event.latest == OPEN_END else event.latest
        entry.add("dtstart", first)
        entry.add("dtend", last + timedelta(days=1))  # exclusive
    entry.add("description", _description(event))
    entry.add("status", "CONFIRMED" if event.status == "approved" else "TENTATIVE")
    return entry


def render_ics(document: ExportDocument, stamp: datetime | None = None) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", document.story or (document.articles[0].title if document.articles else "Timeline"))
    stamp = stamp or datetime.now(UTC).replace(microsecond=0)
    prefix = "story-event" if document.story is not None else "event"
    for event in document.events:
        calendar.add_component(calendar_event(event, prefix, stamp))
    return calendar.to_ical()
