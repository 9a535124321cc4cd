"""TempEval-3 extent scores (strict and relaxed), value and range scores, and the misses."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from timeline.evaluation.gold import Span


@dataclass
class Score:
    gold: int = 0
    system: int = 0
    strict: int = 0  # exact offset matches
    relaxed: int = 0  # overlapping matches (one-to-one)
    value: int = 0  # relaxed matches with the right value
    range: int = 0  # relaxed matches with the right earliest..latest
    trap_hits: int = 0  # system spans overlapping a must-not-tag trap
    type: int = 0  # relaxed matches with the right TIMEX3 type
    misses: list[str] = field(default_factory=list)
    pairs: list[tuple[Span, Span]] = field(default_factory=list)  # (gold, system) aligned one-to-one

    def add(self, other: Score) -> None:
        for name in ("gold", "system", "strict", "relaxed", "value", "range", "trap_hits", "type"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @staticmethod
    def _prf(hits: int, system: int, gold: int) -> tuple[float, float, float]:
        p = hits / system if system else 0.0
        r = hits / gold if gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def metrics(self) -> dict[str, float]:
        sp, sr, sf = self._prf(self.strict, self.system, self.gold)
        rp, rr, rf = self._prf(self.relaxed, self.system, self.gold)
        _, _, vf = self._prf(self.value, self.system, self.gold)
        _, _, gf = self._prf(self.range, self.system, self.gold)
        _, _, tf = self._prf(self.type, self.system, self.gold)
        return {
            "strict_P": sp,
            "strict_R": sr,
            "strict_F1": sf,
            "relaxed_P": rp,
            "relaxed_R": rr,
            "relaxed_F1": rf,
            "value_acc": self.value / self.relaxed if self.relaxed else 0.0,
            "value_F1": vf,
            "range_acc": self.range / self.relaxed if self.relaxed else 0.0,
            "range_F1": gf,
            "type_F1": tf,
        }


def _overlap(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def score_document(gold: Sequence[Span], system: Sequence[Span], traps: Sequence[Span] = ()) -> Score:
    """One-to-one matching: exact matches first, then the largest overlaps."""
    score = Score(gold=len(gold), system=len(system))
    unmatched_system = list(system)
    pairs: list[tuple[Span, Span]] = []
    for g in gold:
        exact = next((s for s in unmatched_system if s.start == g.start and s.end == g.end), None)
        if exact is not None:
            pairs.append((g, exact))
            unmatched_system.remove(exact)
            score.strict += 1
    matched_gold = {id(g) for g, _ in pairs}
    for g in gold:
        if id(g) in matched_gold:
            continue
        overlapping = [s for s in unmatched_system if _overlap(g, s)]
        if overlapping:
            best = max(overlapping, key=lambda s: min(s.end, g.end) - max(s.start, g.start))
            pairs.append((g, best))
            unmatched_system.remove(best)
            score.misses.append(f"extent  gold {g.text!r} @{g.start} ~ system {best.text!r}")
        else:
            score.misses.append(f"missed  {g.text!r} @{g.start} ({g.value})")
    score.relaxed = len(pairs)
    score.pairs = pairs
    for g, s in pairs:
        score.type += s.type == g.type
        if s.value == g.value:
            score.value += 1
        else:
            score.misses.append(f"value   {g.text!r} @{g.start}: gold {g.value} system {s.value}")
        if (s.earliest, s.latest) == (g.earliest, g.latest):
            score.range += 1
        else:
            score.misses.append(
                f"range   {g.text!r} @{g.start}: gold {g.earliest}..{g.latest} system {s.earliest}..{s.latest}"
            )
    for s in unmatched_system:
        trap = any(_overlap(s, t) for t in traps)
        score.trap_hits += trap
        score.misses.append(f"{'TRAP' if trap else 'spurious'} {s.text!r} @{s.start} ({s.value})")
    return score
