"""Score a story's JSON export against gold cross-document timelines (SemEval-2015 Task 4 shape).

Plain Python, no Django. The gold file (``gold.json``) lists happenings ("chains"), each with
its date and its mentions (document id and character offsets into ``txt/<doc>.txt``). A
product mention stands for a gold mention of the same document when its sentence holds the
gold token; among several, the one whose phrase lies nearest the token. Over those covered
mentions: cross-document pairs (same story event against same gold chain) and date accuracy
(the story event's earliest..latest holds the gold day and spans at most 31 days), with the
article's own date scored on the very same mentions as the reference to beat.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from itertools import combinations
from pathlib import Path
from typing import Any

FULL_DAY = re.compile(r"\d{4}-\d\d-\d\d$")
DATE_SPAN_DAYS = 31  # a range longer than a month dates nothing precisely enough to count
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9_-]")


@dataclass(frozen=True)
class GoldMention:
    doc: str
    start: int  # the gold token's character offsets
    end: int
    chain: int
    day: date | None  # the happening's full-day date, None when unknown, partial or clashing
    clash: bool


@dataclass(frozen=True)
class Gold:
    mentions: tuple[GoldMention, ...]
    dcts: dict[str, str]  # document id -> its creation date as written


@dataclass
class TimelineScore:
    """Coverage, cross-document pairwise scores and date accuracy over the covered mentions."""

    mentions: int = 0
    covered: int = 0
    events: int = 0
    offsets: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ALIGNMENTS, 0))
    tp: int = 0
    fp: int = 0
    fn: int = 0
    gold_pairs: int = 0
    dated: int = 0
    date_ok: int = 0
    date_exact: int = 0
    article_date_ok: int = 0  # the article's own date, on the same covered, dated mentions
    clash_skipped: int = 0

    @property
    def coverage(self) -> float:
        return self.covered / self.mentions if self.mentions else 0.0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def date_accuracy(self) -> float:
        return self.date_ok / self.dated if self.dated else 0.0

    @property
    def article_date_accuracy(self) -> float:
        return self.article_date_ok / self.dated if self.dated else 0.0


ALIGNMENTS = ("exact", "realigned", "unaligned", "unknown article")


def load_gold(path: Path) -> Gold:
    data = json.loads(path.read_text(encoding="utf-8"))
    mentions = []
    for n, chain in enumerate(data["chains"]):
        clash = "date_conflict" in chain
        day = date.fromisoformat(chain["date"]) if FULL_DAY.match(chain["date"]) and not clash else None
        for m in chain["mentions"]:
            mentions.append(GoldMention(str(m["doc"]), m["token_start"], m["token_end"], n, day, clash))
    dcts = {str(doc): str(info.get("dct") or "") for doc, info in data["docs"].items()}
    return Gold(tuple(mentions), dcts)


class DocumentTexts:
    """The corpus texts by document id, read once, with their non-space characters for realignment."""

    def __init__(self, folder: Path, known: set[str]) -> None:
        self.folder, self.known = folder, known
        self._cache: dict[str, tuple[str, str, list[int]] | None] = {}

    def get(self, doc: str) -> tuple[str, str, list[int]] | None:
        """(text, text without whitespace, position in text of each kept character), None when absent."""
        if doc not in self._cache:
            path = self.folder / f"{_UNSAFE_NAME.sub('_', doc)}.txt"
            if not path.is_file():
                self._cache[doc] = None
            else:
                text = path.read_text(encoding="utf-8")
                kept = [i for i, ch in enumerate(text) if not ch.isspace()]
                self._cache[doc] = (text, "".join(text[i] for i in kept), kept)
        return self._cache[doc]


@dataclass(frozen=True)
class _Span:
    start: int  # the sentence, in the corpus text
    end: int
    phrase_start: int
    phrase_end: int
    event: Any


def align(texts: DocumentTexts, doc: str, mention: dict[str, Any]) -> tuple[int, int, int, str] | None:
    """(sentence start, sentence end, shift, how) of an exported mention in the corpus text.

    The offsets are trusted when they point at the mention's sentence; otherwise (the text was
    normalised at import) the sentence is looked up ignoring whitespace, nearest the offset.
    """
    found = texts.get(doc)
    if found is None:
        return None
    text, squeezed, kept = found
    start, end, sentence = mention.get("sentence_start"), mention.get("sentence_end"), mention.get("sentence") or ""
    has_offsets = isinstance(start, int) and isinstance(end, int)
    if has_offsets and 0 <= start < end <= len(text) and (not sentence or text[start:end] == sentence):
        return start, end, 0, "exact"
    key = "".join(sentence.split())
    if not key:
        return None
    hits = [m.start() for m in re.finditer(f"(?={re.escape(key)})", squeezed)]
    if not hits:
        return None
    origin = start if isinstance(start, int) else 0
    hit = min(hits, key=lambda h: abs(kept[h] - origin))
    new_start, new_end = kept[hit], kept[hit + len(key) - 1] + 1
    return new_start, new_end, new_start - start if isinstance(start, int) else 0, "realigned"


def _spans(export: dict[str, Any], texts: DocumentTexts, score: TimelineScore) -> dict[str, list[_Span]]:
    source_of = {a.get("id"): a.get("source") for a in export.get("articles", [])}
    spans: dict[str, list[_Span]] = {}
    for event in export.get("events", []):
        for mention in event.get("mentions", []):
            doc = str(mention.get("article_source") or source_of.get(mention.get("article_id")) or "")
            if doc not in texts.known:
                score.offsets["unknown article"] += 1
                continue
            aligned = align(texts, doc, mention)
            if aligned is None:
                score.offsets["unaligned"] += 1
                continue
            start, end, shift, how = aligned
            score.offsets[how] += 1
            ps, pe = mention.get("phrase_start"), mention.get("phrase_end")
            phrase = (ps + shift, pe + shift) if isinstance(ps, int) and isinstance(pe, int) else (start, end)
            spans.setdefault(doc, []).append(_Span(start, end, *phrase, event["id"]))
    return spans


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def score_export(gold: Gold, export: dict[str, Any], texts: DocumentTexts) -> TimelineScore:
    """Every figure of one export against the gold timelines."""
    score = TimelineScore(mentions=len(gold.mentions))
    events = {event["id"]: event for event in export.get("events", [])}
    score.events = len(events)
    spans = _spans(export, texts, score)
    covered: list[tuple[GoldMention, Any]] = []
    for g in gold.mentions:
        holding = [s for s in spans.get(g.doc, []) if s.start <= g.start and g.end <= s.end]
        if holding:
            # nearest phrase first, then the narrowest; the first listed wins a tie
            best = min(holding, key=lambda s: (max(s.phrase_start - g.end, g.start - s.phrase_end, 0),
                                               s.phrase_end - s.phrase_start))  # fmt: skip
            covered.append((g, best.event))
    score.covered = len(covered)
    for (g1, e1), (g2, e2) in combinations(covered, 2):
        if g1.doc == g2.doc:
            continue
        same_chain, same_event = g1.chain == g2.chain, e1 == e2
        score.tp += same_chain and same_event
        score.fp += same_event and not same_chain
        score.fn += same_chain and not same_event
    score.gold_pairs = sum(a.doc != b.doc and a.chain == b.chain for a, b in combinations(gold.mentions, 2))
    score.clash_skipped = sum(g.clash for g, _ in covered)
    for g, event_id in covered:
        if g.day is None:
            continue
        score.dated += 1
        score.article_date_ok += gold.dcts.get(g.doc, "")[:10] == g.day.isoformat()
        low, high = _day(events[event_id].get("earliest")), _day(events[event_id].get("latest"))
        if low and high and low <= g.day <= high and (high - low).days + 1 <= DATE_SPAN_DAYS:
            score.date_ok += 1
            score.date_exact += low == high == g.day
    return score


def score_export_file(corpus: Path, export: dict[str, Any]) -> TimelineScore:
    """Score ``export`` against the corpus folder's ``gold.json`` and ``txt/``."""
    gold = load_gold(corpus / "gold.json")
    return score_export(gold, export, DocumentTexts(corpus / "txt", set(gold.dcts)))


