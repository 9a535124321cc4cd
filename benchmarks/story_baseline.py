"""The grouping as it scored before blocking, for the scale benchmark's baseline: every pair of
mentions whose dates overlap, each scored by the per-pair functions in a Python loop."""

from __future__ import annotations

from collections.abc import Sequence

from timeline.stories import clustering
from timeline.stories.barriers import barrier
from timeline.stories.candidates import MAX_WIDTH_DAYS, date_pairs
from timeline.stories.clustering import (
    PairEvidence,
    action_agreement,
    date_agreement,
    name_agreement,
    same_action_on_same_thing,
)  # fmt: skip
from timeline.stories.cues import STATE_WORDS
from timeline.stories.features import MentionFeatures
from timeline.stories.similarity import tfidf_similarity


def all_pairs_scores(mentions: Sequence[MentionFeatures], similarity=tfidf_similarity, among=None):
    """``clustering.score_pairs`` without blocking or arrays: the same evidence, pair by pair."""
    pairs = [tuple(p) for p in date_pairs(mentions, among).tolist()]
    text_scores = similarity(mentions, pairs)
    weights = clustering.name_weights(mentions)
    scored = {}
    for (i, j), text in zip(pairs, text_scores, strict=True):
        a, b = mentions[i], mentions[j]
        dates = date_agreement(a, b)
        wide = (a.latest - a.earliest).days >= MAX_WIDTH_DAYS
        if dates == 0.0 or (wide and not same_action_on_same_thing(a, b)):
            continue
        names, shared = name_agreement(a, b, weights)
        action = action_agreement(a, b)
        w = clustering.WEIGHTS
        score = dates * (w["text"] * text + w["names"] * names + w["action"] * action)
        score *= clustering.SAME_ARTICLE_FACTOR if a.article_id == b.article_id else 1.0
        if a.places and b.places and not a.places & b.places:
            score *= clustering.PLACE_CONFLICT_FACTOR
        if score > 0:
            kinds = ", ".join(sorted((a.verb_classes & b.verb_classes) - STATE_WORDS))
            scored[(i, j)] = PairEvidence(round(score, 4), dates, text, shared, kinds, barrier(a, b) or "")
    return scored


def all_pairs_grouper(mentions, **options):
    """``group_mentions`` with the all-pairs scoring swapped in."""
    real = clustering.score_pairs
    clustering.score_pairs = all_pairs_scores
    try:
        return clustering.group_mentions(mentions, **options)
    finally:
        clustering.score_pairs = real
