"""The model reads only what the answers need, and what it reads matches the full pipeline."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.temporal.detect import match_rules
from timeline.temporal.nlp import load_pipeline
from timeline.temporal.parse import DATE_LIKE, ParsePlan, parse_sentences, plan_parse
from timeline.temporal.rules.en import RULES
from timeline.temporal.segment import split_sentences
from timeline.temporal.types import Sentence

TEXT = (
    "Iran launched drones at Israel on Saturday.\n"  # a rule match: parsed, no entity pass
    "The committee met in the hall and talked of the future.\n"  # a time word, no month or weekday: not read
    "The board said nothing about its plans.\n"  # nothing temporal at all: not read
    "Prices were set back in the Mayday rush of years past.\n"  # "May" outside any rule match: entities too
)


def _plan(text: str) -> tuple[list[Sentence], ParsePlan]:
    sentences = split_sentences(text, load_pipeline().splitter)
    return sentences, plan_parse(text, sentences, match_rules(text, RULES))


def test_plan_parses_rule_sentences_and_looks_for_entities_only_beside_month_or_weekday_names() -> None:
    sentences, plan = _plan(TEXT)
    assert [s.text.split()[0] for s in sentences] == ["Iran", "The", "The", "Prices"]
    assert plan.parse == [0, 3] and plan.entities == frozenset({3})


def test_planned_docs_equal_the_full_pipeline() -> None:
    pipeline = load_pipeline()
    if pipeline.parser is None:
        pytest.skip("MODEL NOT INSTALLED: the parse plan is not compared with the full pipeline")
    text = TEXT + "Talks resume on Monday, June 3, after the summit in Geneva, officials said.\n"
    sentences, plan = _plan(text)
    docs = parse_sentences(sentences, plan, pipeline.parser)
    assert sorted(docs) == plan.parse
    for index, doc in docs.items():
        full = pipeline.parser(sentences[index].text)
        assert [(t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_) for t in doc] == [
            (t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_) for t in full
        ]
        if index in plan.entities:
            assert [(e.start, e.end, e.label_) for e in doc.ents] == [(e.start, e.end, e.label_) for e in full.ents]
        else:
            assert doc.ents == ()


def test_no_model_no_parse() -> None:
    sentences, plan = _plan(TEXT)
    assert parse_sentences(sentences, plan, None) == {}


PIECES = ["Black ", "Monday", "May", "Mayor", "Road", " ", "March ", "Sept.", "Sun", "day", "Oct", "years", "x", ","]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=8))
def test_a_name_the_entity_filter_would_keep_is_never_skipped(pieces: list[str]) -> None:
    """Whatever stretch of a sentence the model calls a date, if DATE_LIKE accepts it, the plan read it."""
    text = "".join(pieces) + " years"  # a time word, so the sentence is a candidate at all
    sentence = [Sentence(0, 0, len(text), text)]
    plan = plan_parse(text, sentence, [])
    kept = any(DATE_LIKE.search(text[i:j]) for i in range(len(text)) for j in range(i + 1, len(text) + 1))
    assert not kept or plan.entities == frozenset({0})
