"""Which way a date points, from several pieces of evidence, and why (for people to read).

The governing verb's tense is one witness among several: a possessive ("Thursday's
closing price") or an attributive date ("the Feb. 23 accord") names a day already
known, a reporting verb ("said Friday") reports a past act, a scheduling word just
before the date ("payable Dec. 7", "effective Feb. 1") looks ahead. Evidence is *firm*
when the tensed verb itself governs the date; inherited through an infinitive or a
noun phrase it is not, and resolvers then let the distance from the DCT decide.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from timeline.temporal.lexicon import MONTHS
from timeline.temporal.reporting import DATED_REPORTING
from timeline.temporal.resolve.context import FUTURE, PAST, UNKNOWN
from timeline.temporal.tense import FORECAST_VERBS, reporting_verb_before, span_verb, text_direction, verb_reading

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

WEAK, CLAUSE, FIRM = 0, 1, 2


@dataclass(frozen=True)
class Direction:
    value: str  # PAST, FUTURE, SCHEDULED or UNKNOWN
    strength: int  # 0 weak, 1 a tensed clause, 2 the tensed verb governs the date itself (or a cue)
    evidence: str  # one sentence for people

    @property
    def firm(self) -> bool:
        return self.strength == FIRM


@dataclass(frozen=True)
class Cue:
    """A word whose presence decides a direction, with a sentence showing it."""

    word: str
    direction: str
    example: str  # a sentence with the date as the last capitalised weekday or month-day
    expected: str  # the value the example's date must resolve to (DCT 2024-04-13, a Saturday)


# Words just before a date that schedule it: the date is a due date, not a report.
SCHEDULING_CUES: tuple[Cue, ...] = (
    Cue("payable", FUTURE, "The board declared a dividend payable May 1.", "2024-05-01"),
    Cue("effective", FUTURE, "The board named a new chief, effective Jan. 2.", "2025-01-02"),
    Cue("due", FUTURE, "Payment was agreed, due June 30.", "2024-06-30"),
    Cue("deadline", FUTURE, "Bidders were given a deadline of May 10.", "2024-05-10"),
    Cue("expires", FUTURE, "The offer, which was extended, expires May 3.", "2024-05-03"),
    Cue("expiring", FUTURE, "They bought options expiring June 21.", "2024-06-21"),
    Cue("record", FUTURE, "The split went to holders of record May 2.", "2024-05-02"),
    Cue("starting", FUTURE, "The firm said the plan applies starting Monday.", "2024-04-15"),
    Cue("beginning", FUTURE, "Officials said the curfew applies beginning Tuesday.", "2024-04-16"),
    Cue("soon", FUTURE, "A vote could come as soon as Thursday.", "2024-04-18"),  # the earliest it may come
)
# Verbs that report: the date says when the report was made, which is past in news copy.
REPORTING_VERBS: tuple[Cue, ...] = tuple(Cue(r.lemma, PAST, *r.dated_example) for r in DATED_REPORTING)
SCHEDULING_WORDS = {c.word for c in SCHEDULING_CUES}
# "set Nov. 10 as the deadline": the date is what was named, not when the naming happened.
NAMED_AS_NOUNS = {"deadline", "date", "target", "day", "cutoff", "cut-off"}
REPORTING_LEMMAS = {c.word for c in REPORTING_VERBS}
# Dependencies by which a date hangs directly on its verb (not inside a noun phrase).
# An object ("set Nov. 10 as the deadline") or an end point ("extended to Nov. 16") does not
# say when the verb happened, so it is not firm evidence.
ADVERBIAL_DEPS = {"npadvmod", "tmod", "advmod", "obl", "nmod:tmod"}
END_POINT_PREPOSITIONS = {"to", "until", "till", "through", "into", "by"}


def span_evidence(span: Span) -> Direction:
    """Weigh the evidence around a parsed date phrase."""
    doc = span.doc
    before = [t.lower_ for t in doc[max(0, span.start - 2) : span.start]]
    cue = next((w for w in reversed(before) if w in SCHEDULING_WORDS), None)
    if cue is not None:
        return Direction(FUTURE, FIRM, f"scheduling word '{cue}' before the date: a date ahead")
    following = doc[span.end] if span.end < len(doc) else None
    if (
        following is not None
        and following.lower_ == "as"
        and span.end + 2 < len(doc)
        and (doc[span.end + 2].lower_ in NAMED_AS_NOUNS or doc[span.end + 1].lower_ in NAMED_AS_NOUNS)
    ):
        return Direction(
            UNKNOWN,
            WEAK,
            "date named as a deadline ('set Nov. 10 as the deadline'): the verb's "
            "tense says when it was set, not the date; nearest occurrence",
        )
    if following is not None and following.tag_ == "POS" or span.root.dep_ == "poss":
        return Direction(PAST, WEAK, "possessive ('Thursday's closing price'): a day already known")
    head = span.root.head
    if (
        head.lower_ == "for"
        and span.root.dep_ == "pobj"
        and head.head.pos_ in ("NOUN", "PROPN")
        and (span.root.lower_.rstrip(".") in MONTHS or span.root.lower_ in ("quarter", "half"))
    ):  # "figures for January", "profits for the fourth quarter" label a period; "a strike for Wednesday" schedules a day
        return Direction(UNKNOWN, WEAK, f"'{head.head.text} for {span.text}': a period's label, nearest occurrence")
    if head.lower_ == "for" and span.root.dep_ == "pobj":
        return Direction(FUTURE, FIRM, "'for' + date: set for a day ahead")
    if head.lower_ == "since" or (head.head.lower_ == "since" and head.dep_ == "pobj"):
        return Direction(PAST, FIRM, "'since' + date looks back")
    if span.root.dep_ in ("compound", "amod", "nmod") and head.pos_ in ("NOUN", "PROPN"):
        return Direction(UNKNOWN, WEAK, f"attributive date ('{span.text} {head.text}'): nearest occurrence")
    verb = span_verb(span)
    deadline = head.lower_ == "by" and span.root.dep_ == "pobj"
    if verb is None:
        if deadline:
            return Direction(FUTURE, CLAUSE, "'by' + date and no tensed verb: a deadline ahead")
        return Direction(UNKNOWN, WEAK, "no governing verb: no direction")
    right_after = verb == reporting_verb_before(span)  # span_verb already chose it: "said Tuesday it will ..."
    if verb.lemma_ in REPORTING_LEMMAS and verb.tag_ in ("VBD", "VBN") or right_after:
        if right_after or _hangs_on(span, verb):
            return Direction(PAST, FIRM, f"reporting verb '{verb.text}': the report is past")
        # "told oil companies of a cutback in September": the date is inside what was reported.
        return Direction(
            PAST, WEAK, f"inside what '{verb.text}' reports: the report is past, its content need not be; loosely past"
        )
    value, inherited, reason = verb_reading(verb)
    if value == UNKNOWN:
        if deadline:  # "want a decision by Friday"
            return Direction(FUTURE, CLAUSE, f"'by' + date and '{verb.text}' has no tense: a deadline ahead")
        return Direction(UNKNOWN, WEAK, f"'{verb.text}' has no tense: no direction")
    if inherited:
        return Direction(value, WEAK, f"verb '{verb.text}' {reason}, read from the clause above")
    if _hangs_on(span, verb) or (value == FUTURE and verb.lemma_ in FORECAST_VERBS):
        # A forecast governs its whole clause: "expect two inches of rain before Thursday".
        return Direction(value, FIRM, f"verb '{verb.text}' {reason} and governs the date")
    root = span.sent.root
    # A reporting main verb ("..., officials said") does not set the time of what it reports.
    if root != verb and root.pos_ in ("VERB", "AUX") and root.lemma_ not in REPORTING_LEMMAS:
        main, _, main_reason = verb_reading(root)
        if main not in (value, UNKNOWN):  # "glossed over warnings on Thursday that strikes could ..."
            return Direction(
                main,
                WEAK,
                f"the date hangs on a noun; main verb '{root.text}' {main_reason}, "
                f"'{verb.text}' {reason}: the main verb decides, loosely",
            )
    words = text_direction(span.doc[span.sent.start : span.start].text) if verb.i >= span.end else UNKNOWN
    if words not in (value, UNKNOWN):  # a verb after the date disagrees with the words before it: a misparse
        return Direction(
            words,
            WEAK,
            f"the date hangs on a noun; '{verb.text}' {reason} but the tense words "
            f"before the date read {words}: loosely {words}",
        )
    return Direction(value, CLAUSE, f"verb '{verb.text}' {reason}; the date hangs on a noun or end point")


def _hangs_on(span: Span, verb: Token) -> bool:
    """True when the date modifies the verb itself (directly or through one preposition)."""
    root = span.root
    if root.head == verb and root.dep_ in ADVERBIAL_DEPS:
        return True
    head = root.head  # spaCy builds Token objects on demand: compare with ==, never "is"
    return (
        root.dep_ == "pobj" and head.dep_ == "prep" and head.head == verb and head.lower_ not in END_POINT_PREPOSITIONS
    )


def explicit(value: str) -> Direction:
    """The caller's override ("prefer past/future") is firm by definition."""
    return Direction(value, FIRM, f"direction set by the caller: {value}")


def from_text(value: str) -> Direction:
    """The word-level fallback without a parse is never firm."""
    if value == UNKNOWN:
        return Direction(UNKNOWN, WEAK, "no parse and no tense cue: nearest occurrence")
    return Direction(value, CLAUSE, f"nearest tense word before the date reads {value} (no parse)")
