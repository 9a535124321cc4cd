"""The project's timeline scoring gives the corpus scorer's figures, on the product's export and on altered ones."""

from __future__ import annotations

import json
import subprocess
import sys
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from timeline.stories.timeline_score import FULL_DAY, TimelineScore, load_gold, score_export_file

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpora" / "semeval2015-trial"


def corpus_scorer(export: dict[str, Any], tmp_path: Path) -> dict[str, Any]:
    """The figures the corpus's own score.py writes for ``export``."""
    export_file, figures = tmp_path / "export.json", tmp_path / "figures.json"
    export_file.write_text(json.dumps(export), encoding="utf-8")
    subprocess.run(
        [sys.executable, str(CORPUS / "score.py"), str(CORPUS / "gold.json"), str(export_file), "--json", str(figures)],
        check=False, capture_output=True, timeout=120,
    )  # fmt: skip
    return json.loads(figures.read_text(encoding="utf-8"))


def assert_same_figures(ours: TimelineScore, theirs: dict[str, Any]) -> None:
    assert (ours.mentions, ours.covered, ours.events, ours.offsets) == (
        theirs["mentions"], theirs["covered"], theirs["events"], theirs["offsets"]
    )  # fmt: skip
    assert (ours.tp, ours.fp, ours.fn, ours.gold_pairs) == (
        theirs["tp"],
        theirs["fp"],
        theirs["fn"],
        theirs["gold_pairs"],
    )
    assert (ours.dated, ours.date_ok, ours.date_exact, ours.article_date_ok, ours.clash_skipped) == (
        theirs["dated"], theirs["date_ok"], theirs["date_exact"], theirs["dct_same_ok"], theirs["clash_skipped"]
    )  # fmt: skip
    for mine, key in ((ours.coverage, "coverage"), (ours.precision, "p"), (ours.recall, "r"), (ours.f1, "f1"),
                      (ours.date_accuracy, "date_acc"), (ours.article_date_accuracy, "dct_same_acc")):  # fmt: skip
        assert mine == pytest.approx(theirs[key])


def gold_export(*, shift: int, merge_by_date: bool) -> dict[str, Any]:
    """An export made from the gold alone: sentences moved by ``shift`` (so they must be realigned),
    every third mention without a phrase, some on a document the corpus lacks, dates a day off on odd chains."""
    gold = json.loads((CORPUS / "gold.json").read_text(encoding="utf-8"))
    events: dict[Any, dict[str, Any]] = {}
    n = 0
    for c, chain in enumerate(gold["chains"]):
        for m in chain["mentions"]:
            text = (CORPUS / "txt" / f"{m['doc']}.txt").read_text(encoding="utf-8")
            key = chain["date"] if merge_by_date else (m["doc"], m["sentence_start"])
            day = chain["date"] if FULL_DAY.match(chain["date"]) else "2005-01-01"
            if c % 2 and day[8:] < "28":
                day = day[:8] + f"{int(day[8:]) + 1:02d}"
            event = events.setdefault(key, {"id": len(events) + 1, "earliest": day, "latest": day, "mentions": []})
            n += 1
            phrase = (
                {} if n % 3 == 0 else {"phrase_start": m["token_start"] + shift, "phrase_end": m["token_end"] + shift}
            )
            event["mentions"].append({
                "article_source": "elsewhere" if n % 17 == 0 else m["doc"],
                "sentence_start": m["sentence_start"] + shift, "sentence_end": m["sentence_end"] + shift,
                "sentence": text[m["sentence_start"] : m["sentence_end"]], **phrase,
            })  # fmt: skip
    return {"story": "gold", "articles": [], "events": list(events.values())}


@pytest.mark.parametrize("shift,merge_by_date", [(0, True), (7, False), (-3, True)])
def test_the_scoring_equals_the_corpus_scorer_on_altered_exports(
    tmp_path: Path, shift: int, merge_by_date: bool
) -> None:
    export = gold_export(shift=shift, merge_by_date=merge_by_date)
    ours = score_export_file(CORPUS, export)
    assert ours.covered > 0 and (ours.offsets["realigned"] > 0) == (shift != 0)
    assert_same_figures(ours, corpus_scorer(export, tmp_path))


def test_gold_dates_that_clash_or_are_partial_date_nothing() -> None:
    gold = load_gold(CORPUS / "gold.json")
    assert any(m.day is None for m in gold.mentions) and any(m.day is not None for m in gold.mentions)
    assert all(m.day is None for m in gold.mentions if m.clash)


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_evaluate_story_on_the_corpus_prints_the_corpus_scorers_figures_and_keeps_nothing(tmp_path: Path) -> None:
    from timeline.models import Article
    from timeline.stories.models import Story

    out, export_file = StringIO(), tmp_path / "story.json"
    call_command("evaluate_story", "--semeval", str(CORPUS), "--export", str(export_file), stdout=out)
    export = json.loads(export_file.read_text(encoding="utf-8"))
    theirs = corpus_scorer(export, tmp_path)
    assert_same_figures(score_export_file(CORPUS, export), theirs)
    printed = out.getvalue()
    assert f"= {theirs['coverage']:.3f}" in printed and f"F1 {theirs['f1']:.3f}" in printed
    assert f"= {theirs['date_acc']:.3f}" in printed and f"= {theirs['dct_same_acc']:.3f}" in printed
    assert not Article.objects.exists() and not Story.objects.exists()  # the scratch story was rolled back
