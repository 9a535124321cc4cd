"""The pair agreements of ``clustering`` (dates, names, action, places) for many pairs at once.

Each function returns, for index pairs (n, 2), what the per-pair function of the same name in
``clustering`` returns for each pair (tests check they agree on every candidate pair of the
annotated stories): sparse row products instead of Python set operations, so a story of
10,000 mentions and 150,000 candidate pairs is scored in a fraction of a second.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable, Mapping, Sequence

import numpy as np
from scipy import sparse

from timeline.stories.candidates import MAX_WIDE_DAYS, MAX_WIDTH_DAYS


def as_array(pairs: Sequence[tuple[int, int]]) -> np.ndarray:
    return np.asarray(pairs, dtype=np.int64).reshape(-1, 2)


def incidence(
    sets: Sequence[Iterable[str]], weights: Mapping[str, float] | None = None, vocabulary: dict[str, int] | None = None
) -> sparse.csr_matrix:
    """Rows x members: the member's weight (1 by default) where the row holds it. Matrices built on
    one complete ``vocabulary`` (member -> column) line up column for column."""
    vocabulary = {} if vocabulary is None else vocabulary
    rows, cols, data = [], [], []
    for row, members in enumerate(sets):
        for member in members:
            rows.append(row)
            cols.append(vocabulary.setdefault(member, len(vocabulary)))
            data.append(1.0 if weights is None else weights.get(member, 1.0))
    return sparse.csr_matrix((data, (rows, cols)), shape=(len(sets), max(len(vocabulary), 1)))


def row_products(left: sparse.csr_matrix, right: sparse.csr_matrix, pairs: np.ndarray) -> np.ndarray:
    """For each pair (i, j): the dot product of row i of ``left`` and row j of ``right``."""
    if not len(pairs):
        return np.zeros(0)
    return np.asarray(left[pairs[:, 0]].multiply(right[pairs[:, 1]]).sum(axis=1)).ravel()


def _width_table() -> np.ndarray:
    """``date_agreement`` of two overlapping ranges by their widths in days (it depends on nothing else)."""
    table = np.zeros((MAX_WIDTH_DAYS + 1, MAX_WIDTH_DAYS + 1))
    for a in range(1, MAX_WIDTH_DAYS + 1):
        for b in range(1, MAX_WIDTH_DAYS + 1):
            table[a, b] = 2 ** (-math.log(max(a, b) / min(a, b), 7) / 2)
    return table


_WIDTHS = _width_table()


def date_agreements(mentions: Sequence, pairs: np.ndarray, wide_factor: float) -> np.ndarray:
    """``wide_factor`` for the very same range wider than a month (up to a year), 0 for other wide pairs."""
    earliest = np.array([m.earliest.toordinal() for m in mentions], dtype=np.int64)
    latest = np.array([m.latest.toordinal() for m in mentions], dtype=np.int64)
    ea, la, eb, lb = earliest[pairs[:, 0]], latest[pairs[:, 0]], earliest[pairs[:, 1]], latest[pairs[:, 1]]
    wa, wb = la - ea + 1, lb - eb + 1
    overlap = (la >= eb) & (lb >= ea)
    narrow = np.maximum(wa, wb) <= MAX_WIDTH_DAYS
    same = overlap & (ea == eb) & (la == lb)
    result = np.zeros(len(pairs))
    ok = overlap & narrow
    result[ok] = _WIDTHS[wa[ok], wb[ok]]
    result[same & narrow] = 1.0
    result[same & ~narrow & (wa <= MAX_WIDE_DAYS)] = wide_factor
    return result


def name_agreements(mentions: Sequence, pairs: np.ndarray, weights: Mapping[str, float]) -> np.ndarray:
    """Shared names' weight over the smaller side's names' weight; 0 when either names nobody."""
    weighted = incidence([m.entities for m in mentions], weights)
    present = weighted.copy()
    present.data[:] = 1.0
    totals = np.asarray(weighted.sum(axis=1)).ravel()
    shared = row_products(weighted, present, pairs)
    smaller = np.minimum(totals[pairs[:, 0]], totals[pairs[:, 1]])
    named = np.array([bool(m.entities) for m in mentions], dtype=bool)
    result = np.divide(shared, smaller, out=np.zeros(len(pairs)), where=smaller != 0)
    return np.where(named[pairs[:, 0]] & named[pairs[:, 1]], result, 0.0)


def action_agreements(mentions: Sequence, pairs: np.ndarray, no_action: Collection[str] = ()) -> np.ndarray:
    """The same kind of action 0.5 (as a verb in one and a participant in the other 0.35; classes in
    ``no_action``, the copula, tell none), the same subject kind 0.3, the same object kind 0.2; at most 1."""
    kinds = {c for m in mentions for c in (*m.verb_classes, *m.subject_classes, *m.object_classes)}
    vocabulary = {c: n for n, c in enumerate(sorted(kinds))}
    no_action = frozenset(no_action)
    verbs = incidence([m.verb_classes - no_action for m in mentions], vocabulary=vocabulary)
    subjects = incidence([m.subject_classes for m in mentions], vocabulary=vocabulary)
    objects = incidence([m.object_classes for m in mentions], vocabulary=vocabulary)
    participants = (subjects + objects).sign()
    same_verb = row_products(verbs, verbs, pairs) > 0
    crossed = (row_products(verbs, participants, pairs) > 0) | (row_products(participants, verbs, pairs) > 0)
    score = np.where(same_verb, 0.5, np.where(crossed, 0.35, 0.0))
    score = score + np.where(row_products(subjects, subjects, pairs) > 0, 0.3, 0.0)
    score = score + np.where(row_products(objects, objects, pairs) > 0, 0.2, 0.0)
    return np.minimum(score, 1.0)


def place_conflicts(mentions: Sequence, pairs: np.ndarray) -> np.ndarray:
    """Both name where it happened and share no place."""
    places = incidence([m.places for m in mentions])
    placed = np.array([bool(m.places) for m in mentions], dtype=bool)
    both = placed[pairs[:, 0]] & placed[pairs[:, 1]]
    return both & (row_products(places, places, pairs) == 0)


def same_article(mentions: Sequence, pairs: np.ndarray) -> np.ndarray:
    articles = np.array([m.article_id for m in mentions], dtype=np.int64)
    return articles[pairs[:, 0]] == articles[pairs[:, 1]]
