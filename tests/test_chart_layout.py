"""Where single-day events sit on the time axis (shared by the article and story charts)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from webapp.charts.geometry import point_x

FRIDAY = date(2025, 1, 17)


@dataclass(frozen=True)
class Day:
    value: str
    earliest: date = FRIDAY
    latest: date = FRIDAY
    id: int = 1
    article_id: int = 1


@pytest.mark.parametrize(("value", "x"), [
    ("2025-01-17", "2025-01-17 12:00"),
    ("2025-01-17TEV", "2025-01-17 19:00"),
    ("2025-01-17T23:30", "2025-01-17 23:30"),
    ("2025-01-17T00:00", "2025-01-17 00:00"),
    # "midnight Friday" is the end of Friday: the first moment of Saturday, not 23:00 or 23:59.
    ("2025-01-17T24:00", "2025-01-18 00:00"),
])  # fmt: skip
def test_single_days_sit_at_their_time_or_noon(value, x):
    assert point_x(Day(value)) == x


def test_midnight_at_the_end_of_a_month_and_year_rolls_over():
    assert point_x(Day("2024-12-31T24:00", date(2024, 12, 31), date(2024, 12, 31))) == "2025-01-01 00:00"


def test_midnight_comes_after_every_other_moment_of_its_day():
    moments = [point_x(Day(v)) for v in ("2025-01-17TNI", "2025-01-17T23:59", "2025-01-17T24:00")]
    assert moments == sorted(moments) and len(set(moments)) == 3
