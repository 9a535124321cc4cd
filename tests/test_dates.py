"""Human readings of resolved dates: no TIMEX codes, no 0001/9999 sentinels."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.display.dates import describe_dates, iso_range
from timeline.temporal.types import OPEN_END, OPEN_START


@pytest.mark.parametrize(
    ("earliest", "latest", "value", "granularity", "expected"),
    [
        (date(2024, 4, 13), date(2024, 4, 13), "2024-04-13", "day", "Sat 13 Apr 2024"),
        (date(2024, 4, 1), date(2024, 4, 7), "2024-W14", "week", "1–7 Apr 2024 (week)"),
        (date(2023, 5, 20), date(2023, 5, 21), "2023-W20-WE", "week", "20–21 May 2023 (weekend)"),
        (date(2024, 4, 13), OPEN_END, "FUTURE_REF", "open", "from Sat 13 Apr 2024 on (open-ended)"),
        (OPEN_START, date(2024, 4, 13), "PAST_REF", "open", "until Sat 13 Apr 2024"),
        (OPEN_START, OPEN_END, "", "open", "any time"),
        (date(2024, 1, 1), date(2024, 12, 31), "2024", "year", "2024"),
        (date(2024, 4, 1), date(2024, 4, 30), "2024-04", "month", "Apr 2024"),
        (date(2024, 4, 6), date(2024, 4, 13), "PXD", "day", "6–13 Apr 2024"),
        (date(2024, 3, 28), date(2024, 4, 4), "P1W", "week", "28 Mar – 4 Apr 2024"),
        (date(2023, 12, 30), date(2024, 1, 2), "P3D", "day", "30 Dec 2023 – 2 Jan 2024"),
        (date(2024, 4, 13), date(2024, 4, 13), "2024-04-13TEV", "part_of_day", "Sat 13 Apr 2024, evening"),
        (date(2024, 2, 29), date(2024, 2, 29), "2024-02-29T16:30", "time", "Thu 29 Feb 2024, 16:30"),
        (date(2024, 2, 29), date(2024, 2, 29), "2024-02-29T09", "time", "Thu 29 Feb 2024, 09:00"),
        (date(1989, 10, 27), date(1989, 10, 27), "1989-10-27T24:00", "time", "Fri 27 Oct 1989, midnight"),
        (date(2023, 10, 1), date(2023, 12, 31), "2023-Q4", "quarter", "Oct–Dec 2023 (Q4)"),
        (date(2023, 12, 1), date(2024, 2, 29), "2023-WI", "season", "Dec 2023 – Feb 2024 (winter)"),
        (date(1920, 1, 1), date(1929, 12, 31), "192", "decade", "the 1920s"),
        (date(2022, 1, 1), date(2024, 12, 31), "P3Y", "year", "2022–2024"),
    ],
)
def test_dates_read_as_words(earliest, latest, value, granularity, expected):
    text = describe_dates(earliest, latest, value, granularity)
    assert text == expected
    assert not any(code in text for code in ("9999", "0001", "REF", "PX", "P1", "P3", "-W", "-Q", "TEV", "T16"))


def test_iso_range_names_open_ends():
    assert iso_range(date(2024, 4, 13), OPEN_END) == "2024-04-13 → open"
    assert iso_range(OPEN_START, date(2024, 4, 13)) == "open → 2024-04-13"
    assert iso_range(date(2024, 4, 13), date(2024, 4, 13)) == "2024-04-13"
