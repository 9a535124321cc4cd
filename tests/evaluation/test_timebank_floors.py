"""The engine on TimeBank 1.2 (../shared/corpora/timebank/tml), TempEval-3 Task A, against floors.

The whole corpus runs in about ten seconds, so no sample is drawn. The floors are issue 9's;
the engine reads 90.0 / 94.7 / 85.1 (strict / relaxed / value F1) on 1 December 2026.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.evaluation.tempeval import CorpusReport, evaluate_corpus
from timeline.evaluation.timeml import read_timeml_dir
from timeline.management.commands.evaluate import engine_spans

TIMEBANK = Path(__file__).resolve().parents[2].parent / "shared" / "corpora" / "timebank" / "tml"
FLOORS = {"value_F1": 0.84, "relaxed_F1": 0.93, "strict_F1": 0.86,
          "bare weekday": 0.93, "month-day": 0.95, "quarter": 0.85}


@pytest.fixture(scope="module")
def report() -> CorpusReport:
    if not TIMEBANK.is_dir():
        pytest.skip(f"!!! TimeBank corpus not found at {TIMEBANK}: the engine's TimeBank floors are NOT checked !!!")
    return evaluate_corpus(read_timeml_dir(TIMEBANK), engine_spans)


@pytest.mark.parametrize("name", list(FLOORS))
def test_timebank_floor(report: CorpusReport, name: str) -> None:
    if name in report.families:
        family = report.families[name]
        assert family.gold >= 80 and family.accuracy >= FLOORS[name], family.misses[:10]
    else:
        assert report.total.gold == 1243
        assert report.metrics()[name] >= FLOORS[name], report.total.misses[:10]
