"""Which mentions report the same happening: a pure, injectable decision over plain dataclasses.

Two mentions from different articles are one happening when their dates agree at a compatible
granularity AND they tell the same action with the same participants (content words weighed by
TF-IDF over the story, shared names, the same verb/subject/object). Mentions are blocked by date
first (only overlapping ranges are ever compared), then joined by average linkage: a group takes a
mention only when it is, on average, close to all of the group, so one loose pair cannot chain two
happenings together. Rules in ``barriers`` keep pairs apart outright (different actors, a
reaction and what it reacts to, a count and an occurrence); a negated or hypothetical mention
joins nothing and becomes no story event. Curators' decisions come in as constraints.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from timeline.stories import pair_arrays as arrays
from timeline.stories.barriers import barrier
from timeline.stories.candidates import MAX_WIDE_DAYS, MAX_WIDTH_DAYS, candidate_pairs
from timeline.stories.cues import STATE_WORDS
from timeline.stories.features import MentionFeatures
from timeline.stories.linkage import AverageLinkage
from timeline.stories.similarity import Similarity, tfidf_similarity
from timeline.stories.stance import ASSERTED

# Average linkage a group must keep. On fixtures/stories precision stays 1.0 and recall 0.89 for
# any threshold from 0.1 to 0.25 with these weights; 0.2 sits inside that plateau (0.3: recall 0.77).
THRESHOLD = 0.2
SAME_ARTICLE_FACTOR = 0.8  # one article rarely reports one happening twice: ask more of such a pair
# Both sentences name where it happened, and no place is shared: the same action in two places
# ("a bomb exploded in Nairobi" / "in Dar es Salaam") is more often two happenings.
PLACE_CONFLICT_FACTOR = 0.5
# Ranges wider than a month pair only with the very same range (candidates.py), and count for less.
WIDE_DATE_FACTOR = 0.6
# The action and its participants decide most; wording and shared names add to it.
WEIGHTS = {"text": 0.25, "names": 0.15, "action": 0.60}


@dataclass(frozen=True)
class Constraints:
    """Curator decisions: groups that must stay together, pairs that must never be joined."""

    together: Sequence[frozenset[int]] = ()  # event ids confirmed in one story event
    apart: frozenset[frozenset[int]] = frozenset()  # rejected pairs of event ids


@dataclass(frozen=True)
class PairEvidence:
    score: float
    dates: float
    text: float
    names: tuple[str, ...]
    action: str  # the kinds of action both tell (lexicon classes, or the shared verb)
    barrier: str = ""  # why the pair may never be joined (then ``score`` is what it would have had)


@dataclass
class Group:
    """One happening: its mentions' event ids, how sure the grouping is and why."""

    event_ids: list[int]
    confidence: float
    evidence: str
    scores: dict[int, float] = field(default_factory=dict)  # each mention's average score to the others


def date_agreement(a: MentionFeatures, b: MentionFeatures) -> float:
    """1 for the same range; less as one range is much wider than the other; 0 if they do not overlap.
    Ranges wider than a month agree only when identical (``WIDE_DATE_FACTOR``)."""
    if a.latest < b.earliest or b.latest < a.earliest:
        return 0.0
    width_a = (a.latest - a.earliest).days + 1
    width_b = (b.latest - b.earliest).days + 1
    same = (a.earliest, a.latest) == (b.earliest, b.latest)
    if max(width_a, width_b) > MAX_WIDTH_DAYS:
        return WIDE_DATE_FACTOR if same and width_a <= MAX_WIDE_DAYS else 0.0
    if same:
        return 1.0
    # Halves for every factor of 49 in width: a day inside a week 0.71, inside a month 0.54.
    return 2 ** (-math.log(max(width_a, width_b) / min(width_a, width_b), 7) / 2)


def action_agreement(a: MentionFeatures, b: MentionFeatures) -> float:
    """Same kind of action (lexicon classes; a copula is none) counts half, the same subject 0.3, the
    same object 0.2.

    An action one outlet tells as a verb and another as a noun ("the pilots walked out" / "the
    walkout began") counts as the action at a lower weight (0.35).
    """
    score = 0.0
    verbs_a, verbs_b = a.verb_classes - STATE_WORDS, b.verb_classes - STATE_WORDS  # "be" tells no action
    if verbs_a & verbs_b:
        score += 0.5
    elif verbs_a & (b.subject_classes | b.object_classes) or verbs_b & (a.subject_classes | a.object_classes):
        score += 0.35
    if a.subject_classes & b.subject_classes:
        score += 0.3
    if a.object_classes & b.object_classes:
        score += 0.2
    return min(score, 1.0)


