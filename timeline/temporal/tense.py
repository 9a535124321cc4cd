"""Which way a clause points in time, read from its governing verb."""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from timeline.temporal.reporting import PRESENT_STATE_REPORTING
from timeline.temporal.resolve.context import FUTURE, PAST, SCHEDULED, UNKNOWN
from timeline.temporal.title_lexicon import REPORTING_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

FUTURE_AUX = {"will", "'ll", "shall", "wo", "ll"}
FORWARD_MODALS = {"could", "may", "might", "should", "must", "can", "would", "'d"}
SCHEDULING_VERBS = {"expect", "schedule", "set", "plan", "due", "slate", "poise", "intend", "aim", "prepare"}
# Participles that put what they modify ahead ("4 inches expected by Wednesday"); "set" is not one
# of them ("the record high set on Aug. 6").
SCHEDULING_PARTICIPLES = {"expect", "schedule", "slate", "plan", "forecast", "project", "due"}
VERB_POS = {"VERB", "AUX"}
# Verbs of intention: a past "hoped/planned to release it Tuesday" still reports a plan ahead.
INTENTION_VERBS = {
    "hope",
    "plan",
    "intend",
    "aim",
    "expect",
    "want",
    "seek",
    "try",
    "promise",
    "pledge",
    "vow",
    "agree",
    "decide",
    "schedule",
    "propose",
    "prepare",
    "threaten",
    "wish",
    "mean",
    "set",
}
INTENTION_PAST_FORMS = {
    "hoped",
    "planned",
    "intended",
    "aimed",
    "expected",
    "wanted",
    "sought",
    "tried",
    "promised",
    "pledged",
    "vowed",
    "agreed",
    "decided",
    "scheduled",
    "proposed",
    "prepared",
    "threatened",
    "wished",
    "meant",
    "set",
}
# Present-tense verbs that predict: what they govern lies ahead ("Forecasters expect rain before Thursday").
FORECAST_VERBS = {"expect", "forecast", "predict", "anticipate", "project"}
# Present-tense verbs that describe a state or a report rather than a scheduled event.
STATIVE_OR_REPORTING = frozenset({
    "be", "have", "show", "know", "think", "believe", "remain", "seem", "appear", "mean", "include", "contain",
    "need", "want", "hope", "fear", "expect", "estimate",
}) | PRESENT_STATE_REPORTING  # fmt: skip


def governing_verb(token: Token) -> Token | None:
    """The nearest verb above ``token`` in the dependency tree (the clause it belongs to)."""
    current = token
    for _ in range(32):  # trees are shallow; the bound guards against cycles in odd parses
        if current.pos_ in VERB_POS and current.dep_ not in ("aux", "auxpass"):
            return current
        if current.head is current:
            return None
        current = current.head
    return None


