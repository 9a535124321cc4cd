"""English temporal vocabulary as data: the words and what they mean.

Regex fragments in rules/ are built from these tables, so adding a word here
teaches every rule that uses the table.
"""

from __future__ import annotations

import re

MONTHS: dict[str, int] = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
# Abbreviations that are also ordinary words need their period ("Mar." yes, "mar" no).
MONTH_ABBREVIATIONS_NEEDING_PERIOD = {"mar", "jun", "jul", "sep", "dec", "jan", "aug", "nov", "apr"}

WEEKDAYS: dict[str, int] = {
    "monday": 0,
    "mon": 0,
    "tuesday": 1,
    "tue": 1,
    "tues": 1,
    "wednesday": 2,
    "wed": 2,
    "weds": 2,
    "thursday": 3,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "friday": 4,
    "fri": 4,
    "saturday": 5,
    "sat": 5,
    "sunday": 6,
    "sun": 6,
}

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "overnight": "NI",
    "tonight": "NI",
    "midday": "MI",
    "daytime": "DT",
}

SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}

NUMBER_WORDS: dict[str, float] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "hundred": 100,
    "a couple of": 2,
    "a couple": 2,
    "couple of": 2,
    "a dozen": 12,
    "dozen": 12,
    "half a": 0.5,
    "a half": 0.5,
    "one and a half": 1.5,
}
# Quantities too vague for a number: the value gets an X ("PXD").
VAGUE_QUANTITIES = {"a few", "few", "several", "many", "some", "a number of", "numerous", "recent"}

ORDINALS: dict[str, int] = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "final": 4,
    "last": 4,
}
CENTURY_ORDINALS: dict[str, int] = {
    "nineteenth": 19,
    "twentieth": 20,
    "twenty-first": 21,
    "twenty first": 21,
    "eighteenth": 18,
    "seventeenth": 17,
    "sixteenth": 16,
    "fifteenth": 15,
}

# unit word -> (TIMEX3 duration letter, is a time unit, granularity of a point at that unit)
UNITS: dict[str, tuple[str, bool, str]] = {
    "second": ("S", True, "time"),
    "minute": ("M", True, "time"),
    "hour": ("H", True, "time"),
    "day": ("D", False, "day"),
    "night": ("D", False, "day"),
    "week": ("W", False, "week"),
    "fortnight": ("W", False, "week"),
    "month": ("M", False, "month"),
    "quarter": ("Q", False, "quarter"),
    "year": ("Y", False, "year"),
    "decade": ("DE", False, "decade"),
    "century": ("CE", False, "century"),
    "weekend": ("WE", False, "week"),
}
# Informal abbreviations ("in 2 wks", "3 mos.", "next yr"), read as the unit they shorten.
UNIT_ABBREVIATIONS: dict[str, str] = {
    "wk": "week",
    "wks": "week",
    "mo": "month",
    "mos": "month",
    "yr": "year",
    "yrs": "year",
    "hr": "hour",
    "hrs": "hour",
    "min": "minute",
    "mins": "minute",
    "qtr": "quarter",
    "qtrs": "quarter",
}
UNIT_DAYS: dict[str, float] = {
    "second": 1 / 86400,
    "minute": 1 / 1440,
    "hour": 1 / 24,
    "day": 1,
    "night": 1,
    "week": 7,
    "fortnight": 14,
    "month": 30.44,
    "quarter": 91.3,
    "year": 365.25,
    "decade": 3652.5,
    "century": 36525,
    "weekend": 7,
}
# Adjectives that make "a(n) X year" the current year rather than a duration.
YEAR_KINDS = (
    "election",
    "presidential election",
    "midterm election",
    "midterm",
    "leap",
    "record",
    "banner",
    "fiscal",
    "financial",
    "school",
    "academic",
    "calendar",
    "budget",
    "census",
)

# Words that mark a following weekday/month as part of a name, not a date.
NAME_FOLLOWERS = (
    "Times",
    "Telegraph",
    "Mirror",
    "Express",
    "Post",
    "Herald",
    "Mail",
    "Night Live",
    "prayers",
    "prayer",
    "Sermon",
    "Morning",
    "Club",
    "League",
    "Star",
    "Observer",
    "Independent",
    "Review",
    "Magazine",
    "Edition",
    "Show",
    "Tribune",
)

# Words whose presence in a sentence makes it worth a full parse (fast trigger).
TRIGGER_WORDS = sorted(
    set(
        list(MONTHS)
        + list(WEEKDAYS)
        + list(PARTS_OF_DAY)
        + list(SEASONS)
        + list(UNITS)
        + [u + "s" for u in UNITS]
        + [
            "today",
            "yesterday",
            "tomorrow",
            "tonight",
            "now",
            "currently",
            "recently",
            "lately",
            "soon",
            "ago",
            "later",
            "earlier",
            "weekend",
            "daily",
            "weekly",
            "annually",
            "monthly",
            "yearly",
            "hourly",
            "noon",
            "midnight",
            "future",
            "past",
            "decades",
            "centuries",
            "nowadays",
            "previously",
            "present",
            "q1",
            "q2",
            "q3",
            "q4",
            "a.m.",
            "p.m.",
            "am",
            "pm",
            "centuries",
            "overnight",
            "midday",
            "weeks",
            "days",
            "hours",
            "months",
            "years",
        ]
    )
)


def number_value(words: str) -> float | None:
    """The number a quantity phrase means ("three" -> 3, "48" -> 48), None when vague."""
    text = " ".join(words.lower().replace("-", " ").split())
    if text in NUMBER_WORDS:
        return NUMBER_WORDS[text]
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    parts = text.split()
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS:
        tens, ones = NUMBER_WORDS[parts[0]], NUMBER_WORDS[parts[1]]
        if tens >= 20 and ones < 10:
            return tens + ones
    return None


SPOKEN_ONES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
SPOKEN_TEENS = {
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
SPOKEN_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SPOKEN_CENTURIES = {"eighteen": 1800, "nineteen": 1900}
# "the nineties", "the early eighties": decades of the 1900s said in words.
DECADE_WORDS = {
    "twenties": 1920,
    "thirties": 1930,
    "forties": 1940,
    "fifties": 1950,
    "sixties": 1960,
    "seventies": 1970,
    "eighties": 1980,
    "nineties": 1990,
}


def _spoken_below_hundred(words: list[str]) -> int | None:
    if len(words) == 1:
        word = words[0]
        return SPOKEN_ONES.get(word, SPOKEN_TEENS.get(word, SPOKEN_TENS.get(word)))
    if len(words) == 2 and words[0] in SPOKEN_TENS and words[1] in SPOKEN_ONES:
        return SPOKEN_TENS[words[0]] + SPOKEN_ONES[words[1]]
    return None


def year_number(text: str) -> int | None:
    """A year written in digits or said in words ("1996", "nineteen ninety-six", "two thousand and two")."""
    text = " ".join(text.lower().replace("-", " ").split())
    if text.isdigit():
        return int(text)
    words = text.split()
    if words[:2] == ["two", "thousand"]:
        rest = words[2:]
        rest = rest[1:] if rest[:1] == ["and"] else rest
        below = _spoken_below_hundred(rest) if rest else 0
        return 2000 + below if below is not None else None
    if words and words[0] in SPOKEN_CENTURIES:
        below = _spoken_below_hundred(words[1:])
        return SPOKEN_CENTURIES[words[0]] + below if below is not None and below >= 10 else None
    return None


def alternation(words: list[str] | tuple[str, ...] | dict[str, object]) -> str:
    """A regex alternation, longest first so "Sept" wins over "Sep"."""
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
