"""Events: one per clause that a resolved date anchors, titled subject + verb + object."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from timeline.temporal.tense import span_verb
from timeline.temporal.types import OPEN_START, SET, EventCandidate, Sentence, TimeExpression

MAX_PHRASE_TOKENS = 6
MAX_TITLE_CHARS = 90
SUBJECT_DEPS = ("nsubj", "nsubjpass")
OBJECT_DEPS = ("dobj", "attr", "acomp", "oprd")


def is_event_anchor(expression: TimeExpression) -> bool:
    """Dates worth an event: bounded on the past side (a FUTURE_REF still counts), not a set."""
    if expression.type == SET or expression.value in ("PRESENT_REF", "PAST_REF"):
        return False
    if expression.earliest == OPEN_START:
        return False
    return expression.type != "DURATION" or expression.earliest < expression.latest


MODIFIER_DEPS = ("prep", "npadvmod", "advmod", "conj", "cc", "appos", "relcl", "acl", "punct", "poss", "nummod")


def _without_time(token: Token, skip: set[int]) -> list[Token]:
    """The subtree of ``token`` minus every modifier that holds a time expression."""
    excluded = set(skip)
    for descendant in token.subtree:
        if descendant is not token and descendant.dep_ in MODIFIER_DEPS:
            indices = {t.i for t in descendant.subtree}
            if indices & skip:
                excluded |= indices
    return [t for t in token.subtree if t.i not in excluded]


def _compact(token: Token, skip: set[int]) -> str:
    """A short phrase for a noun: its subtree if short, else compounds + the noun (+ conjuncts)."""
    subtree = _without_time(token, skip)
    if 0 < len(subtree) <= MAX_PHRASE_TOKENS:
        words = subtree
    else:
        words = [c for c in token.children if c.dep_ in ("compound", "amod", "nummod") and c.i < token.i]
        words = words[-2:] + [token]
        for conj in (c for c in token.children if c.dep_ == "conj"):
            words += [c for c in token.children if c.dep_ == "cc"][:1]
            words += [t for t in conj.children if t.dep_ == "compound"][-1:] + [conj]
            break
    text = "".join(t.text_with_ws for t in sorted(words, key=lambda t: t.i) if not t.is_punct or t.text in "-'").strip()
    if text.lower().startswith(("the ", "a ", "an ", "its ", "his ", "her ", "their ", "our ")) and len(words) > 1:
        text = text.split(" ", 1)[1]
    return _trim_function_words(text) if text else text


def _headline_verb(verb: Token, subject: Token | None) -> str:
    """ "launched" -> "launches": headlines speak in the present."""
    negated = any(c.dep_ == "neg" for c in verb.children)
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    particle = " ".join(c.text for c in verb.children if c.dep_ == "prt")
    if passive:
        form = f"not {verb.text}" if negated else verb.text
    else:
        lemma = verb.lemma_ if verb.lemma_ != "be" else "is"
        plural = subject is not None and (subject.tag_ in ("NNS", "NNPS") or any(
            c.dep_ == "conj" for c in subject.children) or subject.lower_ in ("they", "we", "i", "you"))
        if lemma == "is":
            form = "are" if plural else "is"
        elif negated:
            form = lemma if plural else f"does not {lemma}"
        elif plural:
            form = lemma
        elif lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
            form = lemma + "es"
        elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
            form = lemma[:-1] + "ies"
        elif lemma == "have":
            form = "has"
        else:
            form = lemma + "s"
    if negated and not passive:
        if form in ("is", "are"):
            form += " not"
        elif plural:
            form = f"do not {form}"
    return f"{form} {particle}".strip()


TEMPORAL_PREPOSITIONS = {"since", "until", "till", "before", "after", "during", "by", "throughout", "ahead", "through"}


def _object_phrase(verb: Token, skip: set[int]) -> list[str]:
    """What the verb acts on: its object (or a short infinitive), then one place/goal phrase."""
    parts = []
    obj = next((c for c in verb.children if c.dep_ in OBJECT_DEPS and c.i not in skip), None)
    if obj is not None:
        parts.append(_compact(obj, skip))
    elif (xcomp := next((c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i), None)) is not None:
        parts.append(_trim_function_words(" ".join(t.text for t in _without_time(xcomp, skip)[:MAX_PHRASE_TOKENS - 2])))
    anchor = obj if obj is not None else verb
    prep = next((c for c in anchor.children if c.dep_ == "prep" and c.i > verb.i
                 and c.lower_ not in TEMPORAL_PREPOSITIONS  # "since the Oct. 7 attack" dates, it does not describe
                 and any(p.dep_ == "pobj" and p.i not in skip for p in c.children)), None)
    if prep is not None:
        pobj = next(p for p in prep.children if p.dep_ == "pobj")
        phrase = f"{prep.text} {_compact(pobj, skip)}"
        if not any(phrase in part for part in parts):  # a short object already holds its own phrase
            parts.append(phrase)
    return parts


def event_title(verb: Token, skip: set[int]) -> str:
    """ "Iran launched its attack on Israel on Saturday" -> "Iran launches attack on Israel"."""
    if verb.dep_ == "xcomp" and verb.head is not verb and verb.head.pos_ == "VERB":
        # "has been trying to prevent a conflict": the title keeps "tries to prevent"
        main = verb.head
        subject = next((c for c in main.children if c.dep_ in SUBJECT_DEPS), None)
        parts = [_compact(subject, skip)] if subject is not None else []
        parts += [_headline_verb(main, subject), "to", verb.lemma_] + _object_phrase(verb, skip)
        return _finish_title(parts, verb)
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is not None and subject.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
        subject = verb.head  # "the war that broke out": the war broke out
    elif subject is None and verb.dep_ == "acl":
        subject = verb.head  # "discussions taking place": the discussions take place
    if subject is None and verb.dep_ in ("xcomp", "conj", "advcl") and verb.head is not verb:
        subject = next((c for c in verb.head.children if c.dep_ in SUBJECT_DEPS), None)
    parts = [_compact(subject, skip)] if subject is not None else []
    parts.append(_headline_verb(verb, subject))
    return _finish_title(parts + _object_phrase(verb, skip), verb)


def _finish_title(parts: list[str], verb: Token) -> str:
    title = " ".join(p for p in parts if p).strip()[:MAX_TITLE_CHARS].rstrip()
    if not title:
        return verb.sent.text[:MAX_TITLE_CHARS]
    return title[0].upper() + title[1:]


_FUNCTION_WORDS = {"the", "a", "an", "of", "to", "in", "on", "at", "for", "with", "and", "or", "but", "by",
                   "from", "out", "his", "her", "its", "their", "our", "that", "which"}


def _trim_function_words(phrase: str) -> str:
    """ "trying to stay out of the" -> "trying to stay": a phrase cut short ends on a content word."""
    words = phrase.split()
    while len(words) > 1 and words[-1].lower() in _FUNCTION_WORDS:
        words.pop()
    return " ".join(words)


def is_imperative(verb: Token) -> bool:
    """ "Subscribe today!": a bare verb opening its sentence with no subject addresses the reader."""
    return (verb.tag_ == "VB" and verb.dep_ == "ROOT" and verb.i == verb.sent.start
            and not any(c.dep_ in SUBJECT_DEPS or c.dep_ == "aux" for c in verb.children))


def fallback_title(sentence: Sentence) -> str:
    words = sentence.text.split()
    return " ".join(words[:12]) + (" …" if len(words) > 12 else "")


def propose_events(
    sentences: Sequence[Sentence], expressions: Sequence[TimeExpression], docs: dict[int, Doc],
    metadata: Sequence[tuple[int, int]] = (),
) -> list[EventCandidate]:
    """One event per governing verb with a date; the narrowest date of that clause anchors it.

    Dates inside ``metadata`` spans (a dateline, a "Published:" line) anchor nothing, and
    neither do commands to the reader ("Subscribe today!").
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
            verb = span_verb(span) if span is not None else None
            if verb is not None and is_imperative(verb):
                continue
            verb_index = verb.i if verb is not None else -1
        by_clause.setdefault((expression.sentence, verb_index), []).append(expression)
    events = []
    for (sentence_index, verb_index), group in sorted(by_clause.items()):
        chosen = min(group, key=lambda e: ((e.latest - e.earliest).days, e.start))
        doc = docs.get(sentence_index)
        if doc is not None and verb_index >= 0:
            offset = sentences[sentence_index].start
            skip = set()
            for e in group:
                span = doc.char_span(e.start - offset, e.end - offset, alignment_mode="expand")
                if span is not None:
                    skip.update(range(span.start, span.end))
            title = event_title(doc[verb_index], skip)
        else:
            title = fallback_title(sentences[sentence_index])
        events.append(EventCandidate(sentence_index, chosen.index, title))
    return events
