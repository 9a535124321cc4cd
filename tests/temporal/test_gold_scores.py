"""The engine against every gold file, and against the two baselines (same run)."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.evaluation.baselines import search_dates_baseline, spacy_ner_baseline
from timeline.evaluation.gold import load_gold_dir
from timeline.evaluation.scoring import Score, score_document
from timeline.management.commands.evaluate import engine_spans
from timeline.temporal.nlp import load_pipeline

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
GOLD = load_gold_dir(FIXTURES / "gold")
HELD_OUT = load_gold_dir(FIXTURES / "gold_heldout")
BLIND = load_gold_dir(FIXTURES / "gold_blind")  # scored in aggregate only


@pytest.mark.parametrize("doc", GOLD, ids=[d.id for d in GOLD])
def test_engine_on_gold_file(doc) -> None:
    score = score_document(doc.expressions, engine_spans(doc.text, doc.dct), doc.traps)
    metrics = score.metrics()
    assert score.trap_hits == 0, score.misses
    assert metrics["relaxed_F1"] >= 0.9, score.misses
    assert metrics["value_acc"] >= 0.85, score.misses


@pytest.mark.parametrize("documents", [GOLD, HELD_OUT, BLIND], ids=["gold", "held-out", "blind"])
def test_engine_beats_both_baselines_on_every_metric(documents) -> None:
    parser = load_pipeline().parser
    totals = {"engine": Score(), "ner": Score(), "search": Score()}
    for doc in documents:
        totals["engine"].add(score_document(doc.expressions, engine_spans(doc.text, doc.dct), doc.traps))
        totals["ner"].add(score_document(doc.expressions, spacy_ner_baseline(doc.text, doc.dct, parser), doc.traps))
        totals["search"].add(score_document(doc.expressions, search_dates_baseline(doc.text, doc.dct), doc.traps))
    ours = totals["engine"].metrics()
    for baseline in ("ner", "search"):
        theirs = totals[baseline].metrics()
        for metric, value in ours.items():
            if metric.endswith("_P") and theirs[metric] == 1.0:
                continue
            assert value > theirs[metric], (baseline, metric, value, theirs[metric])


def test_held_out_floor() -> None:
    """The set the engine was never tuned on: floors well above published classic taggers."""
    total = Score()
    for doc in HELD_OUT:
        total.add(score_document(doc.expressions, engine_spans(doc.text, doc.dct), doc.traps))
    metrics = total.metrics()
    assert len(HELD_OUT) >= 8 and total.gold >= 130
    assert metrics["relaxed_F1"] >= 0.95 and metrics["value_F1"] >= 0.85 and metrics["range_F1"] >= 0.82


def test_blind_floor() -> None:
    total = Score()
    for doc in BLIND:
        total.add(score_document(doc.expressions, engine_spans(doc.text, doc.dct), doc.traps))
    metrics = total.metrics()
    assert len(BLIND) >= 8 and total.gold >= 150
    assert metrics["relaxed_F1"] >= 0.9 and metrics["value_F1"] >= 0.78 and metrics["range_F1"] >= 0.75


def test_scoring_counts_strict_relaxed_and_values() -> None:
    from timeline.evaluation.gold import Span

    gold = [Span(0, 8, "Saturday", "2024-04-13", "2024-04-13", "2024-04-13"), Span(20, 29, "last week", "2024-W14")]
    system = [
        Span(0, 8, "Saturday", "2024-04-12", "2024-04-12", "2024-04-12"),
        Span(15, 29, "until last week", "2024-W14"),
        Span(40, 45, "bogus", "2024"),
    ]
    score = score_document(gold, system)
    assert (score.strict, score.relaxed, score.value, score.range) == (1, 2, 1, 1)
    assert score.metrics()["relaxed_P"] == pytest.approx(2 / 3)
