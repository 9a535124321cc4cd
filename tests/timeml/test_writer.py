"""The engine's output written as TimeML reads back (with the TimeML reader) as the same text and expressions."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from django.core.management import call_command

from timeline.evaluation.gold import load_gold_dir
from timeline.temporal import extract
from timeline.temporal.types import Extraction
from timeline.timeml.reader import parse_timeml
from timeline.timeml.writer import extraction_timeml, xml_safe

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "fixtures" / "seed_biden_iran_2024-04-13.txt"
GOLD = load_gold_dir(ROOT / "fixtures" / "gold")
HOSTILE = (
    "WASHINGTON, March 3, 2025 (AP) — “Saturday’s attack” & <b>talks</b> on Monday;\r\n"
    "a \x0bvertical tab, then Tuesday night ]]> and 'quoted' \"words\"; it ends in early 2026.\r"
)


def _expressions(extraction: Extraction) -> list[tuple[int, int, str, str, str, str]]:
    return [(e.start, e.end, e.text, e.type, e.value, e.mod or "") for e in extraction.expressions]


def _round_trip(text: str, extraction: Extraction) -> None:
    doc = parse_timeml(extraction_timeml(text, extraction, "doc"))
    assert doc.text == xml_safe(text) and len(doc.text) == len(text)
    assert [(t.start, t.end, t.text, t.type, t.value, t.mod) for t in doc.timexes] == [
        (s, e, xml_safe(t), kind, value, mod) for s, e, t, kind, value, mod in _expressions(extraction)
    ]
    assert [t.tid for t in doc.timexes] == [f"t{n}" for n in range(1, len(doc.timexes) + 1)]
    assert doc.dct == extraction.dct


def test_seed_round_trips() -> None:
    text = SEED.read_text(encoding="utf-8")
    extraction = extract(text, date(2024, 4, 13))
    assert len(extraction.expressions) > 10
    _round_trip(text, extraction)


@pytest.mark.parametrize("doc", GOLD, ids=[d.id for d in GOLD])
def test_gold_articles_round_trip(doc) -> None:
    _round_trip(doc.text, extract(doc.text, doc.dct))


def test_markup_quotes_line_ends_and_control_characters_round_trip() -> None:
    extraction = extract(HOSTILE)
    assert extraction.dct == date(2025, 3, 3) and any(e.mod for e in extraction.expressions)
    _round_trip(HOSTILE, extraction)


def test_no_dct_writes_no_creation_time() -> None:
    text = "Talks resumed on Monday, and on April 13, 2024 they ended."
    extraction = extract(text)
    markup = extraction_timeml(text, extraction, "undated")
    assert "CREATION_TIME" not in markup
    _round_trip(text, extraction)


def test_extract_command_writes_timeml(tmp_path: Path) -> None:
    article = tmp_path / "story.txt"
    article.write_text(HOSTILE, encoding="utf-8")
    out = io.StringIO()
    call_command("extract", str(article), "--timeml", stdout=out)
    doc = parse_timeml(out.getvalue())
    assert doc.id == "story" and doc.dct == date(2025, 3, 3) and doc.text == xml_safe(HOSTILE)
    assert [t.text for t in doc.timexes] == [e.text for e in extract(HOSTILE).expressions]
