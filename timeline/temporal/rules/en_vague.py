"""English rules for open references and year ends: "the near future", "the near term", "a later
date", "as soon as possible", "a once high-flying", "by year-end". Examples use DCT 2024-04-13."""

from __future__ import annotations

from timeline.temporal.lexicon import DECADE_WORDS
from timeline.temporal.resolve.absolute import decade, year_alone
from timeline.temporal.resolve.captures import Captures, reads
from timeline.temporal.resolve.context import PAST, ResolveContext
from timeline.temporal.rules.base import Example as Ex
from timeline.temporal.rules.base import Rule
from timeline.temporal.rules.fragments import SPOKEN_YEAR, B, E
from timeline.temporal.rules.phrases import MOD
from timeline.temporal.timex import Resolution, open_future, open_past, year_range
from timeline.temporal.types import DATE


@reads()
def _future(g: Captures, ctx: ResolveContext) -> Resolution:
    return open_future(ctx.dct)


@reads()
def _past(g: Captures, ctx: ResolveContext) -> Resolution:
    return open_past(ctx.dct)


@reads("since")
def year_end(g: Captures, ctx: ResolveContext) -> Resolution:
    """ "by year-end", "since year-end": the end of the DCT's year, or of the last one when looking back."""
    year = ctx.dct.year - 1 if (g["since"] or (ctx.direction == PAST and ctx.dct.month <= 2)) else ctx.dct.year
    start, end = year_range(year)
    return Resolution(DATE, f"{year:04d}", start, end, "year", "END")


VAGUE_RULES: tuple[Rule, ...] = (
    Rule(
        "open_future",
        rf"{B}(?P<x>(?i:the\s+(?:near|foreseeable|distant|immediate)\s+future|(?<=\b(?i:into|for)\s)the\s+future"
        r"|the\s+(?:near|short)\s+term|a\s+later\s+date|as\s+soon\s+as\s+possible))" + E,
        _future,
        (
            Ex("They plan an offering in the near future.", "the near future", "FUTURE_REF"),
            Ex("We don't minimize the challenges of the near term.", "the near term", "FUTURE_REF"),
            Ex("It will raise the money at a later date.", "a later date", "FUTURE_REF"),
            Ex("It will sell the unit as soon as possible.", "as soon as possible", "FUTURE_REF"),
        ),
        negatives=("The future of the plant is unclear.", "a long-term lease"),
    ),
    Rule(
        "previously_opening",
        r"(?:(?<=^)|(?<=[.!?][\"'”’]?\s{1,3}))(?P<x>Previously)(?=[,\s])",
        _past,
        (Ex("The Iraqis agreed. Previously the Iraqis had resisted.", "Previously", "PAST_REF"),),
        negatives=("It was a previously announced agreement.",),
    ),
    Rule(
        "once_past",
        r"(?<=\b(?i:a|an|the)\s)(?P<x>(?i:once))(?=\s+[a-z][\w-]+\s+[a-z])",
        _past,
        (Ex("Coleco, a once high-flying toy maker, failed.", "once", "PAST_REF"),),
        negatives=("They meet once a week.", "Once the vote is done, we leave.", "He left at once."),
    ),
    Rule(
        "year_end",
        rf"(?:(?<=\b(?P<since>(?i:since))\s))?{B}(?P<x>(?:(?i:around)\s+)?(?i:year[-\s]end|year['’]s\s+end))" + E,
        year_end,
        (
            Ex("The sale should close by year-end.", "year-end", "2024"),
            Ex("The index is up 5% since year-end.", "year-end", "2023"),
            Ex("The rules should be in place by year's end.", "year's end", "2024"),
        ),
        negatives=("The year ended badly.",),
    ),
)


@reads("dword", "mod")
def _spoken_decade(g: Captures, ctx: ResolveContext) -> Resolution | None:
    return decade(g.but(decade=str(DECADE_WORDS[g["dword"].lower()])), ctx)


@reads("year")
def _spoken_year(g: Captures, ctx: ResolveContext) -> Resolution | None:
    """ "nineteen ninety-seven": a year, with no modifier."""
    return year_alone(g.but(mod=None), ctx)


SPOKEN_RULES: tuple[Rule, ...] = (
    Rule(
        "year_spoken",
        rf"{B}(?P<x>(?:(?i:the\s+year)\s+(?P<year>(?i:two\s+thousand)(?![\s-]+(?i:and|one|two|three|four|five|six|seven|eight|nine|ten|[a-z]+ty)\b))|(?P<year>{SPOKEN_YEAR})))"
        + E,
        _spoken_year,
        (
            Ex("A nineteen ninety-seven attack on a lounge was solved.", "nineteen ninety-seven", "1997"),
            Ex(
                "His promise to halve unemployment by the year two thousand was dropped.",
                "the year two thousand",
                "2000",
            ),
            Ex("In two thousand and two the plant closed.", "two thousand and two", "2002"),
        ),
        negatives=("He sold two thousand shares.", "Nineteen people died."),
    ),
    Rule(
        "decade_spoken",
        rf"{B}(?P<x>(?i:the)\s+(?:{MOD}[-\s])?(?P<dword>(?i:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)))"
        + E,
        _spoken_decade,
        (
            Ex("Numbers were dropping through the nineties.", "the nineties", "199"),
            Ex("It was built in the early sixties.", "the early sixties", "196"),
        ),
        negatives=("She is in her forties.",),
    ),
)