def verb_reading(verb: Token) -> tuple[str, bool, str]:
    """(direction, inherited, reason): ``inherited`` when an untensed verb took it from the clause above."""
    inherited = False
    for step in range(6):
        aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        aux_words = {a.lower_ for a in aux}
        if aux_words & FUTURE_AUX:
            return FUTURE, inherited, "has 'will'"
        if "going" in aux_words and any(a.lower_ == "to" for a in aux):
            return FUTURE, inherited, "has 'going to'"
        if (
            verb.lemma_ in SCHEDULING_VERBS
            and (verb.tag_ == "VBN" or verb.tag_ in ("VBZ", "VBP"))
            and any(c.dep_ == "xcomp" for c in verb.children)
        ):
            return FUTURE, inherited, "schedules ('expected to', 'set to')"
        if aux_words & FORWARD_MODALS and aux_words & {"have", "'ve"}:
            return PAST, inherited, "is a modal perfect ('may have been': looks back)"
        if aux_words & FORWARD_MODALS:
            return FUTURE, inherited, "has a forward-looking modal"
        if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in aux):
            return PAST, inherited, "is in the past tense"
        if aux_words & {"has", "have", "had", "'ve"}:
            return PAST, inherited, "is perfect (looks back)"
        if verb.tag_ == "VBG" and aux_words & {"is", "are", "'re", "am"}:
            return FUTURE, inherited, "is present progressive (schedules)"  # "is meeting Friday"
        if verb.tag_ == "VBP" and any(
            c.dep_ == "nsubj" and c.tag_ in ("NN", "NNP") and not any(x.dep_ == "conj" for x in c.children)
            for c in verb.children
        ):
            # "Weakness hurt the index": a singular subject with a bare form means a past like "hurt", "cut", "set"
            return PAST, inherited, "is a past form (its singular subject rules out the present)"
        if (
            verb.tag_ == "VBN"
            and verb.dep_ in ("acl", "amod")
            and not aux_words
            and verb.lemma_ in SCHEDULING_PARTICIPLES
        ):
            return FUTURE, inherited, "is a scheduling participle ('expected by Wednesday')"
        if verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod") and not aux_words:
            return PAST, inherited, "is a past participle ('the year ended March 31')"
        if (
            step == 0
            and verb.lemma_ == "be"
            and verb.tag_ in ("VBZ", "VBP")
            and not aux_words
            and any(c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") for c in verb.children)
        ):
            return SCHEDULED, inherited, "is a present copula with a noun subject ('the vote is on Monday')"
        if verb.tag_ in ("VBZ", "VBP") and verb.lemma_ in FORECAST_VERBS and not aux_words:
            return FUTURE, inherited, "forecasts in the present ('forecasters expect rain before Thursday')"
        if step == 0 and verb.tag_ in ("VBZ", "VBP") and verb.lemma_ not in STATIVE_OR_REPORTING and not aux_words:
            return SCHEDULED, inherited, "is simple present (timetable)"  # "expires on Dec. 31"
        if (
            verb.tag_ == "VB"
            and verb.dep_ == "ROOT"
            and not aux_words
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
        ):
            return FUTURE, inherited, "is an imperative ('call me Friday')"
        if verb.tag_ == "VB" and "to" in aux_words:
            # "hoped to release it Tuesday" is firm; "offers to acquire ... Friday" (a noun's infinitive) is not,
            # nor is one under a past verb that is not an intention ("ordered residents to leave on March 11":
            # after the order, which is past, so not necessarily ahead of the article's date).
            if _under_past_verb(verb) and not _intends(verb.head):
                return FUTURE, True, "is a 'to'-infinitive under a past verb (after that past, not surely ahead)"
            if past_perfect(verb.head):  # "had been scheduled to expire Friday": a plan made before a past
                return FUTURE, True, "is a 'to'-infinitive under a past perfect (a plan that may be past)"
            return (
                FUTURE,
                inherited or not (verb.dep_ == "xcomp" and verb.head.pos_ in VERB_POS),
                "is a 'to'-infinitive",
            )
        if verb.tag_ in ("VB", "VBG", "VBN") and verb.head is not verb:
            above = governing_verb(verb.head)  # untensed: the clause above sets the time
            if above is None or above is verb:
                return UNKNOWN, True, "has no tense"
            # "will stop taking patients Friday": a verb's own complement shares its time firmly;
            # reached through a noun ("offers to acquire it Friday") the reading is only inherited
            inherited = inherited or not (verb.dep_ == "xcomp" and verb.head == above)
            verb = above
            continue
        return UNKNOWN, inherited, "has no tense"
    return UNKNOWN, True, "has no tense"


def _intends(verb: Token) -> bool:
    # The small model mislemmatises some past forms ("hoped" -> "hop"), so the written form counts too.
    return verb.lemma_ in INTENTION_VERBS or verb.lower_ in INTENTION_PAST_FORMS


def _under_past_verb(infinitive: Token) -> bool:
    """True when the verb a 'to'-infinitive completes is in the past tense ("ordered them to leave")."""
    head = infinitive.head
    if head is infinitive or head.pos_ not in VERB_POS:
        return False
    return head.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in head.children)


def past_perfect(verb: Token) -> bool:
    """True for "had planned", "had been scheduled": the pluperfect places the plan before a past point."""
    return verb.pos_ in VERB_POS and any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in verb.children)


def reporting_verb_before(span: Span) -> Token | None:
    """ "said Tuesday it will close", "announced on Monday that": in news copy a date right after a
    past reporting verb dates the report, however the parser attached it."""
    doc = span.doc
    i = span.start - 1
    if i >= 0 and doc[i].lower_ == "on":
        i -= 1
    if i >= 0 and doc[i].tag_ in ("VBD", "VBN") and doc[i].lemma_.lower() in REPORTING_VERBS:
        return doc[i]
    return None


def span_verb(span: Span) -> Token | None:
    """The verb governing a time phrase ("leading" inside "the days leading up to" does not count)."""
    reporting = reporting_verb_before(span)
    if reporting is not None:
        return reporting
    root = span.root
    if root.pos_ in VERB_POS and root.head is not root:
        root = root.head
    return governing_verb(root)


_FUTURE_CUE = regex.compile(
    r"(?i)\b(?:will|won't|shall|'ll|going\s+to|expected\s+to|scheduled\s+to|set\s+to|due\s+to|plans?\s+to|could|would|may|might)\b"
)
_PAST_CUE = regex.compile(
    r"(?i)\b(?:was|were|had|did|said|told|met|went|came|took|made|began|broke|left|held|\w{3,}ed)\b"
)


def text_direction(clause_before: str) -> str:
    """Fallback without a parse: the nearest tense cue before the expression wins."""
    future = [m.end() for m in _FUTURE_CUE.finditer(clause_before)]
    past = [m.end() for m in _PAST_CUE.finditer(clause_before)]
    if not future and not past:
        return UNKNOWN
    return FUTURE if max(future, default=-1) > max(past, default=-1) else PAST
