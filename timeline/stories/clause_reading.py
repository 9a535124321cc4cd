"""How a mention's clause is read from its parse: the action (verb or happening noun), who did it
and to what, names, places and content words. Plain Python over spaCy; ``features`` caches it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from timeline.stories.lexicon import CLASSES_OF, classes_of
from timeline.stories.stance import ASSERTED, entity_index, read_stance
from timeline.temporal.reporting import GROUPING_REPORTING
from timeline.temporal.tense import span_verb

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Verbs that report a happening rather than being it: the action is in their clause.
REPORTING_LEMMAS = GROUPING_REPORTING  # the one table of reporting verbs: timeline/temporal/reporting.py
# "deny" is no reporting verb: a denial is a happening of its own and what it denies is not told.
PARTICLES = frozenset({"down", "up", "out", "off", "in", "away", "over", "back"})
CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})
# Names that identify participants; dates and quantities are compared through the date range.
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
SUBJECT_DEPS = ("nsubj", "nsubjpass")
OBJECT_DEPS = ("dobj", "attr", "pobj", "oprd")
# Verbs that lend their object the action: "offered an apology" is apologizing.
LIGHT_VERBS = frozenset(
    {
        "offer",
        "make",
        "give",
        "hold",
        "issue",
        "cast",
        "carry",
        "stage",
        "conduct",
        "launch",
        "mount",
        "deliver",
        "order",
        "announce",
        "open",
        "set",
        "establish",
        "call",
        "demand",
        "express",
        "voice",
    }
)
# Verbs whose subject or object is the happening itself: "the strike began", "they resumed talks".
ASPECTUAL = frozenset(
    {
        "begin",
        "start",
        "end",
        "finish",
        "continue",
        "resume",
        "stop",
        "halt",
        "conclude",
        "happen",
        "occur",
        "take",
        "break",
        "erupt",
        "hold",
    }
)
WEAK_LEMMAS = frozenset({"be", "have", "do", "get", "make", "take", "go", "come", "also", "other", "new"})


@dataclass(frozen=True)
class ClauseFeatures:
    """What the parse of one sentence says about the clause its time phrase dates (storable as JSON)."""

    lemmas: tuple[str, ...]
    verb: str
    subject: str
    object: str
    entities: frozenset[str]
    verb_classes: frozenset[str]
    subject_classes: frozenset[str]
    object_classes: frozenset[str]
    places: frozenset[str] = frozenset()  # where the sentence says it happened ("nairobi", "dar es salaam")
    modality: str = ASSERTED  # asserted, negated or hypothetical (stance.py)
    cue: str = ""  # the word that made it negated or hypothetical
    state: bool = False  # a state or a count ("six people are in custody"), not an occurrence
    actors: frozenset[str] = frozenset()  # names in the subject or the passive's agent
    where: frozenset[str] = frozenset()  # places the action's own prepositions name

    def to_json(self) -> dict[str, Any]:
        return {name: sorted(value) if isinstance(value, frozenset) else list(value) if isinstance(value, tuple)
                else value for name, value in self.__dict__.items()}  # fmt: skip

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ClauseFeatures:
        return cls(
            lemmas=tuple(data["lemmas"]), verb=data["verb"], subject=data["subject"], object=data["object"],
            entities=frozenset(data["entities"]), verb_classes=frozenset(data["verb_classes"]),
            subject_classes=frozenset(data["subject_classes"]), object_classes=frozenset(data["object_classes"]),
            places=frozenset(data.get("places", ())), modality=data.get("modality", ASSERTED),
            cue=data.get("cue", ""), state=bool(data.get("state", False)),
            actors=frozenset(data.get("actors", ())), where=frozenset(data.get("where", ())),
        )  # fmt: skip


def read_clause(doc: Doc, phrase_start: int, phrase_end: int) -> ClauseFeatures:
    """The action and its participants, with the clause's stance (asserted? a state? who? where?)."""
    features = _read_action(doc, phrase_start, phrase_end)
    if not doc.has_annotation("DEP"):
        return features
    phrase = doc.char_span(phrase_start, phrase_end, alignment_mode="expand") if phrase_start >= 0 else None
    noun = _dated_noun(phrase) if phrase is not None else None
    verb = None if noun is not None else _action_verb(doc, phrase)
    names = entity_index(doc, NAME_LABELS, normalise_name)
    places = set(entity_index(doc, PLACE_LABELS, normalise_name))
    stance = read_stance(doc, verb, noun, names, places)
    return replace(features, **stance.__dict__)


