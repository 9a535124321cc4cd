"""The gold-standard files in fixtures/gold/ stay valid (pure pytest, no database).

The checks live in fixtures/gold/validate.py so the same code runs from the command line
and here; the tests below also prove the validator rejects broken files.
"""

from __future__ import annotations

import importlib.util
import json
from datetime import date
from pathlib import Path

import pytest

GOLD_DIR = Path(__file__).resolve().parents[2] / "fixtures" / "gold"


def _load_validator():
    spec = importlib.util.spec_from_file_location("gold_validate", GOLD_DIR / "validate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


validate = _load_validator()
GOLD_FILES = validate.gold_files(GOLD_DIR)


@pytest.mark.parametrize("path", GOLD_FILES, ids=[p.stem for p in GOLD_FILES])
def test_gold_file_is_valid(path: Path) -> None:
    assert validate.validate_file(path) == []


def test_gold_set_is_large_and_varied() -> None:
    docs = [json.loads(p.read_text(encoding="utf-8")) for p in GOLD_FILES]
    assert len(docs) >= 8
    assert len({d["id"] for d in docs}) == len(docs)
    weekdays = {date.fromisoformat(d["dct"]).weekday() for d in docs}
    assert {0, 2, 6} <= weekdays  # a Monday, a Wednesday and a Sunday DCT
    assert {e["type"] for d in docs for e in d["expressions"]} == validate.TYPES
    assert sum(len(d["traps"]) for d in docs) >= 20


def _broken_copy(tmp_path: Path, change) -> Path:
    """A copy of the seed gold file (text inlined) with one deliberate defect."""
    source = GOLD_DIR / "seed.json"
    doc = json.loads(source.read_text(encoding="utf-8"))
    doc["text"] = validate.load_text(doc, source)
    del doc["text_file"]
    change(doc)
    path = tmp_path / "seed.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def _set(index: int, **fields):
    def change(doc: dict) -> None:
        doc["expressions"][index].update(fields)

    return change


def _trap_on_first_expression(doc: dict) -> None:
    first = doc["expressions"][0]
    doc["traps"].append({key: first[key] for key in ("text", "start", "end")})


def _duplicate_first_expression(doc: dict) -> None:
    doc["expressions"].insert(1, dict(doc["expressions"][0]))


@pytest.mark.parametrize(
    "change, fragment",
    [
        (_set(0, start=161), "not 'Saturday, April 13, 2024'"),
        (_set(0, value="2024-04-12", earliest="2024-04-12", latest="2024-04-12"), "is not a Saturday"),
        (_set(0, value="2024-13-01"), "not a real calendar value"),
        (_set(0, value="April 13"), "not a well-formed DATE value"),
        (_set(0, type="INSTANT"), "unknown type"),
        (_set(0, earliest="2024-04-14"), "earliest 2024-04-14 > latest"),
        (_set(0, latest="2024-04-20"), "differs from"),
        (_set(0, granularity="week"), "granularity 'week'"),
        (_set(0, mod="SOMETIME"), "unknown mod"),
        (_set(1, anchor="Saturday"), "is not an earlier expression"),
        (_trap_on_first_expression, "overlaps an annotated expression"),
        (_duplicate_first_expression, "overlaps"),
    ],
)
def test_validator_rejects_broken_file(tmp_path: Path, change, fragment: str) -> None:
    problems = validate.validate_file(_broken_copy(tmp_path, change))
    assert any(fragment in problem for problem in problems), problems


def test_validator_accepts_unchanged_inlined_copy(tmp_path: Path) -> None:
    assert validate.validate_file(_broken_copy(tmp_path, lambda doc: None)) == []
