"""Story grouping scored against fixtures/stories: the floors the issue sets, and the scoring itself."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from timeline.stories.clustering import Group
from timeline.stories.evaluation import (
    GoldMention,
    StoryFormatError,
    StoryScore,
    compare,
    read_annotations,
    read_manifest,
    score_story,
)  # fmt: skip
from timeline.stories.features import MentionInput

STORIES = Path(__file__).resolve().parents[2] / "fixtures" / "stories"
FOLDERS = sorted(p for p in STORIES.iterdir() if (p / "manifest.jsonl").is_file())


def test_the_set_has_two_stories_of_eight_articles_or_more() -> None:
    assert len(FOLDERS) >= 2
    for folder in FOLDERS:
        articles = read_manifest(folder)
        assert len(articles) >= 8 and len({a.source for a in articles}) >= 3
        assert all(a.published is not None for a in articles)


@pytest.mark.slow
def test_grouping_meets_the_floors_on_the_annotated_stories() -> None:
    total = StoryScore("all")
    for folder in FOLDERS:
        score = score_story(folder)
        assert score.found == score.mentions, score.unfound  # every annotated mention is an engine event
        total.add(score)
    assert total.true_pairs >= 60
    assert total.precision >= 0.9, total.precision
    assert total.recall >= 0.8, total.recall


def _mention(event_id: int, article: int, sentence: str, phrase: str, day: date) -> MentionInput:
    start = sentence.index(phrase)
    return MentionInput(event_id, article, day, day, "day", sentence, sentence, start, start + len(phrase))


def test_pairs_are_scored_across_articles_only_and_missing_mentions_count_as_missed() -> None:
    day = date(2025, 3, 12)
    mentions = [
        _mention(0, 0, "The dam broke on Wednesday.", "Wednesday", day),
        _mention(1, 0, "The governor spoke on Wednesday.", "Wednesday", day),
        _mention(2, 1, "The dam gave way on Wednesday.", "Wednesday", day),
        _mention(3, 2, "The governor declared an emergency on Wednesday.", "Wednesday", day),
    ]
    gold = [
        GoldMention("a", "Wednesday", "dam broke", "breach", day, day),
        GoldMention("a", "Wednesday", "governor spoke", "speech", day, day),
        GoldMention("b", "Wednesday", "dam gave way", "breach", day, day),
        GoldMention("c", "Wednesday", "declared", "emergency", day, day),
        GoldMention("d", "Tuesday", "never written", "breach", day, day),
    ]
    groups = [Group([0, 1, 2], 0.5, ""), Group([3], 1.0, "")]
    score = compare("t", gold, mentions, groups, {"a": 0, "b": 1, "c": 2, "d": 3})
    # predicted cross-article pairs: (0,2) right, (1,2) wrong; (0,1) is within one article
    assert (score.predicted_pairs, score.correct_pairs) == (2, 1)
    assert score.true_pairs == 3  # a-b, a-d, b-d: the unfound mention's pairs are missed
    assert score.unfound == ["breach: d “Tuesday” in “never written”"]
    assert score.precision == 0.5 and score.recall == pytest.approx(1 / 3)
    assert score.dates_right == 4


def test_a_manifest_path_outside_the_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "manifest.jsonl").write_text(json.dumps({"path": "../secret.txt"}) + "\n")
    with pytest.raises(StoryFormatError, match="no article file"):
        read_manifest(tmp_path)


def test_bad_annotations_say_which_file(tmp_path: Path) -> None:
    (tmp_path / "annotations.json").write_text('{"happenings": [{"id": "x"}]}')
    with pytest.raises(StoryFormatError, match="annotations.json"):
        read_annotations(tmp_path)
