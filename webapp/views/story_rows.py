"""Group the story selectors' mention rows into story events with their sources (no queries here)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from timeline.stories.counting import outlet_of
from timeline.stories.selectors import by_story_event
from webapp.charts.story.figure import StoryChartEvent, StorySource


def source_from_row(row: dict[str, Any], outlets: dict[str, str]) -> StorySource:
    """One source; ``outlets`` caches ``outlet_of`` per source string (thousands of rows share a few)."""
    sentence_start, phrase_start = row["event__sentence__start"], row["event__expression__start"]
    source = row["event__article__source"] or ""
    if source not in outlets:
        outlets[source] = outlet_of(source)
    return StorySource(
        event_id=row["event_id"],
        article_id=row["event__article_id"],
        article_title=row["event__article__title"],
        outlet=outlets[source],
        sentence=row["event__sentence__text"] or "",
        phrase=row["event__expression__text"] or "",
        phrase_offset=None if sentence_start is None or phrase_start is None else phrase_start - sentence_start,
    )


def story_events_from_rows(rows: Iterable[dict[str, Any]]) -> list[StoryChartEvent]:
    """One ``StoryChartEvent`` per story event, in the rows' order, its mentions as sources."""
    outlets: dict[str, str] = {}
    return [
        StoryChartEvent(
            id=first["story_event_id"],
            title=first["story_event__title"],
            earliest=first["story_event__earliest"],
            latest=first["story_event__latest"],
            value=first["story_event__value"],
            granularity=first["story_event__granularity"],
            status=first["story_event__status"],
            sources=tuple(source_from_row(row, outlets) for row in mentions),
        )
        for first, mentions in by_story_event(rows)
    ]
