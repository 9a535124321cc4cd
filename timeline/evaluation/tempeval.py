"""TempEval-3 Task A over TimeML documents: extent, value and type scores, and accuracy by family."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from timeline.evaluation.families import FAMILY_NAMES, family_of
from timeline.evaluation.gold import Span, as_gold
from timeline.evaluation.scoring import Score, score_document
from timeline.timeml.reader import TimeMLDocument

System = Callable[[str, date], list[Span]]


@dataclass
class FamilyScore:
    gold: int = 0
    right: int = 0  # aligned with a system span of the same value
    misses: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.right / self.gold if self.gold else 0.0


@dataclass
class CorpusReport:
    total: Score
    families: dict[str, FamilyScore]
    documents: int
    spurious: list[str] = field(default_factory=list)  # system expressions that overlap no gold one

    def metrics(self) -> dict[str, float]:
        return self.total.metrics()


def evaluate_corpus(documents: Iterable[TimeMLDocument], system: System) -> CorpusReport:
    """Run ``system`` on every document (against its DCT) and score it TempEval-3 style."""
    total = Score()
    families = {name: FamilyScore() for name in FAMILY_NAMES}
    spurious: list[str] = []
    count = 0
    for doc in documents:
        gold = as_gold(doc)
        found_spans = system(gold.text, gold.dct)
        score = score_document(gold.expressions, found_spans)
        total.add(score)
        count += 1
        paired = {id(s) for _, s in score.pairs}
        for s in found_spans:
            if id(s) not in paired:
                context = gold.text[max(0, s.start - 60) : s.end + 40].replace("\n", " ")
                spurious.append(f"{doc.id} (DCT {gold.dct}) {s.text!r} = {s.value}  | …{context}…")
        aligned = {id(g): s for g, s in score.pairs}
        for g in gold.expressions:
            family = families[family_of(g.text, g.type)]
            family.gold += 1
            found = aligned.get(id(g))
            if found is not None and found.value == g.value:
                family.right += 1
                continue
            context = gold.text[max(0, g.start - 60) : g.end + 40].replace("\n", " ")
            answer = f"system {found.text!r} = {found.value}" if found else "not found"
            family.misses.append(f"{doc.id} (DCT {gold.dct}) {g.text!r} gold {g.value}, {answer}  | …{context}…")
    return CorpusReport(total, families, count, spurious)
