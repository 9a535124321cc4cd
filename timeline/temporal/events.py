"""Events: one per clause that a resolved date anchors, titled by ``titles``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from timeline.temporal.anchor_reading import (
    is_pluperfect,
    is_present_perfect,
    modifies_directly,
    near_cue,
    time_cue,
)
from timeline.temporal.anchoring import AT, Anchoring, ClauseTime, anchor, preference, range_value
from timeline.temporal.antecedents import Antecedent, find_antecedent
from timeline.temporal.attributive import only_describes
from timeline.temporal.resolve.context import FUTURE
from timeline.temporal.tense import reporting_verb_before, span_verb, verb_reading
from timeline.temporal.titles import SUBJECT_DEPS, event_title, fallback_title_text
from timeline.temporal.types import OPEN_START, SET, EventCandidate, Sentence, TimeExpression

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


def is_event_anchor(expression: TimeExpression) -> bool:
    """Dates worth an event: bounded on the past side (a FUTURE_REF still counts), not a set."""
    if expression.type == SET or expression.value in ("PRESENT_REF", "PAST_REF"):
        return False
    if expression.earliest == OPEN_START:
        return False
    return expression.type != "DURATION" or expression.earliest < expression.latest


def is_imperative(verb: Token) -> bool:
    """ "Subscribe today!": a bare verb opening its sentence with no subject addresses the reader."""
    return (
        verb.tag_ == "VB"
        and verb.dep_ == "ROOT"
        and verb.i == verb.sent.start
        and not any(c.dep_ in SUBJECT_DEPS or c.dep_ == "aux" for c in verb.children)
    )


def fallback_title(sentence: Sentence) -> str:
    return fallback_title_text(sentence.text)


def pronoun_names(index: int, read: Callable[[int], Doc | None]) -> Callable[[Token], Antecedent | None]:
    """Who a pronoun subject of sentence ``index`` stands for: that sentence, then the one before."""
    return lambda pronoun: find_antecedent(pronoun, read(index), read(index - 1))


def _token_indices(doc: Doc, expressions: Sequence[TimeExpression], offset: int) -> set[int]:
    """The doc's token indices the expressions cover."""
    covered: set[int] = set()
    for e in expressions:
        span = doc.char_span(e.start - offset, e.end - offset, alignment_mode="expand")
        if span is not None:
            covered.update(range(span.start, span.end))
    return covered


def propose_events(
    sentences: Sequence[Sentence],
    expressions: Sequence[TimeExpression],
    docs: dict[int, Doc],
    metadata: Sequence[tuple[int, int]] = (),
    read: Callable[[int], Doc | None] | None = None,
    dct: date | None = None,
    refused: set[int] | None = None,
) -> list[EventCandidate]:
    """One event per governing verb with a date, dated by the time that governs it (``anchoring``).

    Dates inside ``metadata`` spans (a dateline, a "Published:" line) anchor nothing, and
    neither do commands to the reader ("Subscribe today!") nor a date that only describes a
    thing ("the 1950s dam", see ``attributive``). ``read`` gives a sentence parsed with
    entities, for naming a pronoun subject from its sentence or the one before. A clause whose
    times cannot date it truthfully (a report before an undated past, "by Wednesday" with no
    start) gives no event, and its sentence goes into ``refused`` when given.
    """
    by_clause: dict[tuple[int, int], list[tuple[TimeExpression, ClauseTime | None]]] = {}
    for expression in expressions:
        if not is_event_anchor(expression):
            continue
        if any(start <= expression.start and expression.end <= end for start, end in metadata):
            continue
        doc = docs.get(expression.sentence)
        verb_index, reading = -1, None
        if doc is not None:
            offset = sentences[expression.sentence].start
            span = doc.char_span(expression.start - offset, expression.end - offset, alignment_mode="expand")
            if span is not None and only_describes(span):
                continue  # "the 1950s earthen dam": the decade describes the dam, it dates nothing
            verb = span_verb(span) if span is not None else None
            if verb is not None and is_imperative(verb):
                continue
            verb_index = verb.i if verb is not None else -1
            if span is not None and verb is not None:
                reading = clause_time(span, verb, expression)
        by_clause.setdefault((expression.sentence, verb_index), []).append((expression, reading))
    covered: dict[tuple[int, int], set[int]] = {}  # clause -> token indices of its date phrases
    dated: dict[int, set[int]] = {}  # sentence -> token indices of every phrase that anchors an event
    for clause, group in by_clause.items():
        if (doc := docs.get(clause[0])) is not None:
            covered[clause] = _token_indices(doc, [e for e, _ in group], sentences[clause[0]].start)
            dated.setdefault(clause[0], set()).update(covered[clause])
    events = []
    for (sentence_index, verb_index), group in sorted(by_clause.items()):
        chosen, reading = min(group, key=_preference)
        anchoring = anchor(reading, dct) if reading is not None and dct is not None else None
        if anchoring is not None and (anchoring.earliest is None or anchoring.latest is None):
            if refused is not None:
                refused.add(sentence_index)
            continue
        doc = docs.get(sentence_index)
        trigger = (-1, -1)
        if doc is not None and verb_index >= 0:
            skip = covered[(sentence_index, verb_index)]
            names = pronoun_names(sentence_index, read) if read is not None else None
            title = event_title(doc[verb_index], skip, dated[sentence_index] - skip, names)
            verb_start = sentences[sentence_index].start + doc[verb_index].idx
            trigger = (verb_start, verb_start + len(doc[verb_index].text))
        else:
            title = fallback_title(sentences[sentence_index])
        events.append(_candidate(sentence_index, chosen, title, trigger, anchoring))
    return events


