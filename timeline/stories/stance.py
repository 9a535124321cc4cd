"""How a clause stands, read from its parse: asserted or not, an occurrence or a state, who acted, where.

Grouping needs more than what happened: "Cuba condemned" and "South Africa condemned" tell the same
kind of action by different actors, "did not attack" tells no attack, "six people are in custody"
tells a count. Plain Python over spaCy; the cue words are data in ``cues``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from timeline.stories.cues import GOVERNING_WORDS, MODAL_WORDS, NEGATION_WORDS, STATE_WORDS
from timeline.stories.lexicon import CLASSES_OF

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

ASSERTED, NEGATED, HYPOTHETICAL = "asserted", "negated", "hypothetical"
# Links through which what governs a verb also governs its happening ("plan to strike",
# "believe that they fled", "no reason to believe"); an adverbial clause ("after the bomb
# exploded") or a coordinated verb keeps its own stance.
GOVERNED_BY = frozenset({"xcomp", "ccomp", "acl", "attr", "dobj"})
NEGATION_DEPS = frozenset({"neg", "det", "nsubj", "nsubjpass", "advmod", "preconj"})
PARTICIPANT_DEPS = frozenset({"nsubj", "nsubjpass", "attr", "dobj"})
OWNER_DEPS = frozenset({"poss", "compound", "amod", "nmod"})
PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "inside", "across", "into"})
MAX_CLIMB = 6


@dataclass(frozen=True)
class Stance:
    modality: str = ASSERTED
    cue: str = ""  # the word that made it negated or hypothetical
    state: bool = False  # a state or a count, not an occurrence
    actors: frozenset[str] = frozenset()  # names in the subject, or the passive's agent
    where: frozenset[str] = frozenset()  # places the verb's own prepositions name ("exploded in Nairobi")


def read_stance(doc: Doc, verb: Token | None, noun: Token | None, names: dict[int, str], places: set[int]) -> Stance:
    """The stance of the clause whose action is ``verb`` (or the dated happening ``noun``).

    ``names`` maps token index -> normalised name of the entity it belongs to; ``places`` holds the
    token indices of place entities.
    """
    if noun is not None:  # "Cuba's condemnation on Friday": the owner is the actor
        owners = [c for c in noun.children if c.dep_ in ("poss", "compound")]
        modality, cue = _modality(noun)
        return Stance(modality, cue, actors=_names_in(owners, names), where=_places_of([noun], names, places))
    if verb is None or not doc.has_annotation("DEP"):
        return Stance()
    modality, cue = _modality(verb)
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    actors = _names_in(agents if any(s.dep_ == "nsubjpass" for s in subjects) and agents else subjects, names)
    where = _places_of([verb, *subjects], names, places)  # "exploded in Karsk", "the bomb in Tesmar exploded"
    return Stance(modality, cue, _is_state(verb, subjects), actors, where)


def _modality(token: Token) -> tuple[str, str]:
    """Negated or hypothetical when a cue sits on the action or on a word that governs it."""
    current = token
    for _ in range(MAX_CLIMB):
        # "No bomb exploded", "Neither side fired", "there is no reason": the negation sits on a participant.
        participants = [c for c in current.children if c.dep_ in PARTICIPANT_DEPS]
        for child in [
            *current.children,
            *(d for p in participants for d in p.children if d.dep_ in ("det", "preconj")),
        ]:
            word = child.lower_
            if child.dep_ == "neg" or (word in NEGATION_WORDS and child.dep_ in NEGATION_DEPS):
                return NEGATED, word
            if child.dep_ == "aux" and word in MODAL_WORDS:
                return HYPOTHETICAL, word
            if child.dep_ == "mark" and word in GOVERNING_WORDS:
                return HYPOTHETICAL, word
        if current is not token and current.lemma_.lower() in GOVERNING_WORDS:
            return HYPOTHETICAL, current.lemma_.lower()
        if current.dep_ not in GOVERNED_BY or current.head is current:
            break
        current = current.head
    return ASSERTED, ""


def _is_state(verb: Token, subjects: list[Token]) -> bool:
    """A copula-like verb with no happening word ("are in custody"), unless a happening is its
    subject ("the bombing was on Friday" is the bombing)."""
    if verb.lemma_.lower() not in STATE_WORDS:
        return False
    phrases = {f"{verb.lemma_.lower()} {c.lower_}" for c in verb.children if c.dep_ in ("prt", "advmod")}
    if phrases & CLASSES_OF.keys():  # "stood down" is a resignation
        return False
    return not any(s.lemma_.lower() in CLASSES_OF for s in subjects)


def _places_of(heads: list[Token], names: dict[int, str], places: set[int]) -> frozenset[str]:
    """Places the heads' own place prepositions name, down a chain of them ("outside the embassy
    in Tesmar" -> tesmar); a name that only modifies ("the Velland embassy") is no place."""
    found: set[str] = set()
    stack = [p for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ in PLACE_PREPOSITIONS]
    while stack:
        prep = stack.pop()
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            if obj.i in places and obj.i in names:
                found.add(names[obj.i])
            stack += [p for p in obj.children if p.dep_ == "prep" and p.lower_ in PLACE_PREPOSITIONS]
    return frozenset(found)


def _names_in(heads: list[Token], names: dict[int, str]) -> frozenset[str]:
    """Who the noun phrases headed by ``heads`` name as actor: the head's own name, its owner
    ("Cuba's foreign ministry", "the government of Cuba", "Cuban police"); not a place it is in
    ("police in Karsk"), nor anything in a relative clause."""
    found: set[str] = set()
    for head in heads:
        owners = [head] + [c for c in head.children if c.dep_ in OWNER_DEPS]
        owners += [p for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
        for token in owners:
            for part in [token, *(c for c in token.children if c.dep_ == "compound")]:
                if part.i in names:
                    found.add(names[part.i])
    return frozenset(found)


def entity_index(doc: Doc, labels: frozenset[str], normalise) -> dict[int, str]:  # noqa: ANN001
    """Token index -> normalised name, for entities with one of ``labels``."""
    index: dict[int, str] = {}
    for ent in doc.ents:
        if ent.label_ in labels and (name := normalise(ent)):
            index.update({t.i: name for t in ent})
    return index
