"""Titles of articles without a headline: the lead sentence, generated from the rules' own examples."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.ingest.headline import guess_headline
from timeline.ingest.lead_sentence import LEAD_EXAMPLES, NOT_LEADS, lead_sentence, sentences

SEED = Path(__file__).resolve().parents[2] / "fixtures" / "seed_biden_iran_2024-04-13.txt"
KIND_EXAMPLES = [(kind.name, text) for kind in NOT_LEADS for text in kind.examples]
KIND_NEGATIVES = [(kind.name, text) for kind in NOT_LEADS for text in kind.negatives]


@pytest.mark.parametrize("name, text", KIND_EXAMPLES)
def test_each_kind_matches_its_examples(name, text):
    kind = next(k for k in NOT_LEADS if k.name == name)
    assert kind.pattern.match(text), f"{name} should match {text!r}"


@pytest.mark.parametrize("name, text", KIND_NEGATIVES)
def test_each_kind_leaves_its_negatives_alone(name, text):
    kind = next(k for k in NOT_LEADS if k.name == name)
    assert not kind.pattern.match(text), f"{name} should not match {text!r}"


@pytest.mark.parametrize("body, lead", LEAD_EXAMPLES)
def test_the_lead_is_the_first_real_sentence(body, lead):
    assert lead_sentence(body) == lead


def test_abbreviations_and_initials_end_no_sentence():
    text = "Gen. A. Zinni of the U.S. Army met Mr. Sharif on Aug. 7. Talks followed! Why? Nobody said."
    assert list(sentences(text)) == [
        "Gen. A. Zinni of the U.S. Army met Mr. Sharif on Aug. 7.",
        "Talks followed!",
        "Why?",
        "Nobody said.",
    ]


WIRE = (
    "NAIROBI, Kenya (AP) _ A huge bomb exploded near the U.S. Embassy on Friday. At least 80 people died.\n"
    "Rescuers dug through the rubble of a five-story building.\n"
)
LEAD = "A huge bomb exploded near the U.S. Embassy on Friday."


@pytest.mark.parametrize(
    "later_line",
    [
        "Treated and discharged: 4,257",  # a tally further down
        "to make sure it never happens again.”",  # the end of a quoted paragraph
        "a Justice Department spokesman said:",  # a line introducing what follows
        "Embassy staff",  # a short line from mid-text
        "By JANE DOE, Associated Press Writer",
    ],
)
def test_without_a_headline_no_line_from_mid_text_is_the_title(later_line):
    assert guess_headline(WIRE + later_line + "\nMore of the body follows here.") == LEAD


@pytest.mark.parametrize(
    "text, title",
    [
        ("Bomb kills 80 in Nairobi\n" + WIRE, "Bomb kills 80 in Nairobi"),
        ("Bomb Kills 80 in Nairobi.\n" + WIRE, "Bomb Kills 80 in Nairobi."),  # title case keeps its full stop
        (
            "Xinhua\nHAVANA, August 7 (Xinhua) -- Cuba condemned the attacks on Saturday.",
            "Cuba condemned the attacks on Saturday.",
        ),
        (
            '"We will rebuild," the mayor said on Friday.\nThe city council met on Saturday.',
            "The city council met on Saturday.",
        ),
        ("Dead: 257\nInjured: about 5,000\n" + WIRE, LEAD),
    ],
)
def test_a_real_headline_stays_and_otherwise_the_lead_titles(text, title):
    assert guess_headline(text) == title


def test_the_seed_keeps_its_title():
    assert guess_headline(SEED.read_text()) == (
        "For President Joe Biden, an attack on Israel originating from Iranian territory amounts to a scenario he"
        " has largely…"
    )
