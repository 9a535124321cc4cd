"""What the parse says about a time in a clause, for the anchoring policy: the word heading the
time phrase, whether it hangs on the verb itself, and the verb's perfect forms."""

from __future__ import annotations

from spacy.tokens import Span, Token

from timeline.temporal.tense import VERB_POS, past_perfect

_TWO_WORD_CUES = {("prior", "to"), ("ahead", "of")}


def time_cue(span: Span) -> str:
    """The preposition heading a time phrase ("by" in "by 2012", "prior to"), "" when it stands bare;
    "from (an amount)" when the time sits in a change's starting amount ("from $4 million a year earlier")."""
    doc = span.doc
    if _in_starting_amount(span):
        return "from (an amount)"
    head = span.root.head
    if span.root.dep_ == "pobj" and head.dep_ == "prep" and head.i < span.start:
        first = head.i
    elif span.start > span.sent.start and doc[span.start - 1].pos_ in ("ADP", "SCONJ"):
        first = span.start - 1  # the parser hung the phrase elsewhere; the word before it still heads it
    elif span[0].pos_ in ("ADP", "SCONJ") and len(span) > 1:
        first = span.start  # a rule took the preposition into the phrase ("until then")
    else:
        return ""
    if first > span.sent.start and (doc[first - 1].lower_, doc[first].lower_) in _TWO_WORD_CUES:
        return f"{doc[first - 1].lower_} {doc[first].lower_}"
    return doc[first].lower_


def _in_starting_amount(span: Span) -> bool:
    """ "rose to $5.8 million from $4 million a year earlier": the time hangs on a noun under the
    "from" that the change verb takes."""
    current, through_noun = span.root, False
    for _ in range(32):
        head = current.head
        if head.i == current.i:
            return False
        if current.dep_ == "prep" and head.pos_ in VERB_POS:
            return current.lower_ == "from" and through_noun
        if head.pos_ in ("NOUN", "NUM", "SYM") and head.i not in range(span.start, span.end):
            through_noun = True
        current = head
    return False


def modifies_directly(span: Span, verb: Token) -> bool:
    """True when the time hangs on the verb itself ("rose in the quarter"), not on one of its nouns
    ("reported third-quarter income", "from $4 million a year earlier")."""
    current = span.root
    for _ in range(32):  # spaCy makes a new Token object on each access: compare positions
        if current.i == verb.i:
            return True
        if current.head.i == current.i:
            return False
        current = current.head
        if current.i != verb.i and current.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
            return False
    return False


def is_present_perfect(verb: Token) -> bool:
    """ "has announced": a present perfect takes no past date of its own; its act is recent."""
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in ("has", "have", "'ve") for c in verb.children)


def is_pluperfect(verb: Token) -> bool:
    """ "had announced": the act lies before a past moment, not at the article's date."""
    return past_perfect(verb)
