"""A story event's title and date from its mentions (pure)."""

from __future__ import annotations

from datetime import date

from timeline.stories.titles import DatedMention, TitleCandidate, best_title, consensus_date, title_problems


def test_the_clearest_title_wins_over_reporting_cut_off_and_short_ones() -> None:
    candidates = [
        TitleCandidate("Police say", 0.9),
        TitleCandidate("Dam fails", 0.9),
        TitleCandidate("The Dunmore Dam gave way early on Wednesday morning after a week of heavy rain …", 0.9),
        TitleCandidate("Dunmore Dam collapses, flooding Brevik", 0.4),
    ]
    assert best_title(candidates) == "Dunmore Dam collapses, flooding Brevik"
    assert title_problems("Police say") == 2 and title_problems("Dunmore Dam collapses, flooding Brevik") == 0


def test_among_clear_titles_the_most_central_mention_wins() -> None:
    assert best_title(
        [TitleCandidate("Dam bursts above Brevik", 0.3), TitleCandidate("Dunmore Dam gives way", 0.6)]
    ) == ("Dunmore Dam gives way")
    assert best_title([]) == ""


def test_titles_lose_stray_spaces_and_trailing_commas() -> None:
    assert best_title([TitleCandidate("Pilots at Vantora vote to strike ,", 1.0)]) == "Pilots at Vantora vote to strike"


def test_the_date_most_mentions_give_wins_then_the_narrowest() -> None:
    day, week_start, week_end = date(2025, 3, 12), date(2025, 3, 10), date(2025, 3, 16)
    day_mention = DatedMention(day, day, "2025-03-12", "day")
    week_mention = DatedMention(week_start, week_end, "2025-W11", "week")
    assert consensus_date([week_mention, week_mention, day_mention]) == week_mention
    assert consensus_date([week_mention, day_mention]) == day_mention
