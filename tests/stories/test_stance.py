"""The stance of a dated clause, read with the spaCy model: each cue table's examples mark their clause."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.stories.cues import GOVERNING, MODAL, NEGATION, STATE, Cue
from timeline.stories.features import MentionFeatures, MentionInput, mention_features
from timeline.stories.stance import ASSERTED, HYPOTHETICAL, NEGATED

DAY = date(2024, 5, 10)


def features(sentence: str, phrase: str) -> MentionFeatures:
    start = sentence.index(phrase)
    return mention_features([MentionInput(1, 1, DAY, DAY, "day", "", sentence, start, start + len(phrase))])[0]


@pytest.mark.parametrize("cue", NEGATION, ids=[c.word for c in NEGATION])
def test_a_negation_on_the_action_or_above_it_negates_the_clause(cue: Cue) -> None:
    f = features(cue.example, cue.phrase)
    assert f.modality in (NEGATED, HYPOTHETICAL), (f.modality, f.verb)  # "no reason to believe ... will"


@pytest.mark.parametrize("cue", MODAL + GOVERNING, ids=[c.word for c in MODAL + GOVERNING])
def test_a_modal_or_a_verb_of_intent_belief_or_denial_makes_the_clause_hypothetical(cue: Cue) -> None:
    f = features(cue.example, cue.phrase)
    assert f.modality == HYPOTHETICAL and f.cue, (f.modality, f.verb)


@pytest.mark.parametrize("cue", STATE, ids=[c.word for c in STATE])
def test_a_copula_without_a_happening_word_tells_a_state(cue: Cue) -> None:
    f = features(cue.example, cue.phrase)
    assert f.state and f.modality == ASSERTED


@pytest.mark.parametrize(
    "sentence",
    [
        "A bomb exploded outside the embassy on Friday.",
        "The minister stood down on Monday.",  # a copula-like verb with a particle of the lexicon
        "The bombing was on Friday.",  # a happening as the subject of the copula
        "He left after the bomb exploded on Friday.",  # an adverbial clause keeps its own stance
        "The group will hold talks on Friday.",  # scheduled, not hypothetical
    ],
)
def test_plain_happenings_are_asserted_occurrences(sentence: str) -> None:
    f = features(sentence, "Friday" if "Friday" in sentence else "Monday")
    assert f.modality == ASSERTED and not f.state, (f.modality, f.cue, f.verb)


@pytest.mark.parametrize(
    ("sentence", "phrase", "actors"),
    [
        ("Cuba condemned the bombing on Saturday.", "Saturday", {"cuba"}),
        ("Cuba's foreign ministry condemned the bombing on Saturday.", "Saturday", {"cuba"}),
        ("The government of Cyprus condemned the attack on Saturday.", "Saturday", {"cyprus"}),
        ("The bombing was condemned by South Africa on Saturday.", "Saturday", {"south africa"}),
        ("Police in Nairobi arrested two men on Sunday.", "Sunday", set()),  # a place is no actor
        ("They condemned the bombing on Saturday.", "Saturday", set()),
    ],
)
def test_actors_are_the_subject_its_owner_or_the_passive_agent(sentence: str, phrase: str, actors: set) -> None:
    assert features(sentence, phrase).actors == actors


def test_the_place_is_read_from_the_action_and_its_subject_not_from_a_modifier() -> None:
    a = features("A bomb went off outside the Velland embassy in Tesmar on Friday.", "Friday")
    b = features("The bomb in Nairobi exploded on Friday.", "Friday")
    assert a.where == {"tesmar"} and b.where == {"nairobi"}


def test_a_verb_keeps_the_date_of_its_object() -> None:
    f = features("Cuba condemned the attacks on Saturday.", "Saturday")
    assert f.verb == "condemn" and "condemn" in f.verb_classes and f.actors == {"cuba"}


def test_a_denial_is_its_own_happening_and_what_it_denies_is_not_told() -> None:
    denial = features("On Sunday, the group denied that it had attacked the embassy.", "Sunday")
    assert denial.verb == "deny" and denial.modality == ASSERTED
    denied = features("The group denied that it attacked the embassy on Friday.", "Friday")
    assert denied.modality == HYPOTHETICAL
