"""Which mentions are worth comparing: blocking by date, then by shared content, with arrays.

A pair is scored only when the date ranges overlap (both narrower than a month; wider ranges up to
a year only with the very same range) and the two mentions share at least one term: a content lemma, the action or a
participant, a name, a happening class. Every kind of evidence a pair score adds up (wording
similarity, shared names, the same kind of action) needs such a shared term, so a pair that
shares none scores 0 and dropping it changes no grouping; it only spares the scoring.
Plain Python over numpy/scipy: a dense story's hundreds of thousands of date-overlapping pairs
are found and filtered in well under a second.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Protocol

import numpy as np
from scipy import sparse

MAX_WIDTH_DAYS = 31  # a month-wide or vaguer date says too little to pair on...
# ...unless both give the very same year (or season): "fought cancer in 2004" / "fighting cancer since
# 2004". A year holds many happenings of one kind, so such a pair must tell the same action on the
# same thing, and counts for less (``clustering``).
MAX_WIDE_DAYS = 366
MAX_WIDE_BUCKET = 200  # mentions sharing one wide range that are compared with each other
PAIR_CHUNK = 200_000


class Blockable(Protocol):
    """What blocking reads of a mention (``features.MentionFeatures`` has it all)."""

    earliest: object
    latest: object
    lemmas: tuple[str, ...]
    verb: str
    subject: str
    object: str
    entities: frozenset[str]
    verb_classes: frozenset[str]
    subject_classes: frozenset[str]
    object_classes: frozenset[str]


def shared_terms(mention: Blockable) -> set[str]:
    """The terms two mentions must share for any evidence to join them."""
    classes = mention.verb_classes | mention.subject_classes | mention.object_classes
    words = {*mention.lemmas, mention.verb, mention.subject, mention.object} - {""}
    return words | {f"name:{n}" for n in mention.entities} | {f"class:{c}" for c in classes}


def date_pairs(mentions: Sequence[Blockable], among: Collection[int] | None = None) -> np.ndarray:
    """(n, 2) index pairs, low index first: narrow ranges that overlap, in the order of a sweep over
    start dates (by the later-starting mention, then the earlier), then wide ranges with the very same
    range, bucket by bucket: the order grouping breaks ties in."""
    chosen = np.array(sorted(range(len(mentions)) if among is None else set(among)), dtype=np.int64)
    if not len(chosen):
        return np.empty((0, 2), dtype=np.int64)
    return np.concatenate((_narrow_pairs(mentions, chosen), _wide_pairs(mentions, chosen.tolist())))


def _wide_pairs(mentions: Sequence[Blockable], chosen: list[int]) -> np.ndarray:
    wide: dict[tuple[object, object], list[int]] = {}
    for i in chosen:
        m = mentions[i]
        if MAX_WIDTH_DAYS <= (m.latest - m.earliest).days < MAX_WIDE_DAYS:
            wide.setdefault((m.earliest, m.latest), []).append(i)
    pairs = [(i, j) for bucket in wide.values() for n, i in enumerate(bucket[:MAX_WIDE_BUCKET])
             for j in bucket[n + 1 : MAX_WIDE_BUCKET]]  # fmt: skip
    return np.array(pairs, dtype=np.int64).reshape(-1, 2)


def _narrow_pairs(mentions: Sequence[Blockable], chosen: np.ndarray) -> np.ndarray:
    earliest = np.array([mentions[i].earliest.toordinal() for i in chosen], dtype=np.int64)
    latest = np.array([mentions[i].latest.toordinal() for i in chosen], dtype=np.int64)
    narrow = latest - earliest < MAX_WIDTH_DAYS
    chosen, earliest, latest = chosen[narrow], earliest[narrow], latest[narrow]
    order = np.argsort(earliest, kind="stable")
    chosen, earliest, latest = chosen[order], earliest[order], latest[order]
    # Sorted by start: item p overlaps every later item q whose start is on or before p's end.
    ends = np.searchsorted(earliest, latest, side="right")
    positions = np.arange(len(chosen))
    counts = np.maximum(ends - positions - 1, 0)
    first = np.repeat(positions, counts)
    starts = np.repeat(np.cumsum(counts) - counts, counts)
    second = first + 1 + (np.arange(counts.sum()) - starts)
    keep = np.lexsort((first, second))  # the sweep's order: by the later item, then the earlier
    first, second = chosen[first[keep]], chosen[second[keep]]
    return np.column_stack((np.minimum(first, second), np.maximum(first, second)))


def term_matrix(mentions: Sequence[Blockable]) -> sparse.csr_matrix:
    """Mentions x terms, 1 where the mention has the term."""
    vocabulary: dict[str, int] = {}
    rows, cols = [], []
    for row, mention in enumerate(mentions):
        for term in shared_terms(mention):
            rows.append(row)
            cols.append(vocabulary.setdefault(term, len(vocabulary)))
    data = np.ones(len(rows), dtype=np.float32)
    return sparse.csr_matrix((data, (rows, cols)), shape=(len(mentions), max(len(vocabulary), 1)))


def candidate_pairs(mentions: Sequence[Blockable], among: Collection[int] | None = None) -> list[tuple[int, int]]:
    """Index pairs (low, high) worth scoring: overlapping dates and a shared term. ``among``
    limits them to pairs inside those indices (a new article's neighbourhood)."""
    pairs = date_pairs(mentions, among)
    if not len(pairs):
        return []
    rows = np.unique(pairs)
    terms = term_matrix([mentions[i] for i in rows.tolist()])
    row_of = np.zeros(len(mentions), dtype=np.int64)
    row_of[rows] = np.arange(len(rows))
    keep = np.zeros(len(pairs), dtype=bool)
    for at in range(0, len(pairs), PAIR_CHUNK):
        chunk = pairs[at : at + PAIR_CHUNK]
        shared = terms[row_of[chunk[:, 0]]].multiply(terms[row_of[chunk[:, 1]]]).sum(axis=1)
        keep[at : at + PAIR_CHUNK] = np.asarray(shared).ravel() > 0
    kept = pairs[keep]
    return list(zip(kept[:, 0].tolist(), kept[:, 1].tolist()))


def neighbours(mentions: Sequence[Blockable], new: Collection[int]) -> set[int]:
    """Indices of the other mentions a new one (index in ``new``) forms a candidate pair with: only
    mentions whose dates overlap a new one's are looked at, then blocked by shared terms."""
    new = set(new)
    if not new:
        return set()
    starts = np.array([mentions[i].earliest.toordinal() for i in new], dtype=np.int64)
    ends = np.array([mentions[i].latest.toordinal() for i in new], dtype=np.int64)
    earliest = np.array([m.earliest.toordinal() for m in mentions], dtype=np.int64)
    latest = np.array([m.latest.toordinal() for m in mentions], dtype=np.int64)
    window = np.flatnonzero(((earliest[:, None] <= ends) & (latest[:, None] >= starts)).any(axis=1))
    found = set()
    for i, j in candidate_pairs(mentions, among=new | set(window.tolist())):
        if (i in new) != (j in new):
            found.add(j if i in new else i)
    return found