def same_action_on_same_thing(a: MentionFeatures, b: MentionFeatures) -> bool:
    """The same kind of action (a copula is none) on the same object: what a year-wide pair needs."""
    return bool((a.verb_classes & b.verb_classes) - STATE_WORDS) and bool(a.object_classes & b.object_classes)


def name_agreement(
    a: MentionFeatures, b: MentionFeatures, weight: Mapping[str, float] | None = None
) -> tuple[float, tuple[str, ...]]:
    """Shared names over the smaller set of names, each name weighed by how rare it is in the story
    (the place every article names tells little); 0 when either names nobody."""
    if not a.entities or not b.entities:
        return 0.0, ()
    weight = weight or {}
    shared = a.entities & b.entities

    def total(names: frozenset[str]) -> float:
        return sum(weight.get(n, 1.0) for n in names)

    smaller = min(total(a.entities), total(b.entities))
    return (total(shared) / smaller if smaller else 0.0), tuple(sorted(shared))


def name_weights(mentions: Sequence[MentionFeatures]) -> dict[str, float]:
    """Inverse document frequency of each name over the story's mentions, scaled to 0-1."""
    counts = Counter(n for m in mentions for n in m.entities)
    total = len(mentions)
    if total < 2:
        return {n: 1.0 for n in counts}
    return {n: math.log(total / c) / math.log(total) for n, c in counts.items()}


def score_pairs(
    mentions: Sequence[MentionFeatures],
    similarity: Similarity = tfidf_similarity,
    among: Collection[int] | None = None,
) -> dict[tuple[int, int], PairEvidence]:
    """Evidence for every date-compatible pair with any content in common (barred pairs too; inside
    ``among`` if given)."""
    pairs = candidate_pairs(mentions, among)
    text_scores = np.asarray(similarity(mentions, pairs), dtype=float)
    weights = name_weights(mentions)
    # The agreements below, pair by pair, as arrays (pair_arrays.py: same values, without a Python loop).
    at = arrays.as_array(pairs)
    dates = arrays.date_agreements(mentions, at, WIDE_DATE_FACTOR)
    names = arrays.name_agreements(mentions, at, weights)
    action = arrays.action_agreements(mentions, at, STATE_WORDS)
    content = WEIGHTS["text"] * text_scores + WEIGHTS["names"] * names + WEIGHTS["action"] * action
    score = dates * content * np.where(arrays.same_article(mentions, at), SAME_ARTICLE_FACTOR, 1.0)
    score = np.where(arrays.place_conflicts(mentions, at), score * PLACE_CONFLICT_FACTOR, score)
    scored = {}
    kept = np.flatnonzero((dates > 0) & (score > 0))
    for n, s, d, t in zip(kept.tolist(), score[kept].tolist(), dates[kept].tolist(), text_scores[kept].tolist()):
        i, j = pairs[n]
        a, b = mentions[i], mentions[j]
        wide = (a.latest - a.earliest).days >= MAX_WIDTH_DAYS
        if wide and not same_action_on_same_thing(a, b):
            continue
        kinds = ", ".join(sorted(both)) if (both := (a.verb_classes & b.verb_classes) - STATE_WORDS) else ""
        shared = tuple(sorted(both)) if (both := a.entities & b.entities) else ()
        scored[(i, j)] = PairEvidence(round(s, 4), d, t, shared, kinds, barrier(a, b) or "")
    return scored


def group_mentions(
    mentions: Sequence[MentionFeatures],
    *,
    constraints: Constraints = Constraints(),
    similarity: Similarity = tfidf_similarity,
    threshold: float = THRESHOLD,
    among: Collection[int] | None = None,
) -> list[Group]:
    """Partition ``mentions`` into happenings; every asserted mention lands in exactly one group, a
    negated or hypothetical one in none (unless a curator confirmed it into a group). With ``among``
    (indices) only pairs inside it are scored: the rest stay one mention each (word and name weights
    still come from all ``mentions``)."""
    index_of = {m.event_id: i for i, m in enumerate(mentions)}
    evidence = score_pairs(mentions, similarity, among)
    score = {pair: e.score for pair, e in evidence.items() if not e.barrier}
    apart = [
        tuple(index_of[e] for e in pair) for pair in constraints.apart if len(pair) == 2 and pair <= index_of.keys()
    ] + [pair for pair, e in evidence.items() if e.barrier]
    clusters = AverageLinkage(len(mentions), score, apart)
    for group in constraints.together:  # a curator's confirmed group: together, and locked
        indices = [index_of[e] for e in group if e in index_of]
        for i in indices[1:]:
            clusters.join(indices[0], i)
        if indices:
            clusters.lock(indices[0])
    for (i, j), pair_score in sorted(score.items(), key=lambda item: -item[1]):
        if pair_score < threshold:
            break
        if clusters.linkage(i, j) >= threshold:
            clusters.join(i, j)
    confirmed = {e for group in constraints.together for e in group}
    barred = _barred_by_mention(evidence)
    return [
        _describe(sorted(ids), mentions, evidence, barred)
        for ids in clusters.members.values()
        if len(ids) > 1 or mentions[ids[0]].modality == ASSERTED or mentions[ids[0]].event_id in confirmed
    ]


