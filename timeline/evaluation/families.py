"""Families of temporal expressions, so accuracy can be read per kind of phrase (no Django).

A gold expression belongs to the first family whose test it passes; each family carries
examples (gold text, TIMEX3 type) that the tests replay.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

WEEKDAYS = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
MONTHS = (
    r"(?:jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?|aug(?:ust|\.)?"
    r"|sept?(?:ember|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)"
)
UNITS = r"(?:day|week|month|year|quarter|decade|century|hour|minute|weekend|morning|night)s?"
PARTS_OF_DAY = r"\b(?:morning|afternoon|evening|night|tonight|noon|midnight|overnight|dawn|dusk)\b"


@dataclass(frozen=True)
class Family:
    name: str
    test: Callable[[str, str], bool]  # (lower-case text, TIMEX3 type) -> belongs
    examples: tuple[tuple[str, str], ...]  # (text, type) that must land in this family


def _match(pattern: str) -> Callable[[str, str], bool]:
    compiled = re.compile(pattern)
    return lambda text, _type: bool(compiled.search(text))


FAMILIES: tuple[Family, ...] = (
    Family(
        "duration",
        lambda _text, kind: kind in ("DURATION", "SET"),
        (("two-day", "DURATION"), ("the past three months", "DURATION"), ("each thursday", "SET")),
    ),
    Family("bare weekday", _match(rf"^{WEEKDAYS}(?:['’]s)?$"), (("Friday", "DATE"), ("thursday", "DATE"))),
    Family(
        "part of day",
        lambda text, kind: kind == "TIME" or bool(re.search(PARTS_OF_DAY, text)),
        (("Saturday night", "TIME"), ("this morning", "TIME"), ("5 p.m. EST Nov. 9", "TIME")),
    ),
    Family(
        "month-day",
        _match(
            rf"^(?:(?:this coming )?{WEEKDAYS},? )?(?:(?:around|early|late) )?"
            rf"(?:{MONTHS} \d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}} {MONTHS}|{MONTHS} [a-z]+th)$"
        ),
        (("Sept. 30", "DATE"), ("Saturday, April 25", "DATE"), ("around Nov. 1", "DATE")),
    ),
    Family(
        "quarter",
        _match(r"quarter|\bhalf\b|\bfiscal\b|\bperiod\b|year-(?:ago|earlier)"),
        (
            ("the third quarter", "DATE"),
            ("third-quarter", "DATE"),
            ("fiscal 1990", "DATE"),
            ("the year-ago period", "DATE"),
        ),
    ),
    Family(
        "anchored",
        _match(
            rf"\b(?:earlier|later|before|after|following|previous|preceding|prior|that)\b"
            rf"(?! (?:this|next|last)\b)|^the (?:next|same) {UNITS}$|^then$"
        ),
        (
            ("a year earlier", "DATE"),
            ("the following year", "DATE"),
            ("that year", "DATE"),
            ("the previous Friday", "DATE"),
        ),
    ),
    Family(
        "relative unit",
        _match(
            rf"\b(?:yesterday|today|tomorrow|tonight|now)\b|\b(?:this|last|next|past|coming|"
            rf"current|recent|ago|earlier this|later this)\b|^(?:the )?{UNITS}$"
        ),
        (("yesterday", "DATE"), ("last year", "DATE"), ("a year ago", "DATE"), ("early next year", "DATE")),
    ),
    Family(
        "year",
        _match(
            r"\b1\d{3}\b|\b20\d\d\b|\bnineteen\b|\btwo thousand\b|\d0s\b|'\d0s|\b(?:twen|thir|for|fif|six|seven|eigh|nine)ties\b|centur"
        ),
        (("1988", "DATE"), ("nineteen ninety-six", "DATE"), ("the 1990s", "DATE")),
    ),
    Family("month", _match(rf"\b{MONTHS}\b"), (("January", "DATE"), ("mid-November", "DATE"))),
    Family("other", lambda _text, _kind: True, (("the future", "DATE"), ("once", "DATE"))),
)
FAMILY_NAMES = tuple(f.name for f in FAMILIES)


def family_of(text: str, kind: str) -> str:
    """The name of the first family the expression belongs to ("other" when none)."""
    lowered = " ".join(text.lower().replace("’", "'").split())
    return next(f.name for f in FAMILIES if f.test(lowered, kind))
