"""Inferring the article date: strong evidence checked against the text, or nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from timeline.temporal import extract
from timeline.temporal.dct import CONFIDENCE, EXAMPLES, DctExample, doubt, infer_dct
from timeline.temporal.nlp import load_pipeline
from timeline.timeml.reader import read_timeml_dir

ROOT = Path(__file__).resolve().parents[2]
TIMEBANK = ROOT.parent / "shared" / "corpora" / "timebank" / "tml"
SEED = ROOT / "fixtures" / "seed_biden_iran_2024-04-13.txt"


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.why for e in EXAMPLES])
def test_rule_examples(example: DctExample) -> None:
    evidence = infer_dct(example.text)
    assert (evidence.value if evidence else None) == example.expected, example.why
    if evidence is not None:
        assert evidence.confidence == CONFIDENCE[evidence.method]
        assert example.text[evidence.start : evidence.end].strip() == evidence.evidence


def test_seed_caption_date() -> None:
    evidence = infer_dct(SEED.read_text(encoding="utf-8"))
    assert evidence is not None and evidence.value == date(2024, 4, 13) and evidence.method == "full_date"


def test_evidence_is_ranked_metadata_first() -> None:
    text = "Published: 2024-05-02\nPARIS, May 1, 2024 (AP) - Unions marched on Wednesday, May 1, 2024."
    evidence = infer_dct(text)
    assert evidence.method == "metadata" and evidence.value == date(2024, 5, 2)


def test_reported_later_event_refutes_a_caption_date() -> None:
    text = "Saturday, April 13, 2024, in the Situation Room.\nThe strikes came on April 19, 2024, officials said."
    assert infer_dct(text) is None


def test_timebank_without_dct_is_at_most_two_percent_wrong() -> None:
    if not TIMEBANK.is_dir():
        pytest.skip(f"TIMEBANK CORPUS MISSING at {TIMEBANK}: DCT inference NOT measured on real news")
    documents = read_timeml_dir(TIMEBANK)
    inferred = [(infer_dct(doc.text), doc.dct) for doc in documents]
    wrong = sum(evidence is not None and evidence.value != real for evidence, real in inferred)
    assert len(documents) > 100 and wrong <= 0.02 * len(documents)


def test_a_refuted_date_is_explained_to_the_user() -> None:
    text = "WASHINGTON, Aug. 7, 1998 (AP) - Officials said the suspects were arrested on Sept. 21, 1998."
    result = extract(text, pipeline=load_pipeline(use_model=False))
    assert result.dct is None
    assert any("7 August 1998" in w and "21 September 1998" in w and "not taken" in w for w in result.warnings)
    assert doubt("Officials met on Friday.") == ""
