"""What the statistical model reads, and with which components: no more than the answers need.

The model is most of the engine's cost. Its parse (tagger, parser, lemmas) serves the
direction of an expression and the title of its event, so only sentences a rule matched
in are parsed. Its named entities add only what ``resolve_entity_text`` keeps: a DATE or
TIME entity that overlaps no rule match and names a month or a weekday (``DATE_LIKE``).
So the entity recogniser (a third of the model's time, with its own token vectors) runs
only on sentences that hold such a name outside every rule match, and a sentence
holding neither a rule match nor such a name is not read by the model at all. The
answers are exactly those of the full pipeline on every sentence (benchmarks/answers.py
--against-full-pipeline checks it on the gold sets and TimeBank).

The contract this rests on: direction, anchoring and events read the parse of an
expression's own sentence only. Code that wants another sentence's parse (a paragraph's
tense, say) must add that sentence to ``plan_parse`` first. One exception, after every
answer is made: an event title whose subject is a pronoun reads its own sentence and the one
before with entities (``OnDemand``), to name who the pronoun stands for.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

import regex

from timeline.temporal.detect import Candidate, has_time_trigger
from timeline.temporal.rules.fragments import MONTH, MONTH_OR_WEEKDAY_NAME, WEEKDAY
from timeline.temporal.segment import sentence_index_at
from timeline.temporal.types import Sentence

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

ENTITY_RECOGNISER = "ner"
MAX_PARSED_SENTENCE_CHARS = 2_000
# A model entity no rule matched is kept only when it names a month or a weekday: digits
# alone ("2024-13-01") must not become 13 January.
DATE_LIKE = regex.compile(rf"{MONTH}|{WEEKDAY}")
# Matches wherever DATE_LIKE can match inside any part of a sentence (same names, without
# the context checks that a part cut from its sentence no longer sees).
_NAME = regex.compile(MONTH_OR_WEEKDAY_NAME)

Key = TypeVar("Key")


class SpanIndex:
    """Answers "does [start, end) overlap any of these spans?" in O(log n)."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [start for start, _ in ordered]
        self.max_end: list[int] = []
        for _, end in ordered:
            self.max_end.append(max(end, self.max_end[-1]) if self.max_end else end)

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_left(self.starts, end)  # spans starting before ``end``
        return i > 0 and self.max_end[i - 1] > start


@dataclass(frozen=True)
class ParsePlan:
    """Sentence indices the model reads (``parse``) and, among them, those it tags entities in."""

    parse: list[int]
    entities: frozenset[int]


def plan_parse(text: str, sentences: Sequence[Sentence], candidates: Sequence[Candidate]) -> ParsePlan:
    """Sentences a rule matched in, plus those naming a month or weekday outside every rule match
    (among the sentences holding a time word at all, as before: the answers must not change).

    A "sentence" of thousands of characters is a table, a list or hostile input, not prose:
    the parse would cost seconds and tell nothing; the rules and the word-level tense
    heuristic handle it.
    """
    ruled = {sentence_index_at(sentences, c.start) for c in candidates}
    rule_spans = SpanIndex([(c.start, c.end) for c in candidates])
    entities = set()
    for sentence in sentences:
        if not has_time_trigger(sentence.text):
            continue
        for name in _NAME.finditer(text, sentence.start, sentence.end):
            if not rule_spans.overlaps(name.start(), name.end()):
                entities.add(sentence.index)
                break
    short = {s.index for s in sentences if s.end - s.start <= MAX_PARSED_SENTENCE_CHARS}
    return ParsePlan(sorted((ruled | entities) & short), frozenset(entities & short))


def with_sentences(plan: ParsePlan, indices: Iterable[int]) -> ParsePlan:
    """``plan`` with these sentences parsed too (no entities: they add no time expression)."""
    return ParsePlan(sorted(set(plan.parse) | set(indices)), plan.entities)


def without_entities(nlp: Language) -> list[str]:
    """The ``disable`` list for ``nlp.pipe`` that leaves the entity recogniser out."""
    return [ENTITY_RECOGNISER] if ENTITY_RECOGNISER in nlp.pipe_names else []


def add_entities(nlp: Language, doc: Doc) -> Doc:
    """Run the entity recogniser on a parsed doc, as the full pipeline would have, last."""
    if ENTITY_RECOGNISER in nlp.pipe_names:
        return nlp.get_pipe(ENTITY_RECOGNISER)(doc)
    return doc


def annotate(
    nlp: Language, items: Iterable[tuple[str, tuple[Key, bool]]], *, batch_size: int = 64, n_process: int = 1
) -> Iterator[tuple[Doc, Key]]:
    """``(text, (key, wants_entities))`` in, ``(doc, key)`` out in the same order."""
    stream = nlp.pipe(items, as_tuples=True, batch_size=batch_size, n_process=n_process, disable=without_entities(nlp))
    for doc, (key, wants_entities) in stream:
        yield (add_entities(nlp, doc) if wants_entities else doc), key


def parse_sentences(sentences: Sequence[Sentence], plan: ParsePlan, nlp: Language | None) -> dict[int, Doc]:
    """Run the model on the planned sentences of one article."""
    if nlp is None or not plan.parse:
        return {}
    items = ((sentences[i].text, (i, i in plan.entities)) for i in plan.parse)
    return {index: doc for doc, index in annotate(nlp, items)}


class OnDemand:
    """Whole-pipeline parses (entities included) of single sentences, made when first asked for
    and kept: for the few titles whose subject is a pronoun, never for an answer."""

    def __init__(self, sentences: Sequence[Sentence], nlp: Language | None) -> None:
        self.sentences, self.nlp = sentences, nlp
        self.docs: dict[int, Doc] = {}

    def doc(self, index: int) -> Doc | None:
        """Sentence ``index`` parsed with entities, or None (no model, no such sentence, too long)."""
        if self.nlp is None or not 0 <= index < len(self.sentences):
            return None
        sentence = self.sentences[index]
        if sentence.end - sentence.start > MAX_PARSED_SENTENCE_CHARS:
            return None
        if index not in self.docs:
            self.docs[index] = self.nlp(sentence.text)
        return self.docs[index]
