"""`manage.py extract` and `manage.py evaluate`: output shapes and clear errors (no database)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "fixtures" / "seed_biden_iran_2024-04-13.txt"
KEYS = {"text", "start", "end", "type", "value", "earliest", "latest", "granularity", "sentence", "anchor"}


def run_extract(*args: str) -> dict:
    out = io.StringIO()
    call_command("extract", *args, stdout=out)
    return json.loads(out.getvalue())


def test_json_output_for_the_seed() -> None:
    data = run_extract(str(SEED), "--dct", "2024-04-13", "--json")
    assert data["dct"] == "2024-04-13" and data["dct_inferred"] is False
    assert data["expressions"] and all(KEYS <= set(e) for e in data["expressions"])
    friday = [e for e in data["expressions"] if e["text"] == "Friday"]
    assert friday[0]["value"] == "2024-04-12" and "Friday" in friday[0]["sentence"]


def test_without_dct_it_is_inferred() -> None:
    data = run_extract(str(SEED), "--json")
    assert data["dct"] == "2024-04-13" and data["dct_inferred"] is True


def test_prefer_future_changes_bare_weekdays() -> None:
    text = ROOT / "fixtures" / "seed_biden_iran_2024-04-13.txt"
    data = run_extract(str(text), "--dct", "2024-04-13", "--prefer", "future", "--json")
    assert {e["value"] for e in data["expressions"] if e["text"] == "Friday"} == {"2024-04-19"}


HISTORY = "The army crossed the border on September 17, 1939. By early October, the country was divided."


@pytest.mark.parametrize(("doc_type", "value"), [("narrative", "1939-10"), ("news", "2009-10")])
def test_doc_type_says_how_the_text_is_read(tmp_path, doc_type: str, value: str) -> None:
    history = tmp_path / "history.txt"
    history.write_text(HISTORY, encoding="utf-8")
    data = run_extract(str(history), "--dct", "2009-12-19", "--doc-type", doc_type, "--json")
    assert data["doc_type"] == doc_type
    assert {e["text"]: e["value"] for e in data["expressions"]}["early October"] == value


def test_stdin_dash_and_jsonl_mode() -> None:
    lines = "\n".join(
        [
            json.dumps({"id": 1, "text": "They met on Friday.", "dct": "2024-04-13"}),
            json.dumps(
                {"id": "b", "text": "Talks resume next week.", "dct": "2024-04-13T08:00:00", "prefer": "future"}
            ),
            json.dumps({"id": 3, "text": "They met on Friday.", "dct": "not a date"}),
            json.dumps({"id": 4, "text": HISTORY, "dct": "2009-12-19", "doc_type": "narrative"}),
            "",
        ]
    )
    proc = subprocess.run(
        [sys.executable, "manage.py", "extract", "--jsonl"],
        input=lines.encode(),
        cwd=ROOT,
        capture_output=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert [r["id"] for r in rows] == [1, "b", 3, 4]
    assert rows[3]["doc_type"] == "narrative" and rows[3]["expressions"][1]["value"] == "1939-10"
    assert rows[0]["expressions"][0]["value"] == "2024-04-12"
    assert rows[1]["expressions"][0]["value"] == "2024-W16"
    assert "date" in rows[2]["error"] and rows[2]["expressions"] == []


def test_invalid_utf8_is_a_clear_error(tmp_path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Officials met \xff\xfe on Friday")
    with pytest.raises(CommandError, match="offset 14"):
        call_command("extract", str(bad), "--dct", "2024-04-13", "--json", stdout=io.StringIO())


def test_bad_dct_and_missing_file_are_clear_errors(tmp_path) -> None:
    with pytest.raises(CommandError, match="not a date"):
        call_command("extract", str(SEED), "--dct", "13/04/2024", stdout=io.StringIO())
    with pytest.raises(CommandError, match="No such file"):
        call_command("extract", str(tmp_path / "missing.txt"), stdout=io.StringIO())


def test_empty_file_gives_an_empty_result(tmp_path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert run_extract(str(empty), "--dct", "2024-04-13", "--json")["expressions"] == []


def test_evaluate_prints_all_systems_and_the_verdict() -> None:
    out = io.StringIO()
    call_command("evaluate", str(ROOT / "fixtures" / "gold"), stdout=out)
    text = out.getvalue()
    for system in ("engine", "spacy+dateparser", "search_dates"):
        assert f"OVERALL                     {system}" in text
    assert "engine beats both baselines on every metric: yes" in text


def test_evaluate_json_has_per_file_scores() -> None:
    out = io.StringIO()
    call_command("evaluate", str(ROOT / "fixtures" / "gold" / "seed.json"), "--json", stdout=out)
    report = json.loads(out.getvalue())
    assert set(report["files"]) == {"seed"}
    assert report["overall"]["engine"]["relaxed_F1"] > report["overall"]["search_dates"]["relaxed_F1"]
