"""Group the story selectors' mention rows into story events with their sources (no queries here)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from timeline.stories.selectors import outlet_of
from webapp.highlight import phrase_span
from webapp.story_chart import StoryChartEvent, StorySource


def source_from_row(row: dict[str, Any]) -> StorySource:
    sentence = row["event__sentence__text"] or ""
    phrase = row["event__expression__text"] or ""
    span = None
    if sentence and phrase and row["event__sentence__start"] is not None:
        span = phrase_span(sentence, phrase, row["event__expression__start"] - row["event__sentence__start"])
    return StorySource(
        event_id=row["event_id"],
        article_id=row["event__article_id"],
        article_title=row["event__article__title"],
        outlet=outlet_of(row["event__article__source"] or ""),
        sentence=sentence,
        phrase=phrase,
        phrase_span=span,
    )


def story_events_from_rows(rows: Iterable[dict[str, Any]]) -> list[StoryChartEvent]:
    """One ``StoryChartEvent`` per story event, in the rows' order, its mentions as sources."""
    events: dict[int, tuple[dict[str, Any], list[StorySource]]] = {}
    for row in rows:
        entry = events.setdefault(row["story_event_id"], (row, []))
        entry[1].append(source_from_row(row))
    return [
        StoryChartEvent(
            id=first["story_event_id"],
            title=first["story_event__title"],
            earliest=first["story_event__earliest"],
            latest=first["story_event__latest"],
            value=first["story_event__value"],
            granularity=first["story_event__granularity"],
            status=first["story_event__status"],
            sources=tuple(sources),
        )
        for first, sources in events.values()
    ]
