"""The TimeML links reader: EVENT offsets into the plain text and event-time TLINKs from the event's side."""

from __future__ import annotations

from pathlib import Path

from timeline.timeml.links import parse_linked_timeml

TINY = Path(__file__).resolve().parents[2] / "fixtures" / "anchoring" / "tiny.tml"


def _tiny():
    return parse_linked_timeml(TINY.read_text(encoding="utf-8"), TINY.stem)


def test_reader_keeps_event_offsets_and_turns_links_to_the_event_side() -> None:
    gold = _tiny()
    text = gold.document.text
    assert [(e.eid, text[e.start : e.end]) for e in gold.events] == [
        ("e1", "announced"),
        ("e2", "cuts"),
        ("e3", "risen"),
        ("e4", "open"),
        ("e5", "struck"),
    ]
    # "t1 INCLUDES ei1" is read as "e1 IS_INCLUDED t1"; the event-event link is dropped.
    assert [(link.eid, link.relation, link.tid) for link in gold.links] == [
        ("e1", "IS_INCLUDED", "t1"),
        ("e1", "BEFORE", "t0"),
        ("e3", "BEGUN_BY", "t2"),
        ("e3", "IS_INCLUDED", "t0"),
        ("e4", "ENDED_BY", "t3"),
        ("e5", "DURING", "t4"),
    ]
    assert gold.dct_tid == "t0"
