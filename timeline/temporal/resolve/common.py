"""Words every resolver reads the same way: month names, day numbers, modifiers, unit words.

The bottom of the resolver modules: it imports only the lexicon, so any resolver may use it
without an import cycle.
"""

from __future__ import annotations

from timeline.temporal.lexicon import MONTHS, UNIT_ABBREVIATIONS, UNITS


class UnknownUnit(ValueError):
    """A unit word the lexicon does not know: a rule's pattern and the lexicon disagree."""


MODS = {
    "early": "START",
    "mid": "MID",
    "late": "END",
    "the end of": "END",
    "the start of": "START",
    "the beginning of": "START",
    "the middle of": "MID",
    "end of": "END",
    "start of": "START",
    "beginning of": "START",
    "middle of": "MID",
}


def month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def day_number(word: str) -> int:
    return int(word.rstrip("stndrh"))


def mod_of(word: str | None) -> str:
    return MODS.get(" ".join((word or "").lower().replace("-", " ").split()), "")


def unit_name(word: str) -> str:
    """The lexicon's unit for a unit word ("centuries", "wks", "Hours"); an unknown word raises."""
    word = word.lower()
    if word == "centuries":
        name = "century"
    elif word in UNIT_ABBREVIATIONS:  # "qtr", "wks", "yrs"
        name = UNIT_ABBREVIATIONS[word]
    else:
        name = word[:-1] if word.endswith("s") and word[:-1] in UNITS else word
    if name not in UNITS:
        raise UnknownUnit(word)
    return name
