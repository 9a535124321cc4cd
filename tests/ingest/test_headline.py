"""The top of a news text: generated from the line kinds' own examples, plus whole heads."""

from __future__ import annotations

import pytest

from timeline.ingest.files import guess_title
from timeline.ingest.headline import (
    DATELINE,
    DATELINE_OUTLET_EXAMPLES,
    NOT_HEADLINES,
    dateline_outlet,
    find_dateline,
    guess_headline,
)

KIND_EXAMPLES = [(kind.name, line) for kind in NOT_HEADLINES for line in kind.examples]
KIND_NEGATIVES = [(kind.name, line) for kind in NOT_HEADLINES for line in kind.negatives]


@pytest.mark.parametrize("name, line", KIND_EXAMPLES)
def test_each_kind_matches_its_examples(name, line):
    kind = next(k for k in NOT_HEADLINES if k.name == name)
    assert kind.pattern.match(line), f"{name} should match {line!r}"


@pytest.mark.parametrize("name, line", KIND_NEGATIVES)
def test_each_kind_leaves_its_negatives_alone(name, line):
    kind = next(k for k in NOT_HEADLINES if k.name == name)
    assert not kind.pattern.match(line), f"{name} should not match {line!r}"


@pytest.mark.parametrize("line", DATELINE.examples)
def test_datelines_are_found(line):
    assert find_dateline(line) is not None


@pytest.mark.parametrize("line", DATELINE.negatives)
def test_non_datelines_are_not(line):
    assert find_dateline(line) is None


@pytest.mark.parametrize("text, outlet", DATELINE_OUTLET_EXAMPLES)
def test_the_dateline_names_the_outlet(text, outlet):
    assert dateline_outlet(text) == outlet


@pytest.mark.parametrize(
    "text, place, agency",
    [
        ("NAIROBI, Kenya (AP) -- A bomb exploded.", "Nairobi, Kenya", "AP"),
        ("HAVANA, August 7 (Xinhua) -- Cuba condemned the attacks.", "Havana", "Xinhua"),
        ("DAR ES SALAAM, Tanzania (AP) _ Rescuers dug.", "Dar Es Salaam, Tanzania", "AP"),
        (
            "Bomb kills 80 in Nairobi\nBy JANE DOE, Associated Press Writer\nNAIROBI, Kenya (AP) -- A bomb.",
            "Nairobi, Kenya",
            "AP",
        ),
        ("LONDON — Markets fell on Monday.", "London", ""),
    ],
)
def test_dateline_place_reads_as_a_reader_writes_it(text, place, agency):
    found = find_dateline(text)
    assert (found.place, found.agency) == (place, agency)


@pytest.mark.parametrize(
    "text, title",
    [
        # The seed: scraper debris, a photo credit, its caption, the outlet, a dash; no headline at all.
        (
            "[ad_1]\nAdam Schultz/White House\nPresident Joe Biden speaks with members of his team, Saturday, "
            "April 13, 2024, in the Situation Room.\nCNN\n—\nFor President Joe Biden, an attack on Israel "
            "amounts to a scenario he has sought to avoid.\nMore text.",
            "For President Joe Biden, an attack on Israel amounts to a scenario he has sought to avoid.",
        ),
        ("Bomb kills 80 in Nairobi\nNAIROBI, Kenya (AP) _ A huge bomb exploded on Friday.", "Bomb kills 80 in Nairobi"),
        ("NAIROBI, Kenya (AP) _ A huge bomb exploded on Friday.", "A huge bomb exploded on Friday."),
        (
            "By Jane Doe\nPublished: 2024-04-13\n\nIran launches drones at Israel\nBody.",
            "Iran launches drones at Israel",
        ),
        (
            "Photo: Reuters\nRescuers at the site on Friday.\nEmbassy blasts kill dozens\nBody.",
            "Embassy blasts kill dozens",
        ),
    ],
)
def test_headline_skips_datelines_bylines_credits_captions_and_debris(text, title):
    assert guess_headline(text) == title


def test_title_is_shortened_at_a_word_and_falls_back():
    long_line = "word " * 60
    title = guess_title(long_line)
    assert len(title) <= 120 and title.endswith("…") and not title.endswith(" …")
    assert guess_title("123\n—", fallback="my-file") == "my-file"
