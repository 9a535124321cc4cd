"""Regex fragments built from the lexicon; rules compose them.

Month and weekday names must be capitalised (or upper case, as in datelines):
that is what tells "May 5" from "may", and "March 3" from "they march".
"""

from __future__ import annotations

from timeline.temporal.lexicon import (
    MONTH_ABBREVIATIONS_NEEDING_PERIOD,
    MONTHS,
    NAME_FOLLOWERS,
    NUMBER_WORDS,
    PARTS_OF_DAY,
    SEASONS,
    UNIT_ABBREVIATIONS,
    UNITS,
    VAGUE_QUANTITIES,
    WEEKDAYS,
    alternation,
)


def _cased(words: list[str]) -> list[str]:
    return [w.capitalize() for w in words] + [w.upper() for w in words]


def _month_names() -> str:
    full = [m for m in MONTHS if len(m) > 4 or m in ("may", "june", "july")]
    abbreviations = [m for m in MONTHS if m not in full]
    with_period = [a + "." for a in _cased(abbreviations)]
    bare = [a for a in _cased([m for m in abbreviations if m not in MONTH_ABBREVIATIONS_NEEDING_PERIOD])]
    # "Jan 5", "5 Jan 2024": beside a number even "Jan" or "Mar" without its period is a month.
    needing = alternation(_cased(sorted(MONTH_ABBREVIATIONS_NEEDING_PERIOD)))
    beside_number = rf"(?:{needing})(?=\s+\d)|(?<=\d\s)(?:{needing})(?!\w)"
    return rf"{alternation(_cased(full) + with_period + bare)}|{beside_number}"


def _weekday_names() -> str:
    full = [w for w in WEEKDAYS if w.endswith("day")]
    abbreviations = [w + "." for w in _cased([w for w in WEEKDAYS if not w.endswith("day")])]
    # Lower case too ("see you monday"): no English word is spelled like a weekday. Nor like
    # "Tues" or "Thurs", which need no period; "Wed", "Sat", "Sun" and "Mon" do ("they wed").
    unambiguous = [w for w in WEEKDAYS if not w.endswith("day") and len(w) >= 4]
    return alternation(_cased(full) + full + abbreviations + _cased(unambiguous) + unambiguous)


