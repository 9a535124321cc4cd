"""Template helpers for events: the sentence with its phrase marked, and resolved dates.

``highlight`` escapes the article text before inserting ``<mark>``, so marking the
result safe cannot let article HTML through.
"""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString, mark_safe

from timeline.display.dates import describe_event, iso_range
from timeline.display.event_text import event_phrase, marked_sentence
from timeline.display.highlight import Span, highlight
from timeline.models import Event
from timeline.temporal.types import OPEN_END, OPEN_START

register = template.Library()


@register.simple_tag
def highlight_phrase(text: str, span: Span | None) -> SafeString:
    """``text`` escaped, with the phrase at ``span`` in ``<mark>``."""
    return mark_safe(highlight(text, span, tag="mark"))  # noqa: S308 - escaped by highlight()


register.filter("marked_sentence", marked_sentence)


@register.filter
def phrase(event: Event) -> str:
    return event_phrase(event)


@register.filter
def resolved(event: Event) -> str:
    """For experts: ``2024-04-12`` or ``2024-04-01 → 2024-04-07``, open ends as ``open``."""
    return iso_range(event.earliest, event.latest)


@register.filter
def is_open_ended(event: Event) -> bool:
    return event.earliest == OPEN_START or event.latest == OPEN_END


@register.filter
def friendly_dates(event: Event) -> str:
    """``Fri 12 Apr 2024``, ``1–7 Apr 2024 (week)``, ``from Sat 13 Apr 2024 on (open-ended)`` …"""
    return describe_event(event)


@register.filter
def http_url(value: str) -> str:
    """``value`` if it is an http(s) URL (safe to use as a link), else ''."""
    return value if value.lower().startswith(("http://", "https://")) else ""
