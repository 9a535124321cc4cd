"""How alike two mentions' wording is: injectable scorers over candidate pairs (0-1 each).

``tfidf_similarity``: cosine of TF-IDF vectors over content lemmas, fitted on the story, so a word
every article repeats (the story's own subject) weighs little. ``fuzzy_similarity``: rapidfuzz
token-set ratio over the sentences. Measured on fixtures/stories (benchmarks/stories_grouping.py):
combined with dates, action and names they tie at the chosen threshold (F1 0.94 both); with the
action switched off, TF-IDF is the more precise at every threshold (0.75-0.85 against 0.60-0.77),
so it is the default: a wrong grouping costs more than a missed one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from rapidfuzz import fuzz

from timeline.stories.features import MentionFeatures

PAIR_CHUNK = 100_000
Similarity = Callable[[Sequence[MentionFeatures], Sequence[tuple[int, int]]], list[float]]


def tfidf_similarity(mentions: Sequence[MentionFeatures], pairs: Sequence[tuple[int, int]]) -> list[float]:
    """Cosine of TF-IDF vectors of the mentions' content lemmas (names and the action included)."""
    if not pairs:
        return []
    from sklearn.feature_extraction.text import TfidfVectorizer  # on first grouping, not at start-up

    bags = [
        list(m.lemmas) + [f"name:{n}" for n in sorted(m.entities)] + [f"class:{c}" for c in sorted(m.verb_classes)]
        for m in mentions
    ]
    if not any(bags):
        return [0.0] * len(pairs)
    vectorizer = TfidfVectorizer(analyzer=lambda bag: bag, sublinear_tf=True, norm="l2")
    matrix = vectorizer.fit_transform(bags)
    scores: list[float] = []
    # Sparse row-wise products in chunks: thousands of pairs cost milliseconds, and a dense story's
    # millions of pairs never hold more than one chunk's rows in memory.
    for at in range(0, len(pairs), PAIR_CHUNK):
        chunk = pairs[at : at + PAIR_CHUNK]
        left, right = [i for i, _ in chunk], [j for _, j in chunk]
        scores += np.asarray(matrix[left].multiply(matrix[right]).sum(axis=1)).ravel().tolist()
    return scores


def fuzzy_similarity(mentions: Sequence[MentionFeatures], pairs: Sequence[tuple[int, int]]) -> list[float]:
    """rapidfuzz token-set ratio of the two sentences (the measured alternative)."""
    return [fuzz.token_set_ratio(mentions[i].sentence, mentions[j].sentence) / 100 for i, j in pairs]


SIMILARITIES: dict[str, Similarity] = {"tfidf": tfidf_similarity, "fuzzy": fuzzy_similarity}
