"""What a mention says, read from stored text: action, participants, names, content words.

Plain Python over spaCy (no Django): the story services and ``evaluate_story`` both feed it
the sentence text, the time phrase's offsets in it and the event title, so grouping never
needs the article re-parsed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from timeline.temporal.nlp import load_pipeline
from timeline.temporal.tense import span_verb

# Verbs that report a happening rather than being it: the action is in their clause.
REPORTING_LEMMAS = frozenset({
    "say", "tell", "announce", "report", "confirm", "add", "accord", "state", "told", "claim", "note",
    "quote", "describe", "disclose", "reveal", "explain", "insist", "deny", "acknowledge",
})  # fmt: skip
CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})
# Names that identify participants; dates and quantities are compared through the date range.
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})
SUBJECT_DEPS = ("nsubj", "nsubjpass")
OBJECT_DEPS = ("dobj", "attr", "pobj", "oprd")
WEAK_LEMMAS = frozenset({"be", "have", "do", "get", "make", "take", "go", "come", "also", "other", "new"})


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
    lemmas: tuple[str, ...]  # content lemmas without the time phrase, the attribution and reporting verbs
    verb: str = ""  # lemma of the action (the reported clause's verb under "say"/"announce")
    subject: str = ""  # lemma of the subject's head noun
    object: str = ""  # lemma of the object's head noun
    entities: frozenset[str] = frozenset()  # normalised names ("nairobi", "albright", "fbi")


@dataclass(frozen=True)
class _Parsed:
    lemmas: tuple[str, ...]
    verb: str
    subject: str
    object: str
    entities: frozenset[str]


def mention_features(mentions: Iterable[MentionInput]) -> list[MentionFeatures]:
    """Features for each mention, parsing each distinct sentence once (and caching across calls)."""
    mentions = list(mentions)
    return [
        MentionFeatures(
            event_id=m.event_id, article_id=m.article_id, earliest=m.earliest, latest=m.latest,
            granularity=m.granularity, title=m.title, sentence=m.sentence,
            **_parse_mention(m.sentence or m.title, m.phrase_start, m.phrase_end).__dict__,
        )  # fmt: skip
        for m in mentions
    ]


@lru_cache(maxsize=20_000)
def _parse_mention(sentence: str, phrase_start: int, phrase_end: int) -> _Parsed:
    return parse_clause(_doc(sentence), phrase_start, phrase_end)


@lru_cache(maxsize=20_000)
def _doc(text: str) -> Doc:
    pipeline = load_pipeline()
    nlp = pipeline.parser or pipeline.splitter
    return nlp(text)


def parse_clause(doc: Doc, phrase_start: int, phrase_end: int) -> _Parsed:
    """Action, participants and content words of ``doc`` around the phrase at those offsets."""
    phrase = doc.char_span(phrase_start, phrase_end, alignment_mode="expand") if phrase_start >= 0 else None
    skip = set(range(phrase.start, phrase.end)) if phrase is not None else set()
    verb = _action_verb(doc, phrase)
    skip |= _attribution(doc)
    lemmas = tuple(
        _lemma(t) for t in doc
        if t.i not in skip and t.pos_ in CONTENT_POS and not t.is_stop and (t.is_alpha or t.like_num)
        and _lemma(t) not in REPORTING_LEMMAS and _lemma(t) not in WEAK_LEMMAS
    )  # fmt: skip
    if not doc.has_annotation("TAG"):  # rules-only pipeline: words, nothing more
        lemmas = tuple(t.lower_ for t in doc if t.i not in skip and t.is_alpha and not t.is_stop)
    entities = frozenset(
        name for ent in doc.ents
        if ent.label_ in NAME_LABELS and not {t.i for t in ent} & skip and (name := normalise_name(ent))
    )  # fmt: skip
    subject = _child_lemma(verb, SUBJECT_DEPS, skip) if verb is not None else ""
    obj = _child_lemma(verb, OBJECT_DEPS, skip) if verb is not None else ""
    return _Parsed(lemmas, _lemma(verb) if verb is not None else "", subject, obj, entities)


def _action_verb(doc: Doc, phrase: Span | None) -> Token | None:
    """The verb the phrase dates; under a reporting verb, the verb of the reported clause."""
    verb = span_verb(phrase) if phrase is not None and doc.has_annotation("DEP") else None
    if verb is None and doc.has_annotation("DEP"):
        verb = next((t for t in doc if t.dep_ == "ROOT" and t.pos_ in ("VERB", "AUX")), None)
    if verb is not None and _lemma(verb) in REPORTING_LEMMAS:
        reported = next((c for c in verb.children if c.dep_ in ("ccomp", "xcomp")), None)
        if reported is not None:
            verb = reported
    return verb


def _attribution(doc: Doc) -> set[int]:
    """Tokens naming who reported it ("police said", "according to officials"): outlets differ there."""
    skip: set[int] = set()
    if not doc.has_annotation("DEP"):
        return skip
    for token in doc:
        if _lemma(token) in REPORTING_LEMMAS and token.pos_ == "VERB" and any(c.dep_ == "ccomp" for c in token.children):
            skip.add(token.i)
            for child in token.children:
                if child.dep_ in SUBJECT_DEPS:
                    skip |= {t.i for t in child.subtree}
        if token.lower_ == "according" and token.dep_ == "prep":
            skip |= {t.i for t in token.subtree}
    return skip


def _child_lemma(verb: Token, deps: Sequence[str], skip: set[int]) -> str:
    child = next((c for c in verb.children if c.dep_ in deps and c.i not in skip), None)
    if child is None and "pobj" in deps:  # "exploded outside the embassy": the place is the participant
        objects = (p for c in verb.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj")
        child = next((p for p in objects if p.i not in skip), None)
    return _lemma(child) if child is not None else ""


def _lemma(token: Token) -> str:
    return (token.lemma_ or token.text).lower()


def normalise_name(entity: Span) -> str:
    """ "the U.S. Embassy's" -> "u.s. embassy"; people by surname ("Madeleine Albright" -> "albright")."""
    words = [t for t in entity if not t.is_punct or t.text == "."]
    while words and words[0].lower_ in ("the", "a", "an"):
        words = words[1:]
    while words and words[-1].lower_ in ("'s", "’s", "'"):
        words = words[:-1]
    if not words:
        return ""
    if entity.label_ == "PERSON":
        return words[-1].lower_
    return " ".join(t.lower_ for t in words)
