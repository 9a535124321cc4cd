"""Resolved dates and ranges in words people read at a glance ("Fri 12 Apr 2024", "1–7 Apr 2024")."""

from __future__ import annotations

import calendar
from datetime import date

from timeline.temporal.types import OPEN_END, OPEN_START


def _day(day: date, weekday: bool = False) -> str:
    text = f"{day.day} {day:%b} {day.year}"
    return f"{day:%a} {text}" if weekday else text


def _is_month_end(day: date) -> bool:
    return day.day == calendar.monthrange(day.year, day.month)[1]


def describe_range(earliest: date, latest: date) -> str:
    """Readable form of the inclusive range ``earliest..latest``; open ends read "until"/"from"."""
    if earliest == OPEN_START and latest == OPEN_END:
        return "any time"
    if earliest == OPEN_START:
        return f"until {_day(latest)}"
    if latest == OPEN_END:
        return f"from {_day(earliest)}"
    if earliest == latest:
        return _day(earliest, weekday=True)
    if earliest.day == 1 and _is_month_end(latest):
        if earliest.month == 1 and latest.month == 12:
            return str(earliest.year) if earliest.year == latest.year else f"{earliest.year}–{latest.year}"
        if (earliest.year, earliest.month) == (latest.year, latest.month):
            return f"{earliest:%B} {earliest.year}"
        if earliest.year == latest.year:
            return f"{earliest:%b}–{latest:%b} {latest.year}"
        return f"{earliest:%b} {earliest.year} – {latest:%b} {latest.year}"
    if (earliest.year, earliest.month) == (latest.year, latest.month):
        return f"{earliest.day}–{latest.day} {latest:%b} {latest.year}"
    if earliest.year == latest.year:
        return f"{earliest.day} {earliest:%b} – {latest.day} {latest:%b} {latest.year}"
    return f"{_day(earliest)} – {_day(latest)}"
