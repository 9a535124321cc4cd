"""Calendar helpers and the TIMEX3 value grammar."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.temporal.resolve.context import FUTURE, PAST, UNKNOWN
from timeline.temporal.resolve.holidays import easter
from timeline.temporal.resolve.weekday import resolve_weekday
from timeline.temporal.timex import clamp_date, is_timex_value, season_range, week_value


@pytest.mark.parametrize(
    "value",
    [
        "2024-04-13",
        "2024-04-13TNI",
        "2024-W14",
        "2024-W15-WE",
        "2024-04",
        "2024",
        "2024-Q2",
        "2024-SU",
        "199",
        "P1W",
        "PT2H",
        "P1DE",
        "PXD",
        "PRESENT_REF",
        "FUTURE_REF",
        "XXXX-WXX-1",
        "2024-04-13T15:00",
        "2023-H1",
    ],
)
def test_valid_values(value) -> None:
    assert is_timex_value(value)


@pytest.mark.parametrize("value", ["", "2024-4-13", "April", "P", "2024-W", "NOW", "2024-04-13T25"])
def test_invalid_values(value) -> None:
    assert not is_timex_value(value)


def test_clamp_refuses_impossible_dates() -> None:
    assert clamp_date(2023, 2, 29) is None and clamp_date(2024, 2, 29) == date(2024, 2, 29)
    assert clamp_date(2024, 4, 31) is None and clamp_date(2024, 13, 1) is None


def test_iso_week_crosses_the_year() -> None:
    assert week_value(date(2025, 12, 30)) == "2026-W01"


def test_winter_spans_the_new_year() -> None:
    assert season_range(2023, "WI") == (date(2023, 12, 1), date(2024, 2, 29))


@pytest.mark.parametrize(
    ("tense", "expected"), [(PAST, date(2024, 4, 13)), (FUTURE, date(2024, 4, 13)), (UNKNOWN, date(2024, 4, 13))]
)
def test_weekday_equal_to_the_dct(tense, expected) -> None:
    assert resolve_weekday(date(2024, 4, 13), 5, tense) == expected


def test_weekday_directions() -> None:
    saturday = date(2024, 4, 13)
    assert resolve_weekday(saturday, 4, PAST) == date(2024, 4, 12)
    assert resolve_weekday(saturday, 4, FUTURE) == date(2024, 4, 19)
    # With no firm future, a bare weekday is the most recent one (TimeBank: 114 of 126 by that rule
    # against 109 for "whichever is nearer").
    assert resolve_weekday(saturday, 0, UNKNOWN) == date(2024, 4, 8)
    assert resolve_weekday(saturday, 0, FUTURE, firm=False) == date(2024, 4, 8)
    assert resolve_weekday(saturday, 0, FUTURE, firm=True) == date(2024, 4, 15)


@pytest.mark.parametrize(
    ("year", "day"), [(2024, date(2024, 3, 31)), (2025, date(2025, 4, 20)), (2019, date(2019, 4, 21))]
)
def test_easter(year, day) -> None:
    assert easter(year) == day


@pytest.mark.parametrize(
    ("granularity", "start", "end", "mod", "expected"),
    [
        ("decade", "1970-01-01", "1979-12-31", "MID", ("1973-01-01", "1976-12-31")),  # 3 + 4 + 3 years
        ("decade", "1990-01-01", "1999-12-31", "END", ("1997-01-01", "1999-12-31")),
        ("month", "2024-03-01", "2024-03-31", "MID", ("2024-03-11", "2024-03-21")),  # 10 + 11 + 10 days
        ("month", "2024-03-01", "2024-03-31", "END", ("2024-03-22", "2024-03-31")),
        ("year", "2023-01-01", "2023-12-31", "MID", ("2023-05-01", "2023-08-31")),
        ("week", "2024-04-08", "2024-04-14", "END", ("2024-04-12", "2024-04-14")),
    ],
)
def test_thirds_cover_the_unit_without_gaps(
    granularity: str, start: str, end: str, mod: str, expected: tuple[str, str]
) -> None:
    from datetime import date

    from timeline.temporal.timex import Resolution, narrow_to_mod

    narrowed = narrow_to_mod(
        Resolution("DATE", "X", date.fromisoformat(start), date.fromisoformat(end), granularity, mod)
    )
    assert (narrowed.earliest.isoformat(), narrowed.latest.isoformat()) == expected
