"""The one table of reporting verbs: every row shows its verb reporting, and each use reads its flag."""

from __future__ import annotations

import re

import pytest

from timeline.stories.clause_reading import REPORTING_LEMMAS
from timeline.temporal import direction, tense, title_lexicon
from timeline.temporal.anchoring import REPORTING
from timeline.temporal.reporting import REPORTING_VERBS, STORY_TITLE_REPORTING

STEMS = {
    "say": "sa",
    "tell": "t",
    "write": "wr",
    "testify": "testif",
    "accord": "accord",
    "told": "told",
    "forecast": "forecast",
}


@pytest.mark.parametrize("row", REPORTING_VERBS, ids=lambda r: r.lemma)
def test_each_example_shows_its_verb(row):
    stem = STEMS.get(row.lemma, row.lemma.rstrip("e"))
    assert re.search(rf"\b{stem}\w*", row.example, re.IGNORECASE), row.example
    if row.dated_example:
        sentence, day = row.dated_example
        assert re.search(rf"\b{stem}\w*", sentence, re.IGNORECASE) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", day)


def test_lemmas_are_listed_once():
    lemmas = [r.lemma for r in REPORTING_VERBS]
    assert len(lemmas) == len(set(lemmas))


def test_every_use_reads_the_table():
    assert title_lexicon.REPORTING_VERBS == {r.lemma for r in REPORTING_VERBS if r.titles}
    assert direction.REPORTING_LEMMAS == {r.lemma for r in REPORTING_VERBS if r.dated_example}
    assert REPORTING_LEMMAS == {r.lemma for r in REPORTING_VERBS if r.grouping}
    assert REPORTING == {r.lemma for r in REPORTING_VERBS if r.titles or r.publishing}
    assert {r.lemma for r in REPORTING_VERBS if r.present_is_state} <= tense.STATIVE_OR_REPORTING


@pytest.mark.parametrize(
    ("title", "about_reporting"),
    [("Police say two held", True), ("FBI officials said", True), ("According to police", True),
     ("Embassy reopens", False), ("Saying goodbye", False)],
)  # fmt: skip
def test_story_titles_about_the_reporting(title, about_reporting):
    assert bool(STORY_TITLE_REPORTING.search(title)) is about_reporting
