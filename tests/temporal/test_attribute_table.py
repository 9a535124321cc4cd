"""The attribute table gives every token exactly what the model's own attribute ruler gives it."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from timeline.evaluation.gold import as_gold, load_gold_dir
from timeline.temporal.attribute_table import FACTORY
from timeline.temporal.nlp import MODEL_NAME, load_pipeline
from timeline.timeml.reader import read_timeml

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
TIMEBANK = Path(__file__).resolve().parents[2].parent / "shared" / "corpora" / "timebank" / "tml"


def _paragraphs() -> list[str]:
    texts = [doc.text for name in ("gold", "gold_heldout", "gold_blind") for doc in load_gold_dir(FIXTURES / name)]
    if TIMEBANK.is_dir():  # and real newswire, where it is here
        texts += [as_gold(read_timeml(path)).text for path in sorted(TIMEBANK.glob("*.tml"))[:40]]
    # odd tokens the ruler has exceptions for: contractions, "gonna", dialect spellings, spaces
    texts.append("I'd say we're gonna win, y'all.  It ain't over; somethin' is goin' on and they'll see 'em.")
    return [p for text in texts for p in text.split("\n") if p.strip()]


def test_the_engine_pipeline_uses_the_table() -> None:
    parser = load_pipeline().parser
    if parser is None:
        pytest.skip("!!! the spaCy model is not installed: the attribute table is NOT checked !!!")
    assert parser.get_pipe_meta("attribute_ruler").factory == FACTORY


def test_every_token_gets_the_models_attributes() -> None:
    table_pipeline = load_pipeline().parser
    if table_pipeline is None:
        pytest.skip("!!! the spaCy model is not installed: the attribute table is NOT checked !!!")
    stock = spacy.load(MODEL_NAME)
    paragraphs = _paragraphs()
    compared = 0
    for ours, theirs in zip(table_pipeline.pipe(paragraphs), stock.pipe(paragraphs), strict=True):
        for mine, model in zip(ours, theirs, strict=True):
            compared += 1
            assert (mine.pos_, mine.tag_, mine.lemma_, str(mine.morph), mine.dep_) == (
                model.pos_,
                model.tag_,
                model.lemma_,
                str(model.morph),
                model.dep_,
            ), (mine.text, ours.text)
    assert compared > 10_000
