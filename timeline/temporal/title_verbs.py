"""A clause's verb in headline form: present tense, agreeing with its subject, modals kept.

"launched" -> "launches", "were hurt" -> "hurt", "would respond" -> "will respond". Pure
functions over spaCy tokens; ``titles`` puts them between subject and object.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.temporal.title_lexicon import MODALS

if TYPE_CHECKING:
    from spacy.tokens import Token


def headline_verb(verb: Token, subject: Token | None, plural: bool | None = None) -> str:
    """ "launched" -> "launches": headlines speak in the present; a modal stays ("will walk")."""
    negated = any(c.dep_ == "neg" for c in verb.children)
    # "cracks found in the deck", "aid approved Thursday": a participle without auxiliary is passive
    passive = any(c.dep_ == "auxpass" for c in verb.children) or (
        verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    )
    particle = " ".join(c.text for c in verb.children if c.dep_ == "prt")
    modal = next((MODALS[c.lower_] for c in verb.children if c.dep_ == "aux" and c.lower_ in MODALS), "")
    if modal:
        form = " ".join(
            w
            for w in (modal, "not" if negated else "", "be" if passive else "", verb.text if passive else verb.lemma_)
            if w
        )
        return f"{form} {particle}".strip()
    if plural is None:  # ``plural`` given: the subject is a pronoun standing for a name
        plural = subject is not None and (
            subject.tag_ in ("NNS", "NNPS")
            or any(c.dep_ == "conj" for c in subject.children)
            or subject.lower_ in ("they", "we", "i", "you")
            or (subject.tag_ == "CD" and subject.lower_ not in ("one", "1"))
        )  # "Two remain"
    written = verb.lower_ if verb.is_sent_start and not verb.is_upper else verb.text  # "Closed on Monday, ..."
    if passive:
        form = f"not {written}" if negated else written
    elif not lemma_fits(verb.lemma_, verb.text) or (
        verb.tag_ == "VBZ" and verb.lemma_ not in ("be", "have", "do") and third_person(verb.lemma_) != verb.lower_
    ):
        form = f"not {written}" if negated else written  # "rated" read as "rat", "hopes" as "hop": keep it
    else:
        lemma = verb.lemma_ if verb.lemma_ != "be" else "is"
        if lemma == "is":
            form = "are" if plural else "is"
        elif negated:
            form = lemma if plural else f"does not {lemma}"
        elif plural:
            form = lemma
        else:
            form = third_person(lemma)
    if negated and not passive and form.startswith("not "):
        pass
    elif negated and not passive:
        if form in ("is", "are"):
            form += " not"
        elif plural:
            form = f"do not {form}"
    return f"{form} {particle}".strip()


def third_person(lemma: str) -> str:
    """ "launch" -> "launches", "carry" -> "carries", "have" -> "has", "hop" -> "hops"."""
    if lemma == "have":
        return "has"
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        return lemma + "es"
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return lemma[:-1] + "ies"
    return lemma + "s"


def lemma_fits(lemma: str, written: str) -> bool:
    """Whether a regular past ("rated", "fined") re-inflects from its lemma by English spelling:
    "rate" -> "rated" fits; "rat" (-> "ratted") and "fin" (-> "finned") do not. Irregular or
    non-past forms are trusted."""
    written, lemma = written.lower(), lemma.lower()
    if not written.endswith("ed") or lemma == written:
        return True
    if lemma.endswith("e"):
        past = lemma + "d"
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        past = lemma[:-1] + "ied"
    elif _doubles_final_consonant(lemma):
        past = lemma + lemma[-1] + "ed"
    else:
        past = lemma + "ed"
    return past == written


def _doubles_final_consonant(word: str) -> bool:
    """A one-syllable word ending consonant-vowel-consonant doubles it: "stop" -> "stopped"."""
    vowels = "aeiou"
    groups = sum(1 for i, ch in enumerate(word) if ch in vowels and (i == 0 or word[i - 1] not in vowels))
    return (
        groups == 1
        and len(word) >= 3
        and word[-1] not in vowels + "wxy"
        and word[-2] in vowels
        and word[-3] not in vowels
    )