B = r"(?<![\w'’-])"  # left word boundary that also refuses a hyphen or apostrophe before
E = r"(?!\w)"  # right word boundary; a possessive 's stays outside the match
# "expected to last six weeks", "could last two days": after "to", a modal or a negation "last" is the verb.
LAST_AS_VERB_BEFORE = (
    r"(?<!\b(?i:to|will|would|could|can|may|might|must|should|shall|not|n't|does|did|do|"
    r"won't|can't|cannot|wouldn't|couldn't|didn't|doesn't)\s+)"
)
# "March Road", "May Day Lounge": a month name heading a place or event name is not a date.
PLACE_WORDS = r"Road|Rd\.|Street|St\.|Avenue|Ave\.|Lane|Drive|Boulevard|Blvd\.|Court|Square|Bridge|Park|Hall|Lounge|Madness|Day\s+(?:Lounge|Parade|Bar|Club)"
MONTH = rf"(?:{_month_names()})(?!\s+(?:{PLACE_WORDS})\b)"
# "Black Monday", "Super Tuesday", "Good Friday": names (holidays.py resolves the real ones).
NAME_PRECEDERS = r"(?<!\b(?:Black|Blue|Bloody|Super|Cyber|Ash|Holy|Maundy|Good|Easter|Palm|Giving|Manic)\s)"
WEEKDAY = rf"{NAME_PRECEDERS}(?:{_weekday_names()})(?!\s+(?:{alternation(list(NAME_FOLLOWERS))})\b)"
# The bare names with no context checks: wherever MONTH or WEEKDAY matches inside any
# stretch of a text, these match at the same place in the whole text (a cheap superset).
MONTH_OR_WEEKDAY_NAME = rf"(?:{_month_names()}|{_weekday_names()})"
DAY = r"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?(?![\d:,.]?\d)"
_LAST_TWO = r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
# Years said in words, as broadcasts transcribe them: "nineteen ninety-six", "two thousand and two".
SPOKEN_YEAR = (
    rf"(?i:(?:eighteen|nineteen)[\s-]{_LAST_TWO}|two\s+thousand(?:\s+and)?\s+"
    rf"(?:{_LAST_TWO}|one|two|three|four|five|six|seven|eight|nine))(?![\w-])"
)
YEAR = rf"(?:(?:1[5-9]\d\d|20\d\d)(?![\d%])|{SPOKEN_YEAR})"
PART_OF_DAY = rf"(?i:{alternation([p for p in PARTS_OF_DAY if p != 'tonight'])})"
SEASON = rf"(?i:{alternation(list(SEASONS))})"
# Only a tens word takes a unit after it ("twenty-four", "ninety one"): "a two-hour" is "a" + "two-hour".
NUMBER = (
    r"(?:\d+(?:\.\d+)?|(?i:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[ -]"
    rf"(?i:one|two|three|four|five|six|seven|eight|nine)\b|(?i:{alternation([n for n in NUMBER_WORDS])}))"
)
VAGUE = rf"(?i:{alternation(sorted(VAGUE_QUANTITIES))})"
UNIT = rf"(?i:{alternation(list(UNITS))})"
UNITS_PLURAL = rf"(?i:{alternation([u + 's' for u in UNITS] + ['centuries'])})"
# Lower-case abbreviations only: "3 MIN" or "Mo" are more often something else.
UNIT_SHORT = rf"(?:{alternation(list(UNIT_ABBREVIATIONS))})"
UNIT_ANY = rf"(?:{UNITS_PLURAL}|{UNIT}|{UNIT_SHORT})"
ZONE = r"(?:[ECMP][SD]?T|GMT|UTC|BST|CET|CEST|IST|JST|AEST|local time|(?i:Eastern|Pacific|Central|Mountain)(?: (?:Standard |Daylight )?[Tt]ime)?)"
CLOCK = r"(?:(?:1[0-2]|0?[1-9])(?::[0-5]\d)?\s?(?i:a\.m\.|p\.m\.|am\b|pm\b|a\.m|p\.m)|(?:[01]?\d|2[0-3]):[0-5]\d(?!\d)|(?i:noon|midnight))"
PREP_BEFORE_MONTH = r"(?i:in|since|until|till|by|through|throughout|from|during|before|after|of|to|between|last|next|this|early|late|mid|the end of|the start of|the beginning of|the middle of)"
# A month coordinated with another ("June and July"): "and" alone is not enough ("Cash and June Carter").
AFTER_MONTH_COORDINATION = rf"(?<=(?:{_month_names()})\s+(?i:and|or|to|through|until)\s)"
# A rate: "$1.76 a year", "700 seats a week", "$2 million a year", "four flights a week". A quantity
# (money, a number, a number word) then up to three counted words, none a verb ("died"), a function
# word ("people were a year") or a time unit ("two days a week" is a schedule, not a rate of goods).
_QUANTITY = (
    r"(?:[$£€¥]\s?\d[\d,]*(?:\.\d+)?|(?<![\d,.])(?!(?:1[5-9]|20)\d\d(?!\d))\d[\d,]*(?:\.\d+)?(?:\s?%)?"
    r"|(?i:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|dozen))"
    r"(?:\s+(?i:million|billion|trillion|thousand|hundred|percent|cents?|dollars?|pounds?|euros?|yen))*"
)
_COUNTED_WORD = (
    r"(?!(?i:is|are|was|were|be|been|had|has|have|will|would|and|or|but|to|in|on|at|for|by|with|from|after|"
    r"before|that|which|who|than|times?|seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?)\b)"
    r"[a-z][a-z-]*(?<!ed)"
)
RATE_BEFORE = rf"(?<=(?<![\w$£€¥]){_QUANTITY}(?:\s+{_COUNTED_WORD}){{0,3}}\s)"
# Days of a kind counted like days: "eight trading days", "five business days", "30 calendar days".
COUNTED_DAYS = r"(?i:trading|business|working|calendar|school|banking|market)"
