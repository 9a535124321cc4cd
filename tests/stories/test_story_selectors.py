"""``by_story_event``: the one grouping of mention rows that the story page, its chart and the exports share."""

from __future__ import annotations

from timeline.stories.selectors import by_story_event


def test_rows_are_gathered_per_story_event_in_the_order_first_seen():
    rows = [{"story_event_id": 7, "event_id": 1}, {"story_event_id": 7, "event_id": 2},
            {"story_event_id": 3, "event_id": 5}, {"story_event_id": 7, "event_id": 9}]  # fmt: skip
    grouped = by_story_event(iter(rows))  # a QuerySet is read once, like an iterator
    assert [(first["story_event_id"], [r["event_id"] for r in mentions]) for first, mentions in grouped] == [
        (7, [1, 2, 9]),
        (3, [5]),
    ]
    assert grouped[0][0] is rows[0] and by_story_event([]) == []
