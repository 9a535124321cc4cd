"""An event's time phrase and sentence as written, and where the phrase sits in its sentence."""

from __future__ import annotations

from django.utils.safestring import SafeString, mark_safe

from timeline.display.highlight import Span, highlight, phrase_span
from timeline.models import Event


def event_phrase(event: Event) -> str:
    """The time phrase as written, or '' when re-analysis left the event without one."""
    return event.expression.text if event.expression_id and event.expression else ""


def event_sentence(event: Event) -> str:
    return event.sentence.text if event.sentence_id and event.sentence else ""


def event_phrase_span(event: Event) -> Span | None:
    """Where the event's phrase sits in its sentence (offsets checked against the text)."""
    sentence, phrase = event_sentence(event), event_phrase(event)
    if not sentence or not phrase:
        return None
    return phrase_span(sentence, phrase, event.expression.start - event.sentence.start)


def marked_sentence(event: Event) -> SafeString:
    """The event's source sentence, escaped, with its time phrase in ``<mark>``."""
    return mark_safe(highlight(event_sentence(event), event_phrase_span(event), tag="mark"))  # noqa: S308
