"""English rules for ordinal weekdays, weeks named by a day, and ranges that read as one expression.
Examples use DCT 2024-04-13 (a Saturday) unless they say otherwise."""

from __future__ import annotations

from timeline.temporal.resolve import ordinal
from timeline.temporal.rules.base import Example as Ex
from timeline.temporal.rules.base import Rule
from timeline.temporal.rules.fragments import DAY, MONTH, WEEKDAY, YEAR, B, E

NTH = r"(?P<nth>(?i:first|second|third|fourth|fifth|last|final|1st|2nd|3rd|4th|5th))"
YEAR_TAIL = rf"(?:,?\s+(?P<year>{YEAR}))?"

RANGE_RULES: tuple[Rule, ...] = (
    Rule(
        "weekday_of_month",
        rf"{B}(?P<x>(?:(?i:the)\s+)?{NTH}\s+(?P<weekday>{WEEKDAY})\s+(?i:of|in)\s+(?P<month>{MONTH}){YEAR_TAIL}){E}",
        ordinal.weekday_of_month,
        (
            Ex(
                "Voters go to the polls on the first Tuesday of November.",
                "the first Tuesday of November",
                "2024-11-05",
            ),
            Ex("The market opened on the first Monday of March.", "the first Monday of March", "2024-03-04"),
            Ex("The race will be held the last Friday in October.", "the last Friday in October", "2024-10-25"),
            Ex("It met on the second Sunday of May, 2022.", "the second Sunday of May, 2022", "2022-05-08"),
        ),
        priority=3,
    ),
    Rule(
        "week_of",
        rf"{B}(?P<x>(?i:the)\s+(?i:week)\s+(?i:of)\s+(?P<month>{MONTH})\s*(?P<day>{DAY}){YEAR_TAIL}){E}",
        ordinal.week_of,
        (
            Ex(
                "The trial starts the week of October 7.",
                "the week of October 7",
                "2024-W41",
                earliest="2024-10-07",
                latest="2024-10-13",
            ),
        ),
        priority=3,
        unwritten=("weekday",),
    ),
    Rule(
        "day_range",
        rf"{B}(?P<x>(?:(?P<month1>{MONTH})\s*(?P<day1>{DAY})\s*(?:-|–|—|\s+(?i:to|through|until|and)\s+)(?:(?P<month2>{MONTH})\s*)?(?P<day2>{DAY})"
        rf"|(?:(?i:from|between)\s+)?(?P<day1>{DAY})\s*(?:-|–|\s+(?i:to|and|until)\s+)(?P<day2>{DAY})\s+(?P<month2>{MONTH})){YEAR_TAIL}){E}",
        ordinal.day_range,
        (
            Ex("The festival runs July 13-15.", "July 13-15", "2024-07-13", earliest="2024-07-13", latest="2024-07-15"),
            Ex(
                "The show runs from 13 to 15 July.",
                "from 13 to 15 July",
                "2024-07-13",
                earliest="2024-07-13",
                latest="2024-07-15",
            ),
            Ex(
                "The window is Jan. 3 to Feb. 9.",
                "Jan. 3 to Feb. 9",
                "2024-01-03",
                earliest="2024-01-03",
                latest="2024-02-09",
            ),
            Ex(
                "Talks ran Dec. 28 to Jan. 4.",
                "Dec. 28 to Jan. 4",
                "2023-12-28",
                earliest="2023-12-28",
                latest="2024-01-04",
            ),
        ),
        negatives=("The score was 13-15.",),
        priority=2,
    ),
    Rule(
        "week_of_month",
        rf"{B}(?P<x>(?i:the)\s+{NTH}\s+(?i:week)\s+(?i:of|in)\s+(?P<month>{MONTH}){YEAR_TAIL}){E}",
        ordinal.week_of_month,
        (
            Ex(
                "The vote is set for the second week of May.",
                "the second week of May",
                "2024-W19",
                earliest="2024-05-08",
                latest="2024-05-14",
            ),
            Ex(
                "Talks ended in the last week of March.",
                "the last week of March",
                "2024-W13",
                earliest="2024-03-25",
                latest="2024-03-31",
            ),
        ),
        priority=2,
    ),
    Rule(
        "month_range",
        rf"{B}(?P<x>(?i:between|from)\s+(?P<month1>{MONTH})\s+(?i:and|to|through|until)\s+(?P<month2>{MONTH})){E}(?!\s*\d)",
        ordinal.month_range,
        (
            Ex(
                "Prices rose between March and May.",
                "between March and May",
                "2024-03",
                earliest="2024-03-01",
                latest="2024-05-31",
            ),
            Ex(
                "The pool opens from June to August.",
                "from June to August",
                "2024-06",
                earliest="2024-06-01",
                latest="2024-08-31",
            ),
        ),
        priority=2,
    ),
)
