"""Reading gold files (format: docs/gold-format.md)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from timeline.timeml.reader import TimeMLDocument, TimeMLError


@dataclass(frozen=True)
class Span:
    """An expression as scored: offsets, value and range (gold or system alike)."""

    start: int
    end: int
    text: str
    value: str = ""
    earliest: str = ""
    latest: str = ""
    type: str = ""


@dataclass(frozen=True)
class GoldDocument:
    id: str
    path: Path
    text: str
    dct: date
    expressions: tuple[Span, ...]
    traps: tuple[Span, ...]


def load_gold(path: Path) -> GoldDocument:
    data = json.loads(path.read_text(encoding="utf-8"))
    if "text_file" in data:
        text = (path.parent / data["text_file"]).read_text(encoding="utf-8")
    else:
        text = data["text"]
    expressions = tuple(
        Span(
            e["start"],
            e["end"],
            e["text"],
            e.get("value", ""),
            e.get("earliest", ""),
            e.get("latest", ""),
            e.get("type", ""),
        )
        for e in data.get("expressions", [])
    )
    traps = tuple(Span(t["start"], t["end"], t["text"]) for t in data.get("traps", []))
    return GoldDocument(data.get("id", path.stem), path, text, date.fromisoformat(data["dct"][:10]), expressions, traps)


def load_gold_dir(path: Path) -> list[GoldDocument]:
    files = [path] if path.is_file() else sorted(path.glob("*.json"))
    return [load_gold(p) for p in files]


def as_gold(doc: TimeMLDocument) -> GoldDocument:
    """The scorer's view of a TimeML document (TimeML has no earliest/latest: those stay empty)."""
    if doc.dct is None:
        raise TimeMLError(f"{doc.id}: no DCT; the engine needs one to be scored")
    spans = tuple(Span(t.start, t.end, t.text, t.value, "", "", t.type) for t in doc.timexes)
    return GoldDocument(doc.id, Path(doc.id), doc.text, doc.dct, spans, ())