def report_lines(score: TimelineScore) -> list[str]:
    """The figures in words, the article-date reference beside the date accuracy."""
    o = score.offsets
    exact_share = score.date_exact / score.dated if score.dated else 0.0
    return [
        f"coverage: {score.covered}/{score.mentions} gold mentions = {score.coverage:.3f} ({score.events} story "
        f"events; mention offsets {o['exact']} exact, {o['realigned']} realigned by sentence, {o['unaligned']} "
        f"unaligned, {o['unknown article']} of unknown articles)",
        f"cross-article pairs over covered mentions: P {score.precision:.3f} ({score.tp}/{score.tp + score.fp}) "
        f"R {score.recall:.3f} ({score.tp}/{score.tp + score.fn}; {score.gold_pairs} gold pairs in all) "
        f"F1 {score.f1:.3f}",
        f"dates: {score.date_ok}/{score.dated} covered full-day gold mentions in range (<= {DATE_SPAN_DAYS} days) = "
        f"{score.date_accuracy:.3f}; every mention on its article's date, same mentions: "
        f"{score.article_date_ok}/{score.dated} = {score.article_date_accuracy:.3f}; exact day "
        f"{score.date_exact}/{score.dated} = {exact_share:.3f}; {score.clash_skipped} with clashing gold dates skipped",
    ]
