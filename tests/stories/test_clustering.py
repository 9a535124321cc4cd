"""The grouping decision, pure: dates, action, names and curator constraints (no spaCy, no Django)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from timeline.stories.clustering import (
    Constraints,
    candidate_pairs,
    date_agreement,
    group_mentions,
    name_agreement,
    name_weights,
)  # fmt: skip
from timeline.stories.features import MentionFeatures

DAY = date(2025, 3, 12)


def mention(
    event_id: int,
    article_id: int,
    *,
    verb: str = "collapse",
    subject: str = "dam",
    obj: str = "",
    day: date = DAY,
    days: int = 1,
    names: tuple[str, ...] = (),
    words: tuple[str, ...] = (),
    classes: tuple[str, ...] | None = None,
) -> MentionFeatures:
    return MentionFeatures(
        event_id=event_id, article_id=article_id, earliest=day, latest=day + timedelta(days=days - 1),
        granularity="day", title=f"{subject} {verb}", sentence=f"The {subject} {verb}d.",
        lemmas=words or (subject, verb, obj), verb=verb, subject=subject, object=obj,
        entities=frozenset(names), verb_classes=frozenset(classes or (verb,)),
        subject_classes=frozenset({subject} if subject else ()), object_classes=frozenset({obj} if obj else ()),
    )  # fmt: skip


def groups_of(mentions, **options) -> list[set[int]]:
    return sorted((set(g.event_ids) for g in group_mentions(mentions, **options)), key=min)


@pytest.mark.parametrize(
    ("a_days", "b_start", "b_days", "expected"),
    [
        (1, 0, 1, 1.0),  # the same day
        (1, 1, 1, 0.0),  # the next day: no overlap
        (1, 0, 7, pytest.approx(0.707, abs=0.01)),  # a day inside a week
        (1, 0, 31, pytest.approx(0.54, abs=0.02)),  # a day inside a month
        (1, 0, 60, 0.0),  # a day inside two months says too little
        (7, 0, 7, 1.0),  # the same week
    ],
)
def test_date_agreement_falls_with_the_width_ratio(a_days, b_start, b_days, expected) -> None:
    a = mention(1, 1, days=a_days)
    b = mention(2, 2, day=DAY + timedelta(days=b_start), days=b_days)
    assert date_agreement(a, b) == expected
    assert date_agreement(b, a) == expected


def test_only_overlapping_narrow_ranges_are_compared() -> None:
    mentions = [mention(1, 1), mention(2, 2), mention(3, 3, day=DAY + timedelta(days=1)),
                mention(4, 4, days=365)]  # fmt: skip
    assert sorted(candidate_pairs(mentions)) == [(0, 1)]


def test_two_outlets_telling_one_happening_in_different_verbs_are_one_group() -> None:
    mentions = [
        mention(1, 1, verb="collapse", classes=("give-way",)),
        mention(2, 2, verb="give way", classes=("give-way",)),
        mention(3, 3, verb="declare", subject="marsh", obj="emergency", names=("marsh",)),
    ]
    groups = group_mentions(mentions)
    assert sorted((set(g.event_ids) for g in groups), key=min) == [{1, 2}, {3}]
    joined = next(g for g in groups if len(g.event_ids) == 2)
    assert 0 < joined.confidence <= 1
    assert "2 mentions in 2 articles" in joined.evidence and "same kind of action: give-way" in joined.evidence


def test_the_same_action_on_different_days_is_two_happenings() -> None:
    assert groups_of([mention(1, 1), mention(2, 2, day=DAY + timedelta(days=2))]) == [{1}, {2}]


def test_the_same_day_with_a_different_action_and_participants_stays_apart() -> None:
    mentions = [mention(1, 1), mention(2, 2, verb="sweep", subject="floodwater", obj="bridge")]
    assert groups_of(mentions) == [{1}, {2}]


def test_average_linkage_stops_one_loose_pair_chaining_two_happenings() -> None:
    # 1~2 share the action; 2~3 share only a subject word; 1 and 3 share nothing.
    mentions = [
        mention(1, 1, verb="collapse", subject="dam"),
        mention(2, 2, verb="collapse", subject="bridge"),
        mention(3, 3, verb="close", subject="bridge", obj="road"),
    ]
    assert groups_of(mentions, threshold=0.25) == [{1, 2}, {3}]


def test_a_rejected_pair_is_never_grouped_and_confirmed_groups_stay_together() -> None:
    mentions = [mention(1, 1), mention(2, 2), mention(3, 3, verb="resign", subject="chief")]
    assert groups_of(mentions, constraints=Constraints(apart=frozenset({frozenset({1, 2})}))) == [{1}, {2}, {3}]
    assert groups_of(mentions, constraints=Constraints(together=[frozenset({1, 3})])) == [{1, 2, 3}]


def test_two_confirmed_groups_are_never_joined_automatically() -> None:
    mentions = [mention(1, 1), mention(2, 2), mention(3, 3), mention(4, 4)]
    constraints = Constraints(together=[frozenset({1, 2}), frozenset({3, 4})])
    assert groups_of(mentions, constraints=constraints) == [{1, 2}, {3, 4}]


def test_a_new_mention_can_join_a_confirmed_group() -> None:
    mentions = [mention(1, 1), mention(2, 2), mention(3, 3)]
    assert groups_of(mentions, constraints=Constraints(together=[frozenset({1, 2})])) == [{1, 2, 3}]


def test_the_similarity_is_injectable() -> None:
    calls = []

    def never_similar(mentions, pairs):
        calls.append(list(pairs))
        return [0.0] * len(pairs)

    mentions = [
        mention(1, 1, verb="a", subject="x", words=("harbour",)),
        mention(2, 2, verb="b", subject="y", words=("harbour",)),
        mention(3, 3, verb="c", subject="z", words=("orchard",)),  # shares nothing: never compared
    ]
    assert groups_of(mentions, similarity=never_similar) == [{1}, {2}, {3}]
    assert calls == [[(0, 1)]]


def test_a_name_every_mention_shares_weighs_nothing() -> None:
    mentions = [mention(n, n, names=("harlan county",)) for n in range(1, 5)]
    mentions.append(mention(9, 9, names=("harlan county", "marsh")))
    weights = name_weights(mentions)
    assert weights["harlan county"] < 0.2 < weights["marsh"]
    assert name_agreement(mentions[0], mentions[1], weights) == (0.0, ("harlan county",))
    other = mention(10, 10, names=("marsh", "harlan county"))
    score, shared = name_agreement(mentions[4], other, weights)
    assert shared == ("harlan county", "marsh") and score == pytest.approx(1.0)
    assert name_agreement(mentions[0], other)[0] == pytest.approx(1.0)  # unweighted, one name of one


def test_every_mention_lands_in_exactly_one_group() -> None:
    mentions = [mention(n, n % 3, day=DAY + timedelta(days=n % 4)) for n in range(40)]
    ids = [e for g in group_mentions(mentions) for e in g.event_ids]
    assert sorted(ids) == list(range(40))


def test_the_same_action_in_two_named_places_is_weaker_evidence() -> None:
    from dataclasses import replace

    from timeline.stories.clustering import score_pairs

    nairobi = replace(mention(1, 1, verb="explode", subject="bomb"), places=frozenset({"nairobi"}))
    dar = replace(mention(2, 2, verb="explode", subject="bomb"), places=frozenset({"dar es salaam"}))
    both = replace(mention(3, 3, verb="explode", subject="bomb"), places=frozenset({"nairobi", "dar es salaam"}))
    scores = score_pairs([nairobi, dar, both])
    assert scores[(0, 1)].score == pytest.approx(scores[(0, 2)].score / 2)


def test_incremental_linkage_equals_the_average_over_all_pairs() -> None:
    import random

    from timeline.stories.linkage import AverageLinkage

    rng = random.Random(7)
    size = 30
    scores = {(i, j): rng.random() for i in range(size) for j in range(i + 1, size) if rng.random() < 0.4}
    clusters = AverageLinkage(size, scores, apart=[(0, 1)])
    for _ in range(20):
        a, b = rng.randrange(size), rng.randrange(size)
        if clusters.linkage(a, b) >= 0:
            clusters.join(a, b)
    for x in range(size):
        for y in range(size):
            cx, cy = clusters.cluster_of[x], clusters.cluster_of[y]
            if cx == cy:
                continue
            pairs = [(min(i, j), max(i, j)) for i in clusters.members[cx] for j in clusters.members[cy]]
            if (0, 1) in pairs:
                assert clusters.linkage(x, y) == -1.0
            else:
                assert clusters.linkage(x, y) == pytest.approx(sum(scores.get(p, 0.0) for p in pairs) / len(pairs))
    assert clusters.cluster_of[0] != clusters.cluster_of[1]


YEAR = date(2004, 1, 1)


@pytest.mark.parametrize(
    ("second", "joined"),
    [
        ({"verb": "fight", "obj": "cancer"}, True),  # the same action on the same thing, the same year
        ({"verb": "fight", "obj": "lawsuit"}, False),  # the same action on another thing
        ({"verb": "treat", "obj": "cancer"}, False),  # another action
        ({"verb": "fight", "obj": "cancer", "day": date(2004, 6, 1), "days": 1}, False),  # a day inside the year
        ({"verb": "fight", "obj": "cancer", "day": date(2003, 1, 1), "days": 365}, False),  # another year
    ],
)
def test_a_year_wide_pair_joins_only_with_the_same_year_action_and_object(second, joined) -> None:
    first = mention(1, 1, verb="fight", subject="jobs", obj="cancer", day=YEAR, days=366)
    options = {"subject": "jobs", "day": YEAR, "days": 366} | second
    other = mention(2, 2, **options)
    assert (groups_of([first, other]) == [{1, 2}]) is joined
