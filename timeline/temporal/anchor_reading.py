"""What the parse says about a time in a clause, for the anchoring policy: the word heading the
time phrase, whether it hangs on the verb itself, and the verb's perfect forms."""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.temporal.attributive import is_happening_noun
from timeline.temporal.tense import VERB_POS, past_perfect

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_TWO_WORD_CUES = {("prior", "to"), ("ahead", "of")}
# Amounts whose "-ing" makes them look like happenings: a time on them describes the amount.
_AMOUNT_NOUNS = {"earnings", "earning", "holdings", "savings", "borrowings", "billings", "bookings"}
_VERB_LIKE_CUES = {"following", "preceding"}  # "following the March 3 vote", parsed as a verb and its object


def time_cue(span: Span) -> str:
    """The preposition heading a time phrase ("by" in "by 2012", "prior to"), "" when it stands bare;
    "from (an amount)" when the time sits in a change's starting amount ("from $4 million a year earlier")."""
    doc = span.doc
    if _in_starting_amount(span):
        return "from (an amount)"
    root = span.root
    if (
        root.dep_ in ("compound", "nmod", "amod", "poss")
        and root.head.i >= span.end
        and root.head.dep_ in ("pobj", "dobj")
    ):
        root = root.head  # "following the March 3 vote": the phrase the time opens is the preposition's object
    head = root.head
    if head.i < span.start and (
        (root.dep_ == "pobj" and head.dep_ == "prep") or (root.dep_ == "dobj" and head.lower_ in _VERB_LIKE_CUES)
    ):
        first = head.i
    elif span.start > span.sent.start and doc[span.start - 1].pos_ in ("ADP", "SCONJ"):
        first = span.start - 1  # the parser hung the phrase elsewhere; the word before it still heads it
    elif span[0].pos_ in ("ADP", "SCONJ") and len(span) > 1:
        first = span.start  # a rule took the preposition into the phrase ("until then")
    else:
        return ""
    if first > span.sent.start and (doc[first - 1].lower_, doc[first].lower_) in _TWO_WORD_CUES:
        return f"{doc[first - 1].lower_} {doc[first].lower_}"
    if doc[first].lower_ == "to" and root.i != span.root.i:
        return ""  # "to" bounds only a time it takes itself ("extended to Nov. 20"), not "to the May 5 meeting"
    return doc[first].lower_


def _in_starting_amount(span: Span) -> bool:
    """ "rose to $5.8 million from $4 million a year earlier": the time hangs on an amount under a
    "from" of the change, however the parser attached that "from"."""
    current, through_noun = span.root, False
    for _ in range(32):
        head = current.head
        if head.i == current.i or head.pos_ in VERB_POS:
            return False
        if head.pos_ in ("NOUN", "NUM", "SYM") and head.i not in range(span.start, span.end):
            through_noun = True
        if head.dep_ == "prep" and head.lower_ == "from":
            outside = [c for c in head.children if c.dep_ == "pobj" and c.i not in range(span.start, span.end)]
            return through_noun or bool(outside)
        current = head
    return False


def modifies_directly(span: Span, verb: Token) -> bool:
    """True when the time hangs on the verb itself ("rose in the quarter"), through a coordinated time
    ("in March and June") or a happening ("in a July 16 press conference", "Monday's announcement"),
    not on a thing ("reported third-quarter income", "from $4 million a year earlier")."""
    current = span.root
    for _ in range(32):  # spaCy makes a new Token object on each access: compare positions
        if current.i == verb.i:
            return True
        if current.head.i == current.i:
            return False
        coordinated = current.dep_ == "conj"
        current = current.head
        if current.i == verb.i or coordinated or current.pos_ not in ("NOUN", "PROPN", "NUM", "PRON"):
            continue
        if current.lower_ in _AMOUNT_NOUNS or not is_happening_noun(current):
            return False
    return False


def is_present_perfect(verb: Token) -> bool:
    """ "has announced": a present perfect takes no past date of its own; its act is recent."""
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in ("has", "have", "'ve") for c in verb.children)


def is_pluperfect(verb: Token) -> bool:
    """ "had announced": the act lies before a past moment, not at the article's date."""
    return past_perfect(verb)


_NEAR = {"shortly", "soon", "just", "right", "immediately", "moments", "minutes"}


def near_cue(span: Span) -> bool:
    """ "shortly after 5 a.m.", "just before midnight": the bound is a near point, not a limit."""
    doc = span.doc
    for i in (span.start - 2, span.start - 3):
        if i >= span.sent.start and doc[i].lower_ in _NEAR and doc[i + 1].pos_ in ("ADP", "SCONJ", "ADV"):
            return True
    return False
