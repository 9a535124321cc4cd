"""Inferring the article date from the text, with evidence and confidence."""

from __future__ import annotations

from datetime import date

from timeline.temporal.dct import infer_dct


def test_metadata_line_wins() -> None:
    evidence = infer_dct("Published: March 3, 2025\nLawmakers met on Friday.")
    assert evidence.value == date(2025, 3, 3) and evidence.method == "metadata" and evidence.confidence >= 0.9


def test_iso_metadata() -> None:
    assert infer_dct("Updated 2024-11-17 08:00\nText.").value == date(2024, 11, 17)


def test_dateline_with_year() -> None:
    evidence = infer_dct("WASHINGTON, March 3, 2025 (Reuters) - Senate leaders said on Monday ...")
    assert evidence.value == date(2025, 3, 3) and evidence.method == "dateline"


def test_dateline_without_year_takes_the_articles_year_with_lower_confidence() -> None:
    evidence = infer_dct("LONDON, June 14 (Reuters) - Fuel protests spread. Prices have risen since 2025 began.")
    assert evidence.value == date(2025, 6, 14) and evidence.confidence < 0.8


def test_caption_date_with_matching_weekday() -> None:
    evidence = infer_dct("Photo: Saturday, April 13, 2024, in the Situation Room.\nBiden met ...")
    assert evidence.value == date(2024, 4, 13) and evidence.method == "full_date"


def test_latest_full_date_as_a_weak_guess() -> None:
    evidence = infer_dct("The law passed on May 2, 2019. It was amended on June 5, 2021.")
    assert evidence.value == date(2021, 6, 5) and evidence.confidence < 0.5


def test_no_date_no_guess() -> None:
    assert infer_dct("Officials met on Friday to discuss the budget.") is None