def _read_action(doc: Doc, phrase_start: int, phrase_end: int) -> ClauseFeatures:
    phrase = doc.char_span(phrase_start, phrase_end, alignment_mode="expand") if phrase_start >= 0 else None
    skip = set(range(phrase.start, phrase.end)) if phrase is not None else set()
    verb = _action_verb(doc, phrase)
    skip |= _attribution(doc)
    if not doc.has_annotation("TAG"):  # rules-only pipeline: words, nothing more
        words = tuple(t.lower_ for t in doc if t.i not in skip and t.is_alpha and not t.is_stop)
        return ClauseFeatures(words, "", "", "", frozenset(), frozenset(), frozenset(), frozenset())
    clause = list(verb.subtree) if verb is not None and len(list(verb.subtree)) >= 3 else list(doc)
    lemmas = tuple(
        _lemma(t) for t in clause
        if t.i not in skip and t.pos_ in CONTENT_POS and not t.is_stop and (t.is_alpha or t.like_num)
        and _lemma(t) not in REPORTING_LEMMAS and _lemma(t) not in WEAK_LEMMAS
    )  # fmt: skip
    entities = frozenset(
        name for ent in doc.ents
        if ent.label_ in NAME_LABELS and not {t.i for t in ent} & skip and (name := normalise_name(ent))
    )  # fmt: skip
    noun = _dated_noun(phrase) if phrase is not None else None
    if noun is not None:  # "Thursday's outage", "the March 12 flood": the date dates the noun
        owner = next((c for c in noun.children if c.dep_ in ("compound", "poss") and c.i not in skip), None)
        subject = _lemma(owner) if owner is not None else ""
        return ClauseFeatures(lemmas, _lemma(noun), subject, "", entities, classes_of(_lemma(noun)), classes_of(subject),
                       frozenset())  # fmt: skip
    if verb is None:
        return ClauseFeatures(lemmas, "", "", "", entities, frozenset(), frozenset(), frozenset())
    subject = _participant(verb, SUBJECT_DEPS, skip)
    obj = _participant(verb, OBJECT_DEPS, skip)
    phrases = _verb_phrases(verb)
    actions = classes_of(*phrases)
    if _lemma(verb) in ASPECTUAL:  # "the walkout began", "resumed talks": the noun is the happening
        actions |= classes_of(subject, obj)
    elif _lemma(verb) in LIGHT_VERBS:  # "offered an apology", "staged a walkout", "cast ballots"
        actions |= classes_of(obj)
    elif subject in CLASSES_OF:  # "the blast killed 12", "a fault grounded flights": a happening as subject
        actions |= classes_of(subject)
    for other in verb.children:  # "inspected the dam and found cracks", "voted to strike"
        if other.dep_ in ("conj", "xcomp") and other.pos_ == "VERB":
            actions |= classes_of(*_verb_phrases(other))
    return ClauseFeatures(lemmas, phrases[0], subject, obj, entities, actions, classes_of(subject), classes_of(obj))


def is_happening_noun(lemma: str) -> bool:
    """A noun naming a happening: in the lexicon, or a lexicon verb's -ing form ("the capsizing")."""
    if lemma in CLASSES_OF:
        return True
    return lemma.endswith("ing") and (lemma[:-3] in CLASSES_OF or lemma[:-3] + "e" in CLASSES_OF)


def _dated_noun(phrase: Span) -> Token | None:
    """The noun a time phrase modifies ("Thursday's outage", "the June 5 failure", "the attack on
    Saturday"), when the phrase dates a noun rather than a verb."""
    root = phrase.root
    if (
        root.dep_ in ("poss", "nmod", "compound", "npadvmod")
        and root.head.pos_ == "NOUN"
        and root.head.i not in range(phrase.start, phrase.end)
    ):
        return root.head
    # "the attack on Saturday"; "the capsizing of the ferry Marisol on March 13" (climbing noun
    # phrases); "trading on Thursday" is no happening noun, so the verb keeps the date.
    token = root
    for _ in range(3):
        if token.dep_ != "pobj" or token.head.dep_ != "prep" or token.head.head.pos_ not in ("NOUN", "PROPN"):
            return None
        token = token.head.head
        # "Cuba condemned the attacks on Saturday": a verb's object leaves the date to the verb.
        if token.dep_ == "dobj" and token.head.pos_ == "VERB":
            return None
        if token.pos_ == "NOUN" and is_happening_noun(_lemma(token)):
            return token
    return None


def _verb_phrases(verb: Token) -> list[str]:
    """ "gave way" -> ["give way", "give"]; "walked off" -> ["walk off", "walk"]; "went on strike" too."""
    lemma = _lemma(verb)
    phrases = []
    for child in verb.children:
        if child.dep_ == "prt" or (child.dep_ == "advmod" and child.lower_ in PARTICLES):
            phrases.append(f"{lemma} {child.lower_}")  # "stepped down", "called off"
        elif child.dep_ in ("oprd", "acomp") or (child.dep_ == "ccomp" and child.pos_ == "ADJ"):
            phrases.append(f"{lemma} {_lemma(child)}")  # "found guilty"
        elif child.dep_ == "dobj":
            phrases.append(f"{lemma} {_lemma(child)}")
        elif child.dep_ == "prep":  # "went on strike"; "walked off (the job)" parsed as a preposition
            phrases += [f"{lemma} {child.lower_} {_lemma(p)}" for p in child.children if p.dep_ == "pobj"]
            phrases.append(f"{lemma} {child.lower_}")
    known = [p for p in phrases if p in CLASSES_OF]
    return known + [lemma]


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
        if (
            _lemma(token) in REPORTING_LEMMAS
            and token.pos_ == "VERB"
            and any(c.dep_ == "ccomp" for c in token.children)
        ):
            skip.add(token.i)
            for child in token.children:
                if child.dep_ in SUBJECT_DEPS:
                    skip |= {t.i for t in child.subtree}
        if token.lower_ == "according" and token.dep_ == "prep":
            skip |= {t.i for t in token.subtree}
    return skip


def _participant(verb: Token, deps: Sequence[str], skip: set[int]) -> str:
    """Head lemma of the verb's subject or object; "which"/"that"/"who" stand for the noun they follow."""
    child = next((c for c in verb.children if c.dep_ in deps and c.i not in skip), None)
    if child is None and "pobj" in deps:  # "exploded outside the embassy": the place is the participant
        objects = (p for c in verb.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj")
        child = next((p for p in objects if p.i not in skip), None)
    if child is not None and child.tag_ in ("WDT", "WP") and verb.dep_ in ("relcl", "acl"):
        child = verb.head
    if child is None and verb.dep_ in ("acl", "relcl") and "nsubj" in deps:
        child = verb.head  # "the agreement, reached on June 14": the agreement was reached
    if child is None or child.pos_ == "PRON":
        return ""
    return _lemma(child)


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
