"""Event titles name the happening in well-formed English: from the lexicon's examples and the gold texts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from timeline.evaluation.gold import load_gold
from timeline.temporal import extract
from timeline.temporal.title_lexicon import REPORTING_VERBS, TITLE_EXAMPLES
from timeline.temporal.titles import MAX_TITLE_CHARS

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
GOLD_FILES = sorted(p for folder in ("gold", "gold_blind", "gold_heldout") for p in (FIXTURES / folder).glob("*.json"))
# "says", "tells", "announces", "reports", ...: the third-person forms a title would end on.
_REPORTING_FORMS = {v + "s" for v in REPORTING_VERBS} | {v + "es" for v in REPORTING_VERBS} | REPORTING_VERBS


@pytest.mark.parametrize("example", TITLE_EXAMPLES, ids=lambda e: e.title)
def test_title_examples(example) -> None:
    assert [e.title for e in extract(example.sentence, "2024-04-13").events] == [example.title, *example.others]


@pytest.fixture(scope="module")
def gold_titles() -> list[tuple[str, str]]:
    """(title, its sentence with the one before) for every event of every gold text."""
    pairs = []
    for path in GOLD_FILES:
        document = load_gold(path)
        result = extract(document.text, document.dct)
        # the sentence and the one before: a pronoun subject is titled by a name from either
        pairs += [
            (e.title, " ".join(s.text for s in result.sentences[max(e.sentence - 1, 0) : e.sentence + 1]))
            for e in result.events
        ]
    assert len(pairs) > 300
    return pairs


def test_gold_titles_never_end_on_the_act_of_reporting(gold_titles) -> None:
    offenders = [t for t, _ in gold_titles if t.split()[-1].lower() in _REPORTING_FORMS]
    # One left at most: a reporting verb with nothing reported after it ("It is not, he said.").
    assert len(offenders) <= 1, offenders


def test_gold_titles_are_short_and_cut_at_a_word(gold_titles) -> None:
    for title, _sentence in gold_titles:
        assert len(title) <= MAX_TITLE_CHARS + 2, title  # "+ …" on the sentence fallback
        assert "  " not in title and title == title.strip(), title


def test_gold_titles_glue_no_words_and_leave_no_stray_possessive(gold_titles) -> None:
    for title, sentence in gold_titles:
        words = title.rstrip(" …").split()
        assert not re.match(r"^['’]s\b", title) and " 's" not in title and " ’s" not in title, title
        for position, word in enumerate(words):
            word = word.strip(",:;")
            if position == 0:  # capitalised by the title: it may be an added verb form ("Funds")
                assert word in sentence or not re.search(r"[a-z][A-Z]", word), (title, word)
                continue
            # A word the title adds (verb forms, "will", "not") is lowercase; a capitalised
            # word must stand in the sentence as written ("BushnellJoseph" does not).
            assert word in sentence or word.islower() or word[0].isdigit(), (title, word)


def test_gold_titles_repeat_no_phrase(gold_titles) -> None:
    for title, _ in gold_titles:
        words = title.lower().split()
        pairs = list(zip(words, words[1:]))
        assert len(pairs) == len(set(pairs)) or title.count(" and ") > 1, title  # "of ice of ice"
        assert not title.startswith(("-", "–")), title
