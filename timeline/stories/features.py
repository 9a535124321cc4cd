"""What a mention says, read from stored text: action, participants, names, content words.

Plain Python over spaCy (no Django): the story services and ``evaluate_story`` both feed it
the sentence text, the time phrase's offsets in it and the event title, so grouping never
needs the article re-parsed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from timeline.stories.clause_reading import PLACE_LABELS, ClauseFeatures, normalise_name, read_clause
from timeline.stories.stance import ASSERTED
from timeline.temporal.nlp import load_pipeline

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass(frozen=True)
class MentionInput:
    """One event as stored: its date range, title, sentence and the time phrase's offsets in it."""

    event_id: int
    article_id: int
    earliest: date
    latest: date
    granularity: str
    title: str
    sentence: str
    phrase_start: int = -1  # offsets into ``sentence``; -1 when the phrase is gone
    phrase_end: int = -1


@dataclass(frozen=True)
class MentionFeatures:
    """The comparable content of one mention (see ``clustering``)."""

    event_id: int
    article_id: int
    earliest: date
    latest: date
    granularity: str
    title: str
    sentence: str
    lemmas: tuple[str, ...]  # content lemmas of the event's clause, without the time phrase and attribution
    verb: str = ""  # lemma of the action (the reported clause's verb under "say"/"announce"), "give way"
    subject: str = ""  # lemma of the subject's head noun ("which" read as the noun it stands for)
    object: str = ""  # lemma of the object's head noun
    entities: frozenset[str] = frozenset()  # normalised names ("nairobi", "albright", "fbi")
    verb_classes: frozenset[str] = frozenset()  # happening classes (lexicon.py) of the action
    subject_classes: frozenset[str] = frozenset()
    object_classes: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    modality: str = ASSERTED  # asserted, negated or hypothetical (stance.py)
    cue: str = ""
    state: bool = False  # a state or a count, not an occurrence
    actors: frozenset[str] = frozenset()  # names in the subject, or the passive's agent
    where: frozenset[str] = frozenset()  # places named by the action's own prepositions


ClauseKey = tuple[str, int, int]  # (sentence, phrase start, phrase end)
FEATURES_VERSION = "4"  # bump when parse_clause or the lexicon changes: stored features are recomputed


def clause_key(mention: MentionInput) -> ClauseKey:
    return (mention.sentence or mention.title, mention.phrase_start, mention.phrase_end)


def clause_digest(key: ClauseKey) -> str:
    """Identity of a clause's features: the sentence, the phrase offsets and this code's version."""
    material = "\x1f".join((FEATURES_VERSION, key[0], str(key[1]), str(key[2])))
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


def mention_features(
    mentions: Iterable[MentionInput],
    *,
    known: Mapping[ClauseKey, ClauseFeatures] | None = None,
    batch_size: int = 256,
) -> list[MentionFeatures]:
    """Features for each mention. ``known`` clauses (e.g. stored ones) are not parsed again; sentences
    not seen before are parsed together in one ``nlp.pipe`` stream, and results (not the spaCy docs,
    which are large) are kept in the process for the next regroup."""
    mentions = list(mentions)
    _CACHE.update(known or {})
    keys = [clause_key(m) for m in mentions]
    missing = list(dict.fromkeys(k for k in keys if k not in _CACHE))
    if len(_CACHE) + len(missing) > CACHE_SIZE:
        _CACHE.clear()  # a crude bound: a long-running worker must not grow without limit
        _CACHE.update(known or {})
        missing = list(dict.fromkeys(k for k in keys if k not in _CACHE))
    if missing:
        pipeline = load_pipeline()
        nlp = pipeline.parser or pipeline.splitter
        texts = list(dict.fromkeys(text for text, _, _ in missing))
        wanted: dict[str, list[tuple[str, int, int]]] = {}
        for key in missing:
            wanted.setdefault(key[0], []).append(key)
        for text, doc in zip(texts, nlp.pipe(texts, batch_size=batch_size), strict=True):
            for key in wanted[text]:
                _CACHE[key] = parse_clause(doc, key[1], key[2])
    return [
        MentionFeatures(
            event_id=m.event_id,
            article_id=m.article_id,
            earliest=m.earliest,
            latest=m.latest,
            granularity=m.granularity,
            title=m.title,
            sentence=m.sentence,
            **_CACHE[key].__dict__,
        )  # fmt: skip
        for m, key in zip(mentions, keys, strict=True)
    ]


CACHE_SIZE = 50_000
_CACHE: dict[ClauseKey, ClauseFeatures] = {}


def cached_clause(key: ClauseKey) -> ClauseFeatures | None:
    """The clause features computed in this process for ``key``, if any (to store them)."""
    return _CACHE.get(key)


def parse_clause(doc: Doc, phrase_start: int, phrase_end: int) -> ClauseFeatures:
    """Action, participants, places and content words of ``doc`` around the phrase at those offsets."""
    places = frozenset(name for ent in doc.ents if ent.label_ in PLACE_LABELS and (name := normalise_name(ent)))
    return replace(read_clause(doc, phrase_start, phrase_end), places=places)
