"""What keeps two mentions apart: pure rules over features, and grouping never crossing them."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.stories.test_clustering import groups_of, mention
from timeline.stories.barriers import BARRIERS, barrier, same_name
from timeline.stories.clustering import group_mentions
from timeline.stories.stance import HYPOTHETICAL, NEGATED


def condemn(event_id: int, article_id: int, *actors: str):
    m = mention(event_id, article_id, verb="condemn", subject="government", obj="bombing", names=("nairobi",))
    return replace(m, actors=frozenset(actors))


BARRED = [
    # (rule, first, second, words the reason must hold)
    ("actors_apart", condemn(1, 1, "cuba"), condemn(2, 2, "south africa"), "different actors (cuba / south africa)"),
    ("reaction_apart", condemn(1, 1, "cuba"), mention(2, 2, verb="explode", subject="bomb", classes=("explode",)),
     "a reaction (condemn) is not the happening"),
    ("reaction_apart", condemn(1, 1), replace(mention(2, 2, verb="deny", subject="group"), verb_classes=frozenset({"deny"})),
     "different reactions (condemn / deny)"),
    ("state_apart", replace(mention(1, 1, verb="be", subject="people"), state=True), mention(2, 2, verb="kill"),
     "a count or status is not an occurrence"),
    ("not_asserted", replace(mention(1, 1, verb="attack"), modality=NEGATED, cue="not"), mention(2, 2, verb="attack"),
     "is negated (“not”)"),
    ("not_asserted", mention(1, 1, verb="strike"), replace(mention(2, 2, verb="strike"), modality=HYPOTHETICAL, cue="plan"),
     "is hypothetical (“plan”)"),
    ("places_apart", replace(mention(1, 1, verb="explode"), where=frozenset({"nairobi"})),
     replace(mention(2, 2, verb="explode"), where=frozenset({"dar es salaam"})), "different places"),
]  # fmt: skip


@pytest.mark.parametrize(("rule", "a", "b", "words"), BARRED, ids=[f"{r[0]}-{n}" for n, r in enumerate(BARRED)])
def test_each_rule_keeps_its_pair_apart_and_says_why(rule, a, b, words) -> None:
    (check,) = [r for r in BARRIERS if r.__name__ == rule]
    assert words in check(a, b) and words in check(b, a)
    assert words in barrier(a, b)
    assert groups_of([a, b]) == [{1}, {2}] or rule == "not_asserted"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (condemn(1, 1, "cuba"), condemn(2, 2, "cuba")),  # one actor, two outlets
        (condemn(1, 1, "vantora"), condemn(2, 2, "vantora airlines")),  # a name inside the other
        (condemn(1, 1, "cuba"), condemn(2, 2)),  # one of them names no actor
        (mention(1, 1), mention(2, 2)),  # the same occurrence
    ],
)
def test_nothing_stops_the_same_happening(a, b) -> None:
    assert barrier(a, b) is None
    assert groups_of([a, b]) == [{1, 2}]


def test_names_match_when_the_words_of_one_are_in_the_other() -> None:
    assert same_name("vantora", "vantora airlines") and not same_name("south africa", "south korea")


def test_a_barred_pair_is_never_joined_through_a_third_mention() -> None:
    # Cuba's and Iran's condemnations both look like the unattributed one; they may not meet in it.
    cuba, iran, anon = condemn(1, 1, "cuba"), condemn(2, 2, "iran"), condemn(3, 3)
    groups = groups_of([cuba, iran, anon])
    assert {1, 2} not in groups and not any({1, 2} <= g for g in groups)


def test_a_negated_mention_becomes_no_story_event_and_the_evidence_says_what_was_kept_apart() -> None:
    attack = mention(1, 1, verb="attack", names=("nairobi",))
    denied = replace(mention(2, 2, verb="attack", names=("nairobi",)), modality=NEGATED, cue="not")
    groups = group_mentions([attack, denied])
    assert [g.event_ids for g in groups] == [[1]]
    assert "Kept apart from 1 similar mention" in groups[0].evidence and "negated" in groups[0].evidence


def test_the_evidence_of_a_group_names_the_shared_actor() -> None:
    (group,) = group_mentions([condemn(1, 1, "cuba"), condemn(2, 2, "cuba")])
    assert "same actor: cuba" in group.evidence and "same kind of action: condemn" in group.evidence