def clause_time(span: Span, verb: Token, expression: TimeExpression) -> ClauseTime:
    """The parse's facts about one time of a clause, as plain values for the policy."""
    direction = verb_reading(verb)[0]
    return ClauseTime(
        verb=verb.text,
        verb_lemma=verb.lemma_.lower(),
        phrase=expression.text,
        cue=time_cue(span),
        direct=_said_on(span, verb) or modifies_directly(span, verb),
        looks_ahead=direction == FUTURE,
        pluperfect=is_pluperfect(verb),
        present_perfect=is_present_perfect(verb),
        simple_past=verb.tag_ == "VBD",
        within_day=expression.granularity in ("time", "part_of_day"),
        near=near_cue(span),
        earliest=expression.earliest,
        latest=expression.latest,
    )


def _said_on(span: Span, verb: Token) -> bool:
    """ "said Tuesday": a date right after a reporting verb is its date, unless it opens a noun
    phrase ("reported third-quarter income")."""
    said = reporting_verb_before(span)
    describes = span.root.dep_ in ("amod", "compound", "nmod", "poss") and span.root.head.i >= span.end
    return said is not None and said.i == verb.i and not describes


def _preference(item: tuple[TimeExpression, ClauseTime | None]) -> tuple[int, int, int, int]:
    expression, reading = item
    if reading is None:  # no parse: the narrowest date, as the words alone allow
        return (0, 0, (expression.latest - expression.earliest).days, expression.start)
    return (*preference(reading), expression.start)


def _candidate(
    sentence: int, expression: TimeExpression, title: str, trigger: tuple[int, int], anchoring: Anchoring | None
) -> EventCandidate:
    if anchoring is None:
        return EventCandidate(
            sentence,
            expression.index,
            title,
            trigger_start=trigger[0],
            trigger_end=trigger[1],
            relation=AT,
            reason="no parse: the clause's narrowest date",
        )
    own = (anchoring.earliest, anchoring.latest) != (expression.earliest, expression.latest)
    value, granularity = range_value(anchoring) if own else (expression.value, expression.granularity)
    return EventCandidate(
        sentence,
        expression.index,
        title,
        trigger_start=trigger[0],
        trigger_end=trigger[1],
        relation=anchoring.relation,
        reason=anchoring.reason,
        earliest=anchoring.earliest if own else None,
        latest=anchoring.latest if own else None,
        value=value if own else "",
        granularity=granularity if own else "",
    )
