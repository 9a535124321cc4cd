"""The TimeML reader and writer: plain text and offsets as TempEval-3 defines them, and round trips."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from timeline.evaluation.gold import as_gold
from timeline.timeml.reader import TimeMLDocument, TimeMLError, Timex, parse_timeml, read_timeml_dir
from timeline.timeml.writer import write_timeml

TIMEBANK = Path(__file__).resolve().parents[2].parent / "shared" / "corpora" / "timebank" / "tml"

SAMPLE = """<?xml version="1.0" ?>
<TimeML>
<DOCID>wsj_demo</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1989-10-27" temporalFunction="false" functionInDocument="CREATION_TIME">10/27/89</TIMEX3></DCT>
<TEXT>
The dividend is <EVENT eid="e1" class="STATE">payable</EVENT> <TIMEX3 tid="t1" type="DATE" value="1989-12-07">Dec. 7</TIMEX3> to stock
of record <TIMEX3 tid="t2" type="DATE" value="1989-11-22">Nov. 22</TIMEX3>; AT&amp;T <SIGNAL sid="s1">in</SIGNAL> <TIMEX3 tid="t3" type="DATE" value="1989-Q3" mod="END">late third quarter</TIMEX3> &lt;said&gt;.
</TEXT>
</TimeML>
"""


def test_reader_strips_tags_unescapes_entities_and_keeps_offsets() -> None:
    doc = parse_timeml(SAMPLE)
    assert doc.id == "wsj_demo" and doc.dct == date(1989, 10, 27) and doc.dct_value == "1989-10-27"
    assert "<" not in doc.text.replace("<said>", "") and "AT&T" in doc.text and "<said>" in doc.text
    assert [(t.text, t.value, t.type, t.mod) for t in doc.timexes] == [
        ("Dec. 7", "1989-12-07", "DATE", ""),
        ("Nov. 22", "1989-11-22", "DATE", ""),
        ("late third quarter", "1989-Q3", "DATE", "END"),
    ]
    for timex in doc.timexes:
        assert doc.text[timex.start : timex.end] == timex.text
    assert doc.text.startswith("\nThe dividend is payable Dec. 7 to stock\nof record")


def test_round_trip_through_the_writer() -> None:
    doc = parse_timeml(SAMPLE)
    again = parse_timeml(write_timeml(doc))
    assert again == doc


def test_writer_escapes_and_refuses_overlaps() -> None:
    doc = TimeMLDocument("x<y", 'a "Friday" & <b>', date(2024, 4, 13), (Timex(3, 9, "Friday", "DATE", "2024-04-12"),))
    markup = write_timeml(doc)
    assert "&lt;b&gt;" in markup and "&amp;" in markup
    assert parse_timeml(markup) == TimeMLDocument(
        "x<y", doc.text, doc.dct, (Timex(3, 9, "Friday", "DATE", "2024-04-12", "", "t1"),), "2024-04-13"
    )
    overlapping = TimeMLDocument(
        "o", "last Friday", None, (Timex(0, 11, "last Friday", "DATE", "X"), Timex(5, 11, "Friday", "DATE", "X"))
    )
    with pytest.raises(TimeMLError, match="overlaps"):
        write_timeml(overlapping)


@pytest.mark.parametrize(
    "markup, message",
    [
        ("<TimeML><TEXT>unclosed", "not well-formed"),
        ("<TimeML><DOCID>d</DOCID></TimeML>", "no <TEXT>"),
    ],
)
def test_bad_markup_is_a_clear_error(markup: str, message: str) -> None:
    with pytest.raises(TimeMLError, match=message):
        parse_timeml(markup, "bad.tml")


def test_scoring_needs_a_dct() -> None:
    with pytest.raises(TimeMLError, match="no DCT"):
        as_gold(TimeMLDocument("d", "text", None, ()))


def test_timebank_reads_and_round_trips() -> None:
    if not TIMEBANK.is_dir():
        pytest.skip(f"!!! TimeBank corpus missing at {TIMEBANK}: TimeML reader not checked on real data !!!")
    docs = read_timeml_dir(TIMEBANK)
    assert len(docs) == 183 and sum(len(d.timexes) for d in docs) == 1243
    assert all(d.dct is not None for d in docs)
    for doc in docs[:40]:
        assert parse_timeml(write_timeml(doc)) == doc
