"""Events: one per clause that a resolved date anchors, titled by ``titles``."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Token

from timeline.temporal.antecedents import Antecedent, find_antecedent
from timeline.temporal.attributive import only_describes
from timeline.temporal.tense import span_verb
from timeline.temporal.titles import SUBJECT_DEPS, event_title, fallback_title_text
from timeline.temporal.types import OPEN_START, SET, EventCandidate, Sentence, TimeExpression


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
) -> list[EventCandidate]:
    """One event per governing verb with a date; the narrowest date of that clause anchors it.

    Dates inside ``metadata`` spans (a dateline, a "Published:" line) anchor nothing, and
    neither do commands to the reader ("Subscribe today!") nor a date that only describes a
    thing ("the 1950s dam", see ``attributive``). ``read`` gives a sentence parsed with
    entities, for naming a pronoun subject from its sentence or the one before.
    """
    by_clause: dict[tuple[int, int], list[TimeExpression]] = {}
    for expression in expressions:
        if not is_event_anchor(expression):
            continue
        if any(start <= expression.start and expression.end <= end for start, end in metadata):
            continue
        doc = docs.get(expression.sentence)
        verb_index = -1
        if doc is not None:
            offset = sentences[expression.sentence].start
            span = doc.char_span(expression.start - offset, expression.end - offset, alignment_mode="expand")
            if span is not None and only_describes(span):
                continue  # "the 1950s earthen dam": the decade describes the dam, it dates nothing
            verb = span_verb(span) if span is not None else None
            if verb is not None and is_imperative(verb):
                continue
            verb_index = verb.i if verb is not None else -1
        by_clause.setdefault((expression.sentence, verb_index), []).append(expression)
    covered: dict[tuple[int, int], set[int]] = {}  # clause -> token indices of its date phrases
    dated: dict[int, set[int]] = {}  # sentence -> token indices of every phrase that anchors an event
    for clause, group in by_clause.items():
        if (doc := docs.get(clause[0])) is not None:
            covered[clause] = _token_indices(doc, group, sentences[clause[0]].start)
            dated.setdefault(clause[0], set()).update(covered[clause])
    events = []
    for (sentence_index, verb_index), group in sorted(by_clause.items()):
        chosen = min(group, key=lambda e: ((e.latest - e.earliest).days, e.start))
        doc = docs.get(sentence_index)
        if doc is not None and verb_index >= 0:
            skip = covered[(sentence_index, verb_index)]
            names = pronoun_names(sentence_index, read) if read is not None else None
            title = event_title(doc[verb_index], skip, dated[sentence_index] - skip, names)
        else:
            title = fallback_title(sentences[sentence_index])
        events.append(EventCandidate(sentence_index, chosen.index, title))
    return events
