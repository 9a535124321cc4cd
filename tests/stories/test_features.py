"""What a mention says, read from its stored sentence with the spaCy model (pure, no Django)."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.stories.features import MentionFeatures, MentionInput, mention_features
from timeline.stories.lexicon import CLASSES, CLASSES_OF, classes_of

DAY = date(2025, 3, 12)


def features(sentence: str, phrase: str) -> MentionFeatures:
    start = sentence.index(phrase)
    item = MentionInput(1, 1, DAY, DAY, "day", "", sentence, start, start + len(phrase))
    return mention_features([item])[0]


def test_under_a_reporting_verb_the_action_is_the_reported_clause() -> None:
    f = features("Police said a truck bomb exploded outside the embassy on Friday.", "Friday")
    assert f.verb == "explode" and f.subject == "bomb" and "explode" in f.verb_classes
    assert "say" not in f.lemmas and "police" not in f.lemmas  # who reported it is not the happening


def test_according_to_and_the_time_phrase_are_left_out_of_the_words() -> None:
    f = features("The bridge collapsed on Monday, according to the state police.", "Monday")
    assert f.verb == "collapse" and "give-way" in f.verb_classes
    assert not {"police", "state", "monday", "accord"} & set(f.lemmas)


def test_a_date_that_modifies_a_noun_dates_that_noun() -> None:
    f = features("Analysts said Thursday's outage would cost the airline 40 million euros.", "Thursday")
    assert f.verb == "outage" and "outage" in f.verb_classes
    g = features("Union leaders said the June 5 software failure had shown how thin crews were.", "June 5")
    assert g.verb == "failure" and g.subject == "software"


def test_the_ing_form_of_a_lexicon_verb_is_a_happening_noun() -> None:
    f = features("Survivors of the capsizing on Thursday were taken to hospital.", "Thursday")
    assert f.verb == "capsizing" and "sink" in f.verb_classes
    g = features("Shares fell 8 percent in Frankfurt trading on Thursday.", "Thursday")
    assert g.verb == "fall"  # trading names no happening: the verb keeps the date


def test_relative_pronouns_stand_for_their_noun_and_aspectual_verbs_take_its_class() -> None:
    f = features("Talks ended the strike, which began on June 9.", "June 9")
    assert f.subject == "strike" and {"begin", "walkout"} <= f.verb_classes


def test_people_are_compared_by_surname_and_places_without_the_article() -> None:
    f = features("Madeleine Albright visited the U.S. Embassy in Nairobi on Tuesday.", "Tuesday")
    assert {"albright", "nairobi"} <= f.entities and "nairobi" in f.places


@pytest.mark.parametrize("happening", CLASSES, ids=[c.name for c in CLASSES])
def test_each_lexicon_example_pair_shares_its_class(happening) -> None:
    first, second = happening.example
    phrase = next(w for w in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
                              "May", "October") if w in first)  # fmt: skip
    a, b = features(first, phrase), features(second, phrase)
    assert happening.name in a.verb_classes & b.verb_classes


def test_lexicon_words_are_lemmas_and_unknown_words_are_their_own_class() -> None:
    assert all(word == word.lower().strip() and word for word in CLASSES_OF)
    assert classes_of("collapse") == {"give-way"} and classes_of("zebra") == {"zebra"} and classes_of("") == set()
