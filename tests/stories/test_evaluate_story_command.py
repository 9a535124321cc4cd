"""evaluate_story: one story folder or a folder of them, a table of scores; clear errors."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

STORIES = Path(__file__).resolve().parents[2] / "fixtures" / "stories"


def _story(folder: Path) -> Path:
    folder.mkdir()
    (folder / "a.txt").write_text("The Dunmore Dam collapsed on Wednesday, flooding the town.\n")
    (folder / "b.txt").write_text("The Dunmore Dam gave way on Wednesday, officials said.\n")
    (folder / "c.txt").write_text("Governor Ellen Marsh declared a state of emergency on Wednesday.\n")
    (folder / "manifest.jsonl").write_text("".join(
        json.dumps({"path": name, "published": "2025-03-12", "source": name}) + "\n" for name in ("a.txt", "b.txt", "c.txt")
    ))  # fmt: skip
    (folder / "annotations.json").write_text(json.dumps({"happenings": [
        {"id": "breach", "date": "2025-03-12", "mentions": [["a.txt", "Wednesday", "collapsed"],
                                                            ["b.txt", "Wednesday", "gave way"]]},
        {"id": "emergency", "date": "2025-03-12", "mentions": [["c.txt", "Wednesday", "declared"]]},
    ]}))  # fmt: skip
    return folder


def test_a_folder_of_stories_prints_each_and_the_overall_scores(tmp_path: Path) -> None:
    _story(tmp_path / "one")
    _story(tmp_path / "two")
    out = StringIO()
    call_command("evaluate_story", str(tmp_path), "--misses", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0].split()[:4] == ["story", "P", "R", "F1"]
    for name in ("one", "two", "overall"):
        row = next(line for line in lines if line.startswith(name)).split()
        assert row[1:4] == ["1.000", "1.000", "1.000"]  # the breach's two reports grouped, the emergency apart
    assert next(line for line in lines if line.startswith("overall")).split()[4] == "2"  # true pairs


def test_one_story_folder_and_the_fuzzy_similarity(tmp_path: Path) -> None:
    out = StringIO()
    call_command("evaluate_story", str(_story(tmp_path / "one")), "--similarity", "fuzzy", stdout=out)
    assert [line.split()[0] for line in out.getvalue().splitlines()] == ["story", "one", "overall"]


def test_a_folder_without_stories_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="no story here"):
        call_command("evaluate_story", str(tmp_path))
    broken = _story(tmp_path / "broken")
    (broken / "annotations.json").write_text("{")
    with pytest.raises(CommandError, match="annotations.json"):
        call_command("evaluate_story", str(broken))
