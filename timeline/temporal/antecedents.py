"""Who a pronoun subject stands for, so that a title names it: "he" -> "Sharif", "they" -> "Police".

The antecedent is looked for before the pronoun in its own sentence, then in the sentence
before: a named entity or noun phrase of the kind the pronoun can stand for (``PRONOUN_KINDS``).
A subject is preferred (news English continues with the subject it just named); among several
candidates that are no subject, none is chosen: a wrong name is worse than a pronoun.
Pure functions over spaCy docs (parsed, with entities); the answer says why it was chosen.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from timeline.temporal.title_words import compact

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


@dataclass(frozen=True)
class PronounKind:
    """What a pronoun can stand for: entity labels, and whether a plural noun phrase will do."""

    labels: frozenset[str]
    plural_phrase: bool


PRONOUN_KINDS: dict[str, PronounKind] = {
    "he": PronounKind(frozenset({"PERSON"}), plural_phrase=False),
    "she": PronounKind(frozenset({"PERSON"}), plural_phrase=False),
    "it": PronounKind(frozenset({"ORG", "GPE"}), plural_phrase=False),
    "they": PronounKind(frozenset({"ORG", "NORP"}), plural_phrase=True),
}
# "It is unclear", "it seems": an "it" that stands for nothing.
DUMMY_IT_VERBS = frozenset({"be", "seem", "appear", "happen", "matter", "take", "rain", "snow", "remain"})
SUBJECT_DEPS = ("nsubj", "nsubjpass")

# (text, the pronoun's title subject or "" when it stays unresolved): tests run them.
ANTECEDENT_EXAMPLES: tuple[tuple[str, str], ...] = (
    ("The World Bank said it would announce an emergency loan this week.", "World Bank"),
    ("Police said on Friday they had arrested 14 foreigners.", "Police"),
    ("Nawaz Sharif met the envoy in Islamabad. He left Pakistan on Friday.", "Nawaz Sharif"),
    ("The rebels took the town last year. They withdrew on Monday.", "rebels"),
    ("Rain fell all week. It was clear on Monday that the dam would hold.", ""),
    ("The talks ended without a deal. He left on Friday.", ""),
    ("Israel and Hamas agreed to a truce. They exchanged prisoners on Monday.", "Israel and Hamas"),
    ("Hamas agreed to a truce on Sunday. It freed four hostages on Monday.", "Hamas"),
)


@dataclass(frozen=True)
class Antecedent:
    """The name a pronoun stands for, its grammatical number, and why it was chosen."""

    text: str
    plural: bool
    reason: str


def find_antecedent(pronoun: Token, own: Doc | None, previous: Doc | None) -> Antecedent | None:
    """The name ``pronoun`` (a subject in ``own``, the same sentence parsed with entities) stands
    for, from ``own`` before it or else from ``previous``; None when no candidate is clear."""
    kind = PRONOUN_KINDS.get(pronoun.lower_)
    if kind is None or own is None or len(own) <= pronoun.i or own[pronoun.i].lower_ != pronoun.lower_:
        return None
    if pronoun.lower_ == "it" and pronoun.head.lemma_.lower() in DUMMY_IT_VERBS:
        return None
    for doc, where, limit in ((own, "the same sentence", pronoun.i), (previous, "the sentence before", None)):
        if doc is None:
            continue
        found = sorted(_candidates(doc, kind, limit), key=lambda c: c.head.i)
        chosen = _choose(found)
        if chosen is not None:
            why = f"{pronoun.text!r} stands for {chosen.text!r}: {chosen.why} in {where}"
            return Antecedent(chosen.text, chosen.plural, why)
        if found:
            return None  # several candidates and none the subject: not clear
    return None


def _choose(found: list[Candidate]) -> Candidate | None:
    """The nearest candidate that is a subject; else the only one; else none."""
    subjects = [c for c in found if c.head.dep_ in SUBJECT_DEPS]
    if subjects:
        return subjects[-1]
    return found[0] if len({c.text for c in found}) == 1 else None


@dataclass(frozen=True)
class Candidate:
    head: Token
    text: str
    plural: bool
    why: str


def _candidates(doc: Doc, kind: PronounKind, limit: int | None) -> Iterator[Candidate]:
    """Each entity or noun phrase of the pronoun's kind before ``limit``; a coordination ("Israel
    and Hamas") stands whole for "they", never one of its members."""
    end = len(doc) if limit is None else limit
    coordinated = {t.i for t in doc[:end] if t.dep_ == "conj" or any(c.dep_ == "conj" for c in t.children)}
    for ent in doc.ents:
        if ent.end <= end and ent.label_ in kind.labels and not (kind.plural_phrase and ent.root.i in coordinated):
            plural = ent.label_ == "NORP"  # "Palestinians" agree in the plural, "Hamas" in the singular
            yield Candidate(ent.root, _entity_name(ent), plural, f"the nearest {ent.label_} named")
    if kind.plural_phrase:
        for token in doc[:end]:
            if (
                token.dep_ in SUBJECT_DEPS
                and (token.tag_ in ("NNS", "NNPS") or token.i in coordinated)
                and token.pos_ in ("NOUN", "PROPN")
                and not (token.ent_type_ and token.i not in coordinated)  # "Israelis" come as entities
            ):
                yield Candidate(token, compact(token, set()), True, "a plural subject")


def _entity_name(ent: Span) -> str:
    """ "the World Bank's" -> "World Bank"."""
    words = [t for t in ent if t.dep_ != "case" and t.text not in ("'s", "’s")]
    if words and words[0].lower_ == "the":
        words = words[1:]
    return " ".join(t.text for t in words) or ent.text
