"""Blocking and the array scoring change no answer: checked on every pair of the annotated stories."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pytest

from timeline.stories import pair_arrays
from timeline.stories.candidates import MAX_WIDE_DAYS, MAX_WIDTH_DAYS, candidate_pairs, date_pairs
from timeline.stories.clustering import (
    WIDE_DATE_FACTOR,
    action_agreement,
    date_agreement,
    name_agreement,
    name_weights,
)  # fmt: skip
from timeline.stories.cues import STATE_WORDS
from timeline.stories.evaluation import engine_mentions, read_manifest
from timeline.stories.features import MentionFeatures, mention_features
from timeline.stories.similarity import tfidf_similarity

STORIES = Path(__file__).resolve().parents[2] / "fixtures" / "stories"
FOLDERS = sorted(p for p in STORIES.iterdir() if (p / "manifest.jsonl").is_file())


@pytest.fixture(scope="module", params=[f.name for f in FOLDERS])
def story(request) -> list[MentionFeatures]:
    return mention_features(engine_mentions(read_manifest(STORIES / request.param)))


def _dated(start: int, days: int, n: int) -> MentionFeatures:
    day = date(2025, 1, 1) + timedelta(days=start)
    return MentionFeatures(n, n, day, day + timedelta(days=days - 1), "day", "", "", ("word",))


@pytest.mark.parametrize(
    "ranges",
    [
        [(0, 1), (0, 1), (1, 1), (0, 7), (3, 2), (40, 1)],
        [(0, 31), (5, 1), (30, 1), (31, 1), (0, 32)],  # a month-wide range pairs; a wider one only with itself
        [(0, 365), (0, 365), (0, 365), (3, 1), (0, 366), (0, 366), (0, 367), (0, 367)],  # the same year pairs
        [(n % 9, 1 + n % 4) for n in range(30)],
    ],
)
def test_date_pairs_are_exactly_the_overlapping_narrow_ranges(ranges) -> None:
    mentions = [_dated(start, days, n) for n, (start, days) in enumerate(ranges)]

    def width(m: MentionFeatures) -> int:
        return (m.latest - m.earliest).days

    expected = {
        (i, j) for i, a in enumerate(mentions) for j, b in enumerate(mentions)
        if i < j and a.latest >= b.earliest and b.latest >= a.earliest
        and (max(width(a), width(b)) < MAX_WIDTH_DAYS
             or ((a.earliest, a.latest) == (b.earliest, b.latest) and width(a) < MAX_WIDE_DAYS))
    }  # fmt: skip
    found = [tuple(p) for p in date_pairs(mentions).tolist()]
    assert len(found) == len(set(found)) and set(found) == expected


def test_a_pair_left_out_by_blocking_has_no_evidence_at_all(story) -> None:
    dated = {tuple(p) for p in date_pairs(story).tolist()}
    blocked = sorted(dated - set(candidate_pairs(story)))
    assert blocked  # the annotated stories have such pairs: the check is not empty
    weights = name_weights(story)
    assert all(action_agreement(story[i], story[j]) == 0 for i, j in blocked)
    assert all(name_agreement(story[i], story[j], weights)[0] == 0 for i, j in blocked)
    assert not any(tfidf_similarity(story, blocked))


def test_the_arrays_agree_with_the_pair_functions_on_every_candidate_pair(story) -> None:
    pairs = candidate_pairs(story)
    at = pair_arrays.as_array(pairs)
    weights = name_weights(story)
    np.testing.assert_allclose(
        pair_arrays.date_agreements(story, at, WIDE_DATE_FACTOR),
        [date_agreement(story[i], story[j]) for i, j in pairs],
        atol=1e-12,
    )
    np.testing.assert_allclose(
        pair_arrays.name_agreements(story, at, weights),
        [name_agreement(story[i], story[j], weights)[0] for i, j in pairs],
        atol=1e-12,
    )
    np.testing.assert_array_equal(
        pair_arrays.action_agreements(story, at, STATE_WORDS), [action_agreement(story[i], story[j]) for i, j in pairs]
    )
    conflicts = [
        bool(a.places and b.places and not a.places & b.places) for a, b in ((story[i], story[j]) for i, j in pairs)
    ]
    assert pair_arrays.place_conflicts(story, at).tolist() == conflicts
