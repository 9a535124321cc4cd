"""Plain dataclasses the temporal engine returns; no Django, no spaCy objects."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

# TIMEX3 types.
DATE = "DATE"
TIME = "TIME"
DURATION = "DURATION"
SET = "SET"

# Granularities, coarsest last; shared by the engine, the models and the chart.
GRANULARITIES = (
    "time",
    "part_of_day",
    "day",
    "week",
    "month",
    "quarter",
    "season",
    "year",
    "decade",
    "century",
    "open",
)

# Open-ended references use these sentinels as their unbounded side.
OPEN_START = date(1, 1, 1)
OPEN_END = date(9999, 12, 31)


@dataclass(frozen=True)
class Sentence:
    """One sentence of the cleaned article, with offsets into the original text."""

    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class TimeExpression:
    """A temporal expression found in the text and resolved against the DCT.

    ``start``/``end`` are character offsets into the text given to ``extract``;
    ``text == original[start:end]`` always holds.  ``earliest``/``latest`` are the
    inclusive calendar range the expression covers.
    """

    text: str
    start: int
    end: int
    type: str
    value: str
    earliest: date
    latest: date
    granularity: str
    sentence: int
    rule: str
    anchor: str = "DCT"  # "DCT" or "e<index>" naming an earlier expression
    mod: str = ""  # TIMEX3 mod: START, MID, END, APPROX, BEFORE, AFTER ...
    index: int = 0
    evidence: str = ""  # why it resolved this way (direction, anchor, distance), for people to read

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["earliest"] = self.earliest.isoformat()
        data["latest"] = self.latest.isoformat()
        return data


@dataclass(frozen=True)
class DctEvidence:
    """Why the engine believes the article was written on ``value``."""

    value: date
    evidence: str  # the text the date was read from
    method: str  # "given", "dateline", "metadata", "full_date", "none"
    confidence: float  # 0..1
    start: int = -1
    end: int = -1


@dataclass(frozen=True)
class EventCandidate:
    """A dated happening the engine proposes: one per sentence and anchoring date.

    ``expression`` is None for the article's news that no time expression dates (see
    ``lead``): such an event takes the article's date, and ``evidence`` says so.
    """

    sentence: int
    expression: int | None  # index into Extraction.expressions of the anchoring date
    title: str  # subject + verb + object from the parse, e.g. "Iran launches attack"
    evidence: str = ""  # why the event has its date when no expression gives it
    confidence: float = 1.0
    trigger_start: int = -1  # the governing verb's offsets in the text (-1 without a parse)
    trigger_end: int = -1
    relation: str = "at"  # how the event relates to its time: at, boundary, planned, reported
    reason: str = ""  # why the event takes its date, for people to read
    earliest: date | None = None  # the event's own dates when they are not its expression's
    latest: date | None = None
    value: str = ""
    granularity: str = ""


@dataclass
class Extraction:
    """Everything ``extract`` finds in one article."""

    dct: date | None
    dct_inferred: bool
    dct_evidence: DctEvidence | None
    sentences: list[Sentence] = field(default_factory=list)
    expressions: list[TimeExpression] = field(default_factory=list)
    events: list[EventCandidate] = field(default_factory=list)
    mode: str = "model"  # "model" (en_core_web_sm) or "blank" (rules only)
    warnings: list[str] = field(default_factory=list)
    doc_type: str = "news"  # "news" (read from its date) or "narrative" (read from the dates it tells)
    doc_type_evidence: str = ""  # the cues that decided it (narrative.py)

    def event_dates(self, event: EventCandidate) -> tuple[date, date, str, str]:
        """(earliest, latest, value, granularity) of an event: its own when the relation set them
        (a report dated by the article, a range a boundary leaves), else its expression's, else
        (the article's news with no time expression) the article's date."""
        if event.earliest is not None and event.latest is not None:
            return event.earliest, event.latest, event.value, event.granularity
        if event.expression is None:  # the article's news: the article's date
            if self.dct is None:
                raise ValueError("an event without a time expression needs the article's date")
            return self.dct, self.dct, self.dct.isoformat(), "day"
        e = self.expressions[event.expression]
        return e.earliest, e.latest, e.value, e.granularity

    def to_dict(self) -> dict[str, Any]:
        sentences = {s.index: s.text for s in self.sentences}
        by_key = {f"e{e.index}": e.text for e in self.expressions}
        return {
            "dct": self.dct.isoformat() if self.dct else None,
            "dct_inferred": self.dct_inferred,
            "dct_evidence": (
                {
                    "text": self.dct_evidence.evidence,
                    "method": self.dct_evidence.method,
                    "confidence": self.dct_evidence.confidence,
                }
                if self.dct_evidence
                else None
            ),
            "mode": self.mode,
            "doc_type": self.doc_type,
            "doc_type_evidence": self.doc_type_evidence,
            "warnings": list(self.warnings),
            "expressions": [
                {
                    "text": e.text,
                    "start": e.start,
                    "end": e.end,
                    "type": e.type,
                    "value": e.value,
                    "earliest": e.earliest.isoformat(),
                    "latest": e.latest.isoformat(),
                    "granularity": e.granularity,
                    "sentence": sentences.get(e.sentence, ""),
                    "sentence_index": e.sentence,
                    "anchor": e.anchor,
                    "anchor_text": by_key.get(e.anchor, ""),  # "" when anchored to the DCT
                    "mod": e.mod,
                    "rule": e.rule,
                }
                for e in self.expressions
            ],
        }
