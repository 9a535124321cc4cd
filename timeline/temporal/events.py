"""Events: one per clause that a resolved date anchors, titled subject + verb + object."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from timeline.temporal.tense import span_verb
from timeline.temporal.title_lexicon import MODALS, REPORTING_VERBS
from timeline.temporal.types import OPEN_START, SET, EventCandidate, Sentence, TimeExpression

MAX_PHRASE_TOKENS = 6
MAX_TITLE_CHARS = 70
CLAUSE_DEPS = ("ccomp", "parataxis")
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
        text = _join(subtree)
    else:
        # Too long to quote whole: each conjunct as its head noun with the words right before it,
        # "Ambassador Prudence Bushnell, Joseph Kamau and two guards".
        conjuncts, joiner = _conjuncts(token)
        names = [_join(_noun_core(c, keep=3 if i == 0 else 2)) for i, c in enumerate([token] + conjuncts)]
        # Only a real coordination ("A, B and C") is listed; "X, Y" without "and"/"or" is an apposition.
        text = ", ".join(names[:-1]) + f" {joiner} " + names[-1] if joiner and len(names) <= 3 else names[0]
    if text.lower().startswith(("the ", "a ", "an ", "its ", "his ", "her ", "their ", "our ")) and " " in text:
        text = text.split(" ", 1)[1]
    return _trim_function_words(text) if text else text


def _join(tokens: list[Token]) -> str:
    """The tokens' text in order, spaced as written, with a space wherever a token was left out
    (never "BushnellJoseph"); punctuation other than hyphens and apostrophes is dropped, and so
    is a possessive "'s" whose owner is not in the phrase."""
    kept_ids = {t.i for t in tokens}
    words = [t for t in sorted(tokens, key=lambda t: t.i)
             if (not t.is_punct or t.text in ("-", "'")) and not t.is_space
             and not (t.dep_ == "case" and t.head.i not in kept_ids)]
    out = []
    for current, following in zip(words, words[1:] + [None]):
        out.append(current.text)
        if following is not None:
            out.append(current.whitespace_ and " " if following.i == current.i + 1 else " ")
    return "".join(out).strip()


def _conjuncts(token: Token) -> tuple[list[Token], str]:
    """ "A, B and C": ([B, C], "and") for A (spaCy chains them: A -> B -> C); "" when no "and"/"or"."""
    found, joiner, current = [], "", token
    for _ in range(8):
        joiner = next((c.lower_ for c in current.children if c.dep_ == "cc"), joiner)
        nxt = next((c for c in current.children if c.dep_ == "conj"), None)
        if nxt is None:
            break
        found.append(nxt)
        current = nxt
    return found, joiner


def _noun_core(noun: Token, keep: int) -> list[Token]:
    """The noun with the modifiers written right before it ("Harbor Line tunnel", "two guards")."""
    subtree = {t.i for t in noun.subtree}
    words, i = [noun], noun.i - 1
    while i >= noun.sent.start and i in subtree and len(words) <= keep:
        token = noun.doc[i]
        if token.dep_ not in ("compound", "amod", "nummod") and token.text != "-":
            break
        words.insert(0, token)
        i -= 1
    return words


def _headline_verb(verb: Token, subject: Token | None) -> str:
    """ "launched" -> "launches": headlines speak in the present; a modal stays ("will walk")."""
    negated = any(c.dep_ == "neg" for c in verb.children)
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    particle = " ".join(c.text for c in verb.children if c.dep_ == "prt")
    modal = next((MODALS[c.lower_] for c in verb.children if c.dep_ == "aux" and c.lower_ in MODALS), "")
    if modal:
        form = " ".join(w for w in (modal, "not" if negated else "", "be" if passive else "",
                                    verb.text if passive else verb.lemma_) if w)
        return f"{form} {particle}".strip()
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
        parts.append(_trim_function_words(_join(_without_time(xcomp, skip)[:MAX_PHRASE_TOKENS - 2])))
    elif (clause := next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)) is not None:
        # "tests suggest (that) a Czech-made explosive was used": what the clause is about
        inner = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS and c.pos_ != "PRON"), None)
        if inner is not None:
            parts.append(_compact(inner, skip))
    anchor = obj if obj is not None else verb
    prep = next((c for c in anchor.children if c.dep_ == "prep" and c.i > verb.i
                 and c.lower_ not in TEMPORAL_PREPOSITIONS  # "since the Oct. 7 attack" dates, it does not describe
                 and any(p.dep_ == "pobj" and p.i not in skip for p in c.children)), None)
    if prep is not None:
        pobj = next(p for p in prep.children if p.dep_ == "pobj")
        phrase = f"{prep.text} {_compact(pobj, skip)}".strip()
        if phrase != prep.text and not any(phrase in part for part in parts):  # a short object already holds its own phrase
            parts.append(phrase)
    return parts


def reported_clause(verb: Token, skip: set[int] = frozenset()) -> Token:
    """ "Officials said (that) the bomb exploded": the verb of what was reported ("exploded");
    ``verb`` itself when it reports nothing (see ``title_lexicon.REPORTING_VERBS``). A clause
    inside the time phrase ("in the days leading up to") is no report."""
    for _ in range(3):  # "X said Y told reporters that ..."
        if verb.lemma_.lower() not in REPORTING_VERBS:
            break
        clause = next((c for c in verb.children if c.dep_ in CLAUSE_DEPS and c.pos_ in ("VERB", "AUX")
                       and c.i not in skip and _has_subject(c)), None)
        if clause is None:
            break
        verb = clause
    return verb


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in (*SUBJECT_DEPS, "expl", "csubj") for c in verb.children)


def event_title(verb: Token, skip: set[int]) -> str:
    """ "Iran launched its attack on Israel on Saturday" -> "Iran launches attack on Israel";
    "officials said the bomb exploded on Friday" -> "Bomb explodes"."""
    if verb.dep_ in CLAUSE_DEPS and not _has_subject(verb) and verb.head.lemma_.lower() in REPORTING_VERBS:
        verb = verb.head  # a reported "clause" without a subject is a misparse ("account" read as a verb)
    verb = reported_clause(verb, skip)
    if any(c.dep_ == "expl" for c in verb.children) and verb.lemma_ == "be":
        return _finish_title(_object_phrase(verb, skip), verb)  # "there were no cancellations"
    if verb.dep_ == "xcomp" and verb.head is not verb and verb.head.pos_ == "VERB":
        # "has been trying to prevent a conflict": the title keeps "tries to prevent"
        main = verb.head
        subject = next((c for c in main.children if c.dep_ in SUBJECT_DEPS), None)
        parts = [_compact(subject, skip)] if subject is not None else []
        parts += [_headline_verb(main, subject), "to", verb.lemma_] + _object_phrase(verb, skip)
        return _finish_title(parts, verb)
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if (verb.dep_ == "relcl" and subject is not None and subject.pos_ == "PRON" and verb.tag_ == "VBD"
            and verb.text.endswith("ed") and not any(c.dep_ in OBJECT_DEPS for c in verb.children)):
        # "the subsidy cut it announced a week ago": the cut is what was announced
        return _finish_title([_compact(verb.head, skip), verb.text], verb)
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
    title = " ".join(" ".join(p for p in parts if p).split())
    if len(title) > MAX_TITLE_CHARS:  # cut at a word, never ending on "of the"
        title = _trim_function_words(title[: MAX_TITLE_CHARS + 1].rsplit(" ", 1)[0])
    if not title:
        return fallback_title_text(verb.sent.text)
    return title[0].upper() + title[1:]


_FUNCTION_WORDS = {"the", "a", "an", "of", "to", "in", "on", "at", "for", "with", "and", "or", "but", "by",
                   "from", "out", "his", "her", "its", "their", "our", "that", "which", "own", "through", "into",
                   "about", "over", "under", "as", "than", "after", "before", "since", "until", "during", "across",
                   "near", "per", "via", "between", "is", "are", "was", "were", "will"}


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
    return fallback_title_text(sentence.text)


def fallback_title_text(text: str) -> str:
    """The sentence's first words, at most ``MAX_TITLE_CHARS`` and cut at a word."""
    words, title = text.split(), ""
    for word in words:
        if len(title) + len(word) + 1 > MAX_TITLE_CHARS - 2:
            return title + " …"
        title = f"{title} {word}".strip()
    return title


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
