"""A pronoun subject gives way to the name it stands for, from the lexicon's examples."""

from __future__ import annotations

import pytest

from timeline.temporal import extract
from timeline.temporal.antecedents import ANTECEDENT_EXAMPLES, PRONOUN_KINDS, find_antecedent
from timeline.temporal.nlp import load_pipeline

PRONOUNS_AND_DUMMIES = set(PRONOUN_KINDS)


@pytest.mark.parametrize("text, name", ANTECEDENT_EXAMPLES)
def test_the_last_event_is_titled_by_the_name_or_keeps_its_pronoun(text, name) -> None:
    title = extract(text, "2024-04-13").events[-1].title
    if name:
        assert title.startswith(name[0].upper() + name[1:] + " "), title
    else:
        assert title.split()[0].lower() in PRONOUNS_AND_DUMMIES, title


@pytest.mark.parametrize("text, name", [(t, n) for t, n in ANTECEDENT_EXAMPLES if n])
def test_the_choice_says_why(text, name) -> None:
    nlp = load_pipeline().parser
    sentences = list(nlp(text).sents)
    own, previous = sentences[-1].as_doc(), sentences[-2].as_doc() if len(sentences) > 1 else None
    pronoun = next(t for t in own if t.lower_ in PRONOUN_KINDS and t.dep_ in ("nsubj", "nsubjpass"))
    found = find_antecedent(pronoun, own, previous)
    assert found is not None and found.text == name
    assert repr(name) in found.reason and ("same sentence" if previous is None else "sentence before") in found.reason


def test_a_pronoun_among_several_names_none_the_subject_stays() -> None:
    nlp = load_pipeline().parser
    previous = nlp("The letter was sent to Nawaz Sharif and to Bill Richardson.")
    own = nlp("He answered on Friday.")
    assert find_antecedent(own[0], own, previous) is None
