"""Event titles that name the happening: subject + verb + object of the dated clause, in
headline English, from the reported clause when the verb only reports ("officials said ...").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from timeline.temporal.antecedents import Antecedent
from timeline.temporal.title_lexicon import REPORTING_VERBS
from timeline.temporal.title_verbs import headline_verb
from timeline.temporal.title_words import MAX_PHRASE_TOKENS, compact, join_tokens, trim_function_words, without_time

if TYPE_CHECKING:
    from spacy.tokens import Token

MAX_TITLE_CHARS = 70
CLAUSE_DEPS = ("ccomp", "parataxis")
SUBJECT_DEPS = ("nsubj", "nsubjpass")
OBJECT_DEPS = ("dobj", "attr", "acomp", "oprd")
# The name a pronoun subject stands for (``antecedents.find_antecedent`` with the sentences around it).
Names = Callable[["Token"], Antecedent | None]  # Token: a type only (spaCy loads on first use)


TEMPORAL_PREPOSITIONS = {"since", "until", "till", "before", "after", "during", "by", "throughout", "ahead", "through"}


def _object_phrase(verb: Token, skip: set[int]) -> list[str]:
    """What the verb acts on: its object (or a short infinitive), then one place/goal phrase."""
    parts = []
    obj = next((c for c in verb.children if c.dep_ in OBJECT_DEPS and c.i not in skip), None)
    if obj is not None:
        parts.append(compact(obj, skip))
        if (xcomp := next((c for c in verb.children if c.dep_ == "xcomp" and c.i > obj.i), None)) is not None:
            # "ordered residents to leave": what the object is to do belongs to the happening
            parts.append(trim_function_words(join_tokens(without_time(xcomp, skip)[: MAX_PHRASE_TOKENS - 2])))
    elif (xcomp := next((c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i), None)) is not None:
        parts.append(trim_function_words(join_tokens(without_time(xcomp, skip)[: MAX_PHRASE_TOKENS - 2])))
    elif (clause := next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)) is not None:
        # "tests suggest (that) a Czech-made explosive was used": what the clause is about
        inner = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS and c.pos_ != "PRON"), None)
        if inner is not None:
            parts.append(compact(inner, skip))
    anchor = obj if obj is not None else verb
    prep = next(
        (
            c
            for c in anchor.children
            if c.dep_ == "prep"
            and c.i > verb.i
            and c.lower_ not in TEMPORAL_PREPOSITIONS  # "since the Oct. 7 attack" dates, it does not describe
            and any(p.dep_ == "pobj" and p.i not in skip for p in c.children)
        ),
        None,
    )
    if prep is not None:
        pobj = next(p for p in prep.children if p.dep_ == "pobj")
        phrase = f"{prep.text} {compact(pobj, skip)}".strip()
        # A short object already holds its own phrase ("4% of their ice" has "of ice").
        if phrase != prep.text and not any(
            phrase in part or (prep.text in part.split() and pobj.text in part) for part in parts
        ):
            parts.append(phrase)
    return parts


LOOKING_AHEAD = {"will", "would", "'ll", "wo", "shall", "could", "may", "might"}


def reported_clause(verb: Token, skip: set[int] = frozenset()) -> Token:
    """ "Officials said (that) the bomb exploded": the verb of what was reported ("exploded");
    ``verb`` itself when it reports nothing (see ``title_lexicon.REPORTING_VERBS``). A clause
    inside the time phrase ("in the days leading up to") is no report."""
    for _ in range(3):  # "X said Y told reporters that ..."
        if verb.lemma_.lower() not in REPORTING_VERBS:
            break
        clause = next(
            (
                c
                for c in verb.children
                if c.dep_ in CLAUSE_DEPS and c.pos_ in ("VERB", "AUX") and c.i not in skip and _has_subject(c)
            ),
            None,
        )
        if clause is None:
            break
        verb = clause
    return verb


def _looks_ahead(verb: Token) -> bool:
    """A clause with "will", "would", "could", "may" or "plans to": it tells of a plan, not a deed."""
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in LOOKING_AHEAD for c in verb.children)


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in (*SUBJECT_DEPS, "expl", "csubj") for c in verb.children)


def event_title(
    verb: Token, skip: set[int], other_dates: set[int] | frozenset[int] = frozenset(), names: Names | None = None
) -> str:
    """ "Iran launched its attack on Israel on Saturday" -> "Iran launches attack on Israel";
    "officials said the bomb exploded on Friday" -> "Bomb explodes". When the reported clause
    carries a date of its own (``other_dates``: token indices of the sentence's other dated
    phrases), this event is the report, so its title says who reports it: "Ministry says Cuba
    will send medical aid" on the day it was said. A pronoun subject gives way to the name
    ``names`` finds for it ("it will announce" -> "World Bank will announce")."""
    if verb.lemma_ == "accord" and verb.head is not verb and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head  # "according to a report Friday": the happening is the clause reported
    if verb.dep_ in CLAUSE_DEPS and not _has_subject(verb) and verb.head.lemma_.lower() in REPORTING_VERBS:
        verb = verb.head  # a reported "clause" without a subject is a misparse ("account" read as a verb)
    reporting = verb
    verb = reported_clause(verb, skip)
    parts = _clause_parts(verb, skip, other_dates, names)
    if verb is not reporting and (other_dates & {t.i for t in verb.subtree} or _looks_ahead(verb)):
        # What was said lies ahead ("said Monday that Israel would respond"): the dated event is the
        # saying, so the title keeps who said it ("Army chief says Israel would respond").
        reporter = _outside_dateline(next((c for c in reporting.children if c.dep_ in SUBJECT_DEPS), None), reporting)
        if reporter is not None:
            who, plural = subject_phrase(reporter, skip, names)
            says = headline_verb(reporting, reporter, plural)
            if reporting.lemma_.lower() == "tell":  # "tells" needs its listener, which the title leaves out
                says = says.replace("tells", "says").replace("tell", "say")
            parts = _clause_parts(verb, skip, other_dates)  # "Greer says she could": the pronoun stays
            if parts and parts[0] in ("He", "She", "It", "They", "We"):
                parts[0] = parts[0].lower()
            parts = [who, says] + parts
    return _finish_title(parts, verb)


def subject_phrase(subject: Token, skip: set[int], names: Names | None) -> tuple[str, bool | None]:
    """The subject as a title writes it, and its number when a pronoun gave way to a name."""
    if subject.pos_ == "PRON" and names is not None and (found := names(subject)) is not None:
        return found.text, found.plural
    return compact(subject, skip), None


def _clause_parts(
    verb: Token, own: set[int], other_dates: set[int] | frozenset[int] = frozenset(), names: Names | None = None
) -> list[str]:
    """Subject, verb (headline form) and object of one clause; no phrase keeps its own date or
    another event's, unless the subject is nothing but a date ("First quarter ends"). Without
    a subject the parse can give, the clause as written (without its date)."""
    skip = own | other_dates
    if any(c.dep_ == "expl" for c in verb.children) and verb.lemma_ == "be":
        return _object_phrase(verb, skip)  # "there were no cancellations"
    if verb.dep_ == "xcomp" and verb.head is not verb and verb.head.pos_ == "VERB":
        # "has been trying to prevent a conflict": the title keeps "tries to prevent"
        main = verb.head
        subject = _agent(main)
        if subject is None:
            return [as_written(main, skip)]
        who, plural = subject_phrase(subject, skip, names)
        # "ordered residents to leave": the main verb's object stays ("order residents to leave")
        obj = next((c for c in main.children if c.dep_ in OBJECT_DEPS and c.i < verb.i and c.i not in skip), None)
        parts = [who, headline_verb(main, subject, plural)] + ([compact(obj, skip)] if obj is not None else [])
        acted_on = _object_phrase(verb, skip)
        if not acted_on and any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children):
            return parts  # its object was a time phrase: "tries to prevent" would dangle
        if not acted_on and main.dep_ in ("acl", "relcl") and subject is not None and main.head.pos_ == "NOUN":
            # "a conflict (that) the United States has been trying to prevent": the noun is the object
            acted_on = [compact(main.head, skip | {t.i for t in main.subtree})]
        # "will stop taking patients" keeps its gerund: "stop to take" would mean something else
        return parts + ([verb.text] if verb.tag_ == "VBG" else ["to", verb.lemma_]) + acted_on
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if (
        verb.dep_ == "relcl"
        and subject is not None
        and subject.pos_ == "PRON"
        and verb.tag_ == "VBD"
        and verb.text.endswith("ed")
        and not any(c.dep_ in OBJECT_DEPS for c in verb.children)
    ):
        # "the subsidy cut it announced a week ago": the cut is what was announced
        return [compact(verb.head, own), verb.text]
    if subject is not None and subject.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
        subject = verb.head  # "the war that broke out": the war broke out
    elif subject is None:
        subject = _agent(verb)
    subject = _outside_dateline(subject, verb)
    if subject is None:  # "Leaves Pakistan" names nobody: the clause as written, without its date
        return [as_written(verb, skip)]
    plural = None
    if {t.i for t in subject.subtree} & skip - own:  # a date as subject: "Easter falls"
        parts = [compact(subject, own)]
    else:
        who, plural = subject_phrase(subject, skip, names)
        parts = [who]
    spent = next((c for c in verb.children if c.dep_ == "xcomp" and c.tag_ == "VBG"), None)
    if spent is not None and any(c.dep_ in ("dobj", "npadvmod") and c.i in skip for c in verb.children):
        verb = spent  # "spent Sunday trying to stay out": the happening is the trying
    parts.append(headline_verb(verb, subject, plural))
    return parts + _object_phrase(verb, skip)


def _in_phrase(token: Token, noun: Token) -> bool:
    """Whether ``token`` is no noun, or one naming ``noun`` again ("her album, 'Loom and Spindle',")."""
    while token.pos_ in ("NOUN", "PROPN") and token.i != noun.i and token.dep_ in ("appos", "conj", "compound"):
        token = token.head
    return token.i == noun.i or token.pos_ not in ("NOUN", "PROPN")


def as_written(verb: Token, skip: set[int]) -> str:
    """The clause as written without its date: "compared with 44.9% in 2023" -> "compared with 44.9%"."""
    dropped = {t.i for t in verb.subtree if t.dep_ == "prep" and {c.i for c in t.children} <= skip and t.n_rights}
    return trim_function_words(join_tokens([t for t in verb.subtree if t.i not in skip | dropped]))


def _agent(verb: Token) -> Token | None:
    """Who does what a subjectless clause tells, when the parse says it: the subject of the clause
    it continues ("... and hopes to win", "..., prompting"), the noun a participle describes
    ("discussions taking place", "the peace process, set to resume"). Never through a
    preposition ("suspected of blowing up" is no deed of the suspects)."""
    for _ in range(3):
        subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None:
            return subject
        if verb.dep_ == "acl" and all(_in_phrase(t, verb.head) for t in verb.doc[verb.head.i + 1 : verb.i]):
            return verb.head  # not across another noun: "an attempt to undermine the process, set to resume"
        if verb.dep_ not in ("xcomp", "conj", "advcl") or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


DATELINE_DASHES = ("—", "–", "--", "-", "_")


def _dateline_end(verb: Token) -> int:
    """Index of the dash closing a dateline that opens the sentence ("BANGOR, Maine (AP) —"), or -1."""
    sent = verb.sent
    first = sent[0]
    if not (first.is_upper and sum(ch.isalpha() for ch in first.text) >= 2):
        return -1
    return next((t.i for t in sent[:12] if t.text in DATELINE_DASHES and t.is_punct), -1)


def _outside_dateline(subject: Token | None, verb: Token) -> Token | None:
    """The parser often makes the dateline's city the subject ("BANGOR work"): take the verb's
    other subject, or what the city was put in apposition to ("ZURICH — Glaciers ..."), or none."""
    end = _dateline_end(verb)
    if subject is None or end < 0 or subject.i > end:
        return subject
    other = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i > end), None)
    return other or next((t for t in subject.subtree if t.dep_ == "appos" and t.i > end), None)


def _finish_title(parts: list[str], verb: Token) -> str:
    title = " ".join(" ".join(p for p in parts if p).split())
    if len(title) > MAX_TITLE_CHARS:  # cut at a word, never ending on "of the"
        title = trim_function_words(title[: MAX_TITLE_CHARS + 1].rsplit(" ", 1)[0])
    if title.endswith(" to"):  # "Hearings expected to": an infinitive whose verb was a time word
        title = title[:-3]
    if not title:
        return fallback_title_text(verb.sent.text)
    return title[0].upper() + title[1:]


def fallback_title_text(text: str) -> str:
    """The sentence's first words, at most ``MAX_TITLE_CHARS`` and cut at a word."""
    words, title = text.lstrip(" -–—•*").split(), ""  # a list item's bullet is no word
    for word in words:
        if len(title) + len(word) + 1 > MAX_TITLE_CHARS - 2:
            return title + " …"
        title = f"{title} {word}".strip()
    return title
