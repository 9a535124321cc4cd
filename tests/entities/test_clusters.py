"""Names clustered into one entity per person, organisation or place (pure functions)."""

from __future__ import annotations

import pytest

from timeline.entities.clusters import ALIASES, NOT_ENTITIES, NameCount, cluster_names, find_entity

N = NameCount

# (names the story's sentences give, the clusters expected: label -> every name it goes by)
EXAMPLES = [
    ([N("Bill Clinton", "person", 3), N("Clinton", "person", 5)], {"Bill Clinton": {"Bill Clinton", "Clinton"}}),
    (
        [N("Bill Clinton", "person", 1), N("Hillary Clinton", "person", 1), N("Clinton", "person", 2)],
        {"Bill Clinton": {"Bill Clinton"}, "Hillary Clinton": {"Hillary Clinton"}, "Clinton": {"Clinton"}},
    ),
    (
        [N("Federal Bureau of Investigation", "organisation", 1), N("FBI", "organisation", 4)],
        {"Federal Bureau of Investigation": {"Federal Bureau of Investigation", "FBI"}},
    ),
    ([N("U.S.", "place", 4), N("United States", "place", 2)], {"United States": {"U.S.", "United States"}}),
    ([N("GMT", "organisation", 3), N("Nairobi", "place", 2)], {"Nairobi": {"Nairobi"}}),
    ([N("Semtex", "person", 1), N("Semtex", "organisation", 3)], {"Semtex": {"Semtex"}}),
    ([N("Nairobi's", "place", 1), N("Nairobi", "place", 2)], {"Nairobi": {"Nairobi"}}),
    # A surname is folded into a person only, never into an organisation that ends with it.
    ([N("Albright", "person", 2), N("Albright Group", "organisation", 1)], {"Albright": {"Albright"}, "Albright Group": {"Albright Group"}}),
]  # fmt: skip


@pytest.mark.parametrize(("names", "expected"), EXAMPLES)
def test_cluster_examples(names, expected):
    assert {c.label: set(c.names) for c in cluster_names(names)} == expected


@pytest.mark.parametrize("alias", ALIASES, ids=lambda a: a.label)
def test_every_alias_joins_its_label(alias):
    names = [N(alias.label, "place", 1), *(N(name, "place", 1) for name in alias.names)]
    (cluster,) = cluster_names(names)
    assert cluster.label == alias.label and cluster.mentions == len(names)


def test_not_entities_are_dropped_whatever_their_case():
    assert cluster_names([N(word.upper(), "organisation", 1) for word in NOT_ENTITIES]) == []


def test_kind_follows_the_story_and_counts_add_up():
    (semtex,) = cluster_names([N("Semtex", "person", 1), N("Semtex", "organisation", 3)])
    assert semtex.kind == "organisation" and semtex.mentions == 4  # the person reading counts as the organisation


def test_written_names_are_what_the_filter_matches_and_find_accepts_any_name():
    clusters = cluster_names([N("Nairobi's", "place", 1), N("Nairobi", "place", 2), N("Clinton", "person", 1)])
    nairobi = find_entity(clusters, "nairobi")
    assert nairobi is not None and set(nairobi.written) == {"Nairobi", "Nairobi's"} and nairobi.key == "nairobi"
    assert find_entity(clusters, "NAIROBI'S") is nairobi and find_entity(clusters, "Mombasa") is None
