"""English rules for years a heading or a parenthesis names without a preposition: "1861-1863",
"the Siege of Kut (1915-16)", "the Gallipoli (1915) campaign", a line "2003: Invasion". Each year of a span is its own
expression, as TimeML tags them. Examples use DCT 2024-04-13 unless they say otherwise."""

from __future__ import annotations

from timeline.temporal.resolve import absolute
from timeline.temporal.resolve.captures import Captures, reads
from timeline.temporal.resolve.context import ResolveContext
from timeline.temporal.rules.base import Example as Ex
from timeline.temporal.rules.base import Rule
from timeline.temporal.timex import Resolution

DIGIT_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
DASH = r"[-–]"
# Not inside a figure, a code or a date written with dashes ("1,861-1,863", "A1861-1863", "2024-04-13").
BEFORE_SPAN = r"(?<![\w$£€¥.,/:#-])"
AFTER_SPAN = r"(?![\w%-]|[.,]\d)"


@reads("first", "short")
def _short_end(g: Captures, ctx: ResolveContext) -> Resolution | None:
    """ "1915-16": the end year written with its last two digits, after the first year."""
    first = int(g["first"])
    year = first // 100 * 100 + int(g["short"])
    if year <= first:
        year += 100  # "1999-00" ends in 2000
    return absolute.year_alone(Captures(year=str(year), mod=None), ctx)


YEAR_SPAN_RULES: tuple[Rule, ...] = (
    Rule(
        "year_span_start",
        rf"{BEFORE_SPAN}(?P<x>(?P<year>{DIGIT_YEAR}))(?={DASH}(?:{DIGIT_YEAR}|\d\d){AFTER_SPAN})",
        absolute.year_alone,
        (
            Ex("Eastern Theater 1861-1863", "1861", "1861"),
            Ex("after the Siege of Kut (1915-16), the army regrouped", "1915", "1915"),
        ),
        negatives=("It was filed on 2024-04-13.", "Revenue rose 1,861-1,863 units.", "Part A1861-1863 shipped."),
        priority=-4,
        unwritten=("mod",),
    ),
    Rule(
        "year_span_end",
        rf"(?<={BEFORE_SPAN}{DIGIT_YEAR}{DASH})(?P<x>(?P<year>{DIGIT_YEAR})){AFTER_SPAN}",
        absolute.year_alone,
        (Ex("Eastern Theater 1861-1863", "1863", "1863"),),
        negatives=("It was filed on 2024-04-13.",),
        priority=-4,
        unwritten=("mod",),
    ),
    Rule(
        "year_span_short_end",
        rf"(?<={BEFORE_SPAN}(?P<first>{DIGIT_YEAR}){DASH})(?P<x>(?P<short>\d\d)){AFTER_SPAN}",
        _short_end,
        (
            Ex("after the Siege of Kut (1915-16), the army regrouped", "16", "1916"),
            Ex("the 1999-00 season", "00", "2000"),
        ),
        negatives=("It was filed on 2024-04-13.", "Scores were 1915-16.5 at the close."),
        priority=-4,
    ),
    Rule(
        "year_heading",
        rf"(?m:^)[ \t]*(?P<x>(?P<year>{DIGIT_YEAR}))(?=[ \t]*(?:\n|\Z|:\s))",
        absolute.year_alone,
        (
            Ex("1936\nCoup leader Sanjurjo was killed in a plane crash.", "1936", "1936"),
            Ex("2003: Invasion", "2003", "2003"),
        ),
        negatives=("1936 troops landed.", "2003:45 was the time."),
        priority=-4,
        unwritten=("mod",),
    ),
    Rule(
        "year_in_brackets",
        rf"(?<=\()(?P<x>(?P<year>{DIGIT_YEAR}))(?=\))",
        absolute.year_alone,
        (Ex("The British opened fronts with the Gallipoli (1915) campaign.", "1915", "1915"),),
        negatives=("The index closed at (1915.5) points.",),
        priority=-4,
        unwritten=("mod",),
    ),
)
