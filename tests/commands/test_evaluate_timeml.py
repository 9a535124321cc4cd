"""`manage.py evaluate` on TimeML: TempEval-3 figures, families and their misses."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

DOC = """<?xml version="1.0" ?>
<TimeML><DOCID>demo</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-13" functionInDocument="CREATION_TIME">19980213</TIMEX3></DCT>
<TEXT>The convention voted <TIMEX3 tid="t1" type="DATE" value="1998-02-13">Friday</TIMEX3> to hold a referendum
<TIMEX3 tid="t2" type="DATE" value="1999">next year</TIMEX3>. Talks ran for <TIMEX3 tid="t3" type="DURATION" value="P2W">two weeks</TIMEX3>.
A florble happened <TIMEX3 tid="t4" type="DATE" value="1997-05-05">the day the blorp came</TIMEX3>.</TEXT></TimeML>
"""


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("evaluate", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    (tmp_path / "demo.tml").write_text(DOC, encoding="utf-8")
    return tmp_path


def test_prints_tempeval_table_and_families(corpus: Path) -> None:
    out = run(str(corpus))
    assert "TempEval-3 Task A on 1 documents: 4 gold" in out
    for row in ("strict", "relaxed", "value F1", "type F1", "bare weekday", "duration", "relative unit"):
        assert row in out


def test_json_summary_counts_the_families(corpus: Path) -> None:
    data = json.loads(run(str(corpus), "--json"))
    assert data["gold"] == 4 and data["families"]["bare weekday"] == {"gold": 1, "right": 1, "accuracy": 100.0}
    assert data["families"]["relative unit"]["right"] == 1 and data["value_F1"] > 0


def test_misses_are_listed_for_the_family_asked(corpus: Path) -> None:
    out = run(str(corpus), "--misses", "other")
    assert "== misses: other (1 of 1)" in out and "the day the blorp came" in out and "not found" in out
    assert "== misses: bare weekday" not in out


def test_broken_timeml_is_a_command_error(tmp_path: Path) -> None:
    (tmp_path / "bad.tml").write_text("<TimeML><TEXT>oops", encoding="utf-8")
    with pytest.raises(CommandError, match="not well-formed"):
        run(str(tmp_path))


HISTORY_DOC = """<?xml version="1.0" ?>
<TimeML><DOCID>history</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2009-12-19" functionInDocument="CREATION_TIME">2009-12-19</TIMEX3></DCT>
<TEXT>The army crossed the border on <TIMEX3 tid="t1" type="DATE" value="1939-09-17">September 17, 1939</TIMEX3>.
By <TIMEX3 tid="t2" type="DATE" value="1939-10">early October</TIMEX3>, the country was divided.</TEXT></TimeML>
"""


@pytest.fixture
def history(tmp_path: Path) -> Path:
    folder = tmp_path / "history"
    folder.mkdir()
    (folder / "history.tml").write_text(HISTORY_DOC, encoding="utf-8")
    return folder


def test_several_corpora_are_printed_in_turn(corpus: Path, history: Path) -> None:
    out = run(str(corpus), str(history))
    assert out.index(f"== {corpus}") < out.index("4 gold") < out.index(f"== {history}") < out.index("2 gold")


def test_the_doc_type_decides_how_a_history_is_read(history: Path) -> None:
    as_news = json.loads(run(str(history), "--json", "--doc-type", "news"))
    as_narrative = json.loads(run(str(history), "--json", "--doc-type", "narrative"))
    assert as_news["value_F1"] == 50.0
    assert as_narrative["value_F1"] == 100.0