def _describe(
    indices: list[int],
    mentions: Sequence[MentionFeatures],
    evidence: dict[tuple[int, int], PairEvidence],
    barred: Mapping[int, list[tuple[int, int, PairEvidence]]],
) -> Group:
    """Confidence = average pair score inside the group; evidence in words a reader can check."""
    ids = [mentions[i].event_id for i in indices]
    apart = _kept_apart(indices, barred)
    if len(indices) == 1:
        return Group(ids, 1.0, "One mention." + apart, {ids[0]: 1.0})
    pairs = [(i, j) for n, i in enumerate(indices) for j in indices[n + 1 :]]
    found = [evidence[p] for p in pairs if p in evidence and not evidence[p].barrier]
    confidence = sum(e.score for e in found) / len(pairs)
    per_mention = {
        mentions[i].event_id: round(
            sum(evidence[(min(i, j), max(i, j))].score for j in indices
                if j != i and (min(i, j), max(i, j)) in evidence) / (len(indices) - 1), 4)
        for i in indices
    }  # fmt: skip
    articles = len({mentions[i].article_id for i in indices})
    dates = sorted({(mentions[i].earliest, mentions[i].latest) for i in indices})
    date_words = " / ".join(_range_words(a, b) for a, b in dates[:3])
    names = sorted({n for e in found for n in e.names})
    verbs = sorted({kind for e in found if e.action for kind in e.action.split(", ")})
    parts = [f"{len(indices)} mentions in {articles} articles", f"dates {date_words}"]
    if names:
        parts.append("shared names: " + ", ".join(names[:6]))
    if verbs:
        parts.append("same kind of action: " + ", ".join(verbs[:4]))
    actors = set.intersection(*(set(mentions[i].actors) for i in indices))
    if actors:
        parts.append("same actor: " + ", ".join(sorted(actors)[:3]))
    if found:
        parts.append(f"wording similarity {sum(e.text for e in found) / len(found):.2f}")
    return Group(ids, round(min(max(confidence, 0.0), 1.0), 4), "; ".join(parts) + "." + apart, per_mention)


def _barred_by_mention(evidence: dict[tuple[int, int], PairEvidence]) -> dict[int, list[tuple[int, int, PairEvidence]]]:
    """Each mention's barred pairs as (the pair's place in ``evidence``, the other mention, evidence):
    a group then looks at its own mentions' pairs, not at every pair of the story."""
    by_mention: dict[int, list[tuple[int, int, PairEvidence]]] = {}
    for n, ((i, j), e) in enumerate(evidence.items()):
        if e.barrier:
            by_mention.setdefault(i, []).append((n, j, e))
            by_mention.setdefault(j, []).append((n, i, e))
    return by_mention


def _kept_apart(
    indices: list[int], barred_by: Mapping[int, list[tuple[int, int, PairEvidence]]], shown: int = 3
) -> str:
    """ " Kept apart from 2 mentions: different actors (cuba / iran)." for the closest barred pairs."""
    members = set(indices)
    crossing = [(n, e) for i in indices for n, j, e in barred_by.get(i, ()) if j not in members]
    barred = [e for _, e in sorted(crossing, key=lambda item: (-item[1].score, item[0]))]
    if not barred:
        return ""
    reasons = list(dict.fromkeys(e.barrier for e in barred))
    count = len(barred)
    return f" Kept apart from {count} similar mention{'s' * (count > 1)}: " + "; ".join(reasons[:shown]) + "."


def _range_words(earliest: date, latest: date) -> str:
    return earliest.isoformat() if earliest == latest else f"{earliest.isoformat()}..{latest.isoformat()}"


Grouper = Callable[..., list[Group]]
