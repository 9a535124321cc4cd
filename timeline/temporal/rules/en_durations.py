"""English rules for lengths of time and what recurs: "three hours", "the past week", "recent
years", "now", "$1.76 a year", "every Monday", "on weekends". Examples use DCT 2024-04-13 (a
Saturday) unless they say otherwise."""

from __future__ import annotations

from timeline.temporal.resolve import spans
from timeline.temporal.resolve.captures import Captures, reads
from timeline.temporal.resolve.context import ResolveContext
from timeline.temporal.rules.base import Example as Ex
from timeline.temporal.rules.base import Rule
from timeline.temporal.rules.fragments import (
    COUNTED_DAYS,
    LAST_AS_VERB_BEFORE,
    NUMBER,
    PART_OF_DAY,
    RATE_BEFORE,
    UNIT,
    UNIT_ANY,
    VAGUE,
    WEEKDAY,
    B,
    E,
)
from timeline.temporal.rules.phrases import DURATION_MOD
from timeline.temporal.timex import Resolution


@reads("unit", "rel")
def _span_ahead(g: Captures, ctx: ResolveContext) -> Resolution | None:
    """ "the weeks ahead" says what "the coming weeks" says."""
    return spans.anchored_span(g.but(rel="coming", num=None), ctx)


@reads("weekday", "weekend")
def _plural_weekday(g: Captures, ctx: ResolveContext) -> Resolution | None:
    """ "Mondays", "weekends": a day that comes round each week."""
    setword = "weekends" if g["weekend"] else None
    return spans.recurring(
        Captures(setword=setword, num=None, weekday=g["weekday"], pod=None, weekdays=None, unit=None), ctx
    )


@reads("unit", "weekdays", "weekday", "pod", "pod2", "num", "setword")
def _recurring(g: Captures, ctx: ResolveContext) -> Resolution | None:
    """ "every Monday", "every Saturday morning", "every other week", "daily"."""
    num = None if (g["num"] or "").lower() == "other" else g["num"]
    return spans.recurring(g.but(pod=g["pod"] or g["pod2"], num=num), ctx)


DURATION_RULES: tuple[Rule, ...] = (
    Rule(
        "duration_and_a_half",
        rf"{B}(?P<x>(?P<num>{NUMBER}|(?i:an?))(?:\s+(?P<unit>{UNIT_ANY})\s+(?i:and\s+a\s+half)|(?:\s+1/2|-(?i:and-a-half)|\s+(?i:and\s+a\s+half))[\s-](?P<unit>{UNIT_ANY}))){E}",
        spans.half_duration,
        (
            Ex("A minute and a half later, a pilot called.", "A minute and a half", "PT1M30S"),
            Ex("They lived in camps for 2 1/2 years.", "2 1/2 years", "P2Y6M"),
            Ex("The six-and-a-half-hour flight was late.", "six-and-a-half-hour", "PT6H30M"),
            Ex("He served two and a half years.", "two and a half years", "P2Y6M"),
        ),
        priority=2,
    ),
    Rule(
        "span_ahead",
        # "the weeks ahead" says what "the coming weeks" says: FUTURE_REF, as gold-format.md writes it
        rf"{B}(?P<x>(?i:the)\s+(?P<unit>(?i:hours|days|weeks|months|years|decades))\s+(?P<rel>(?i:ahead))){E}",
        _span_ahead,
        (
            Ex(
                "Talks will resume in the weeks ahead.",
                "the weeks ahead",
                "FUTURE_REF",
                earliest="2024-04-13",
                latest="9999-12-31",
            ),
            Ex("Growth should slow in the months ahead.", "the months ahead", "FUTURE_REF"),
        ),
        negatives=("The road ahead is long.", "They are weeks ahead of schedule."),
    ),
    Rule(
        "span_anchored_to_dct",
        rf"{B}(?P<x>(?i:the\s+|these\s+|this\s+)?(?P<rel>(?i:past|{LAST_AS_VERB_BEFORE}last|previous|next|coming|following|upcoming|recent))\s+(?:(?P<num>{NUMBER}|{VAGUE})\s+)?(?P<unit>{UNIT_ANY})){E}",
        spans.anchored_span,
        (
            Ex(
                "Officials have spent the past week trying",
                "the past week",
                "P1W",
                earliest="2024-04-06",
                latest="2024-04-13",
            ),
            Ex(
                "They will remain in close contact in the coming hours.",
                "the coming hours",
                "FUTURE_REF",
                earliest="2024-04-13",
                latest="9999-12-31",
            ),
            Ex(
                "Prices rose over the past 48 hours.",
                "the past 48 hours",
                "PT48H",
                earliest="2024-04-11",
                latest="2024-04-13",
            ),
            Ex(
                "Talks continue over the next three days.",
                "the next three days",
                "P3D",
                earliest="2024-04-13",
                latest="2024-04-16",
            ),
            Ex(
                "Kidnappings have risen in recent years.",
                "recent years",
                "PXY",
                earliest="2021-04-13",
                latest="2024-04-13",
            ),
            Ex(
                "In recent weeks, sources reported delays.",
                "recent weeks",
                "PXW",
                earliest="2024-03-23",
                latest="2024-04-13",
            ),
        ),
        negatives=(
            "The hearings are expected to last six weeks.",
            "The strike could last two more days.",
            "Supplies will not last 10 days.",
        ),
        priority=-1,
    ),
    Rule(
        "duration_plain",
        rf"{B}(?P<x>(?:(?i:the)\s+(?:(?i:first|latest|year-earlier|year-ago|comparable)\s+)?(?=(?:\d|(?i:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))))?(?:(?P<dmod>{DURATION_MOD})\s+)?(?!(?i:an?)\s+second\b)(?!(?=(?i:an?|per)\s+{UNIT}{E}){RATE_BEFORE})(?P<num>{NUMBER}|{VAGUE})[\s-](?:(?i:more|additional|further|extra)\s+)?(?:{COUNTED_DAYS}\s+(?=(?i:days?)\b))?(?P<unit>{UNIT_ANY})(?:-(?i:long|old))?){E}(?![\s-]+(?i:ago|from\s+now|later|earlier|after\s+that|before\s+that|points?\b|percent|of\s+(?:a|an|the|all|its|their|his|her|our)\b))"
        # "Mr. Schwarz, 52 years old": an age, which no gold set annotates (heldout and blind READMEs)
        r"(?!\s+(?i:old)\b)",
        spans.plain_duration,
        (
            Ex("The meeting lasted three hours.", "three hours", "PT3H"),
            Ex("He faces up to 20 years in prison.", "up to 20 years", "P20Y"),
            Ex("The talks lasted about two hours.", "about two hours", "PT2H"),
            Ex("a decade of war", "a decade", "P1DE"),
            Ex("a 48-hour ceasefire", "48-hour", "PT48H"),
            Ex("a 45-year-old man", "45-year-old", "P45Y"),
            Ex("Rates will stay high for several more months.", "several more months", "PXM"),
            Ex("The delay is a fortnight.", "a fortnight", "P2W"),
            Ex("The announcement came a day after the vote.", "a day", "P1D"),
            Ex("Profit rose in the first nine months.", "the first nine months", "P9M"),
            Ex("After a two-hour meeting, they left.", "two-hour", "PT2H"),
            Ex("Stocks hit a five year low.", "five year", "P5Y"),
            Ex("It took 3 mos. to fix.", "3 mos", "P3M"),
            Ex("Eight trading days after Oct. 12, stocks fell.", "Eight trading days", "P8D"),
            Ex("The buyer has five business days to decide.", "five business days", "P5D"),
            # a rate needs a quantity right before it: here "a year" follows a verb
            Ex("Three soldiers died a year after the war.", "a year", "P1Y"),
        ),
        negatives=(
            "He sold a house.",
            "She won a second term.",
            "The bank cut rates by a quarter point.",
            "The dividend is $1.76 a year.",
            "It added 700 seats a week.",
            "Rooms cost between $35 and $55 a night.",
            "It pays $2 million a year in interest expense.",
            "It runs four flights a week.",
            "A quarter of the staff left.",
            "He voted for a quarter-point cut.",
            "Mr. Schwarz, 52 years old, will succeed him.",
        ),
        priority=-5,
    ),
    Rule(
        "duration_for_plural",
        r"(?<=\b(?i:for|over|in|within)\s)(?P<x>(?P<unit>(?i:years|months|weeks|days|decades|hours|minutes|centuries)))(?!\w)(?!\s+(?i:ago|later|earlier|before|after))",
        spans.plain_duration,
        (
            Ex("The plant has been idle for years.", "years", "PXY"),
            Ex("Officials will decide within days.", "days", "PXD"),
        ),
        priority=-5,
        unwritten=("num", "dmod"),
    ),
    Rule(
        "duration_bare_plural",
        rf"{B}(?P<x>(?P<unit>(?i:hours|days|weeks|months|years|minutes)))(?=\s+(?i:before|after|earlier|later)\b)",
        spans.plain_duration,
        (Ex("Hours before Iran launched its attack, they met.", "Hours", "PTXH"),),
        priority=-6,
        unwritten=("num", "dmod"),
    ),
    Rule(
        "vague_reference",
        rf"{B}(?P<x>(?P<vague>(?i:right\s+now|now|currently|at\s+present|nowadays|these\s+days|recently|lately|(?<!\b(?i:as)\s)soon(?!\s+(?i:as|after|afterward))|(?<=\b(?i:in)\s)the\s+(?:future|past)|the\s+(?:early|first)\s+(?:days|weeks|months)))){E}",
        spans.vague,
        (
            Ex("What happens now is unclear.", "now", "PRESENT_REF"),
            Ex("Prices have recently risen.", "recently", "PAST_REF"),
            Ex("a change from the early days of the conflict", "the early days", "PAST_REF"),
            Ex("A decision is expected soon.", "soon", "FUTURE_REF"),
        ),
        negatives=(
            "What happens next is unknown.",
            "in real time",
            "the light of day",
            "A vote could come as soon as Thursday.",
        ),
        priority=-7,
    ),
    Rule(
        "rate",
        rf"(?=(?i:an?)\s+{UNIT}{E}){RATE_BEFORE}(?P<x>(?i:an?)\s+(?P<unit>{UNIT})){E}(?![\s-]+(?i:ago|from\s+now|later|earlier|after|before|or)\b)",
        spans.recurring,
        # A price or count per unit is a regularity, not a stretch of time: a SET, as gold-format.md says.
        (
            Ex("The dividend is $1.76 a year.", "a year", "P1Y"),
            Ex("The airline added 700 seats a week.", "a week", "P1W"),
            Ex("Rooms cost between $35 and $55 a night.", "a night", "P1D"),
            Ex("It pays $2 million a year in interest expense.", "a year", "P1Y"),
            Ex("The carrier runs four flights a week to Paris.", "a week", "P1W"),
        ),
        negatives=(
            "Three soldiers died a year after the war.",
            "They meet twice a year.",
            "He paid $5 a year ago.",
            "It works two days a week.",
        ),
        priority=-4,
        unwritten=("setword", "num", "weekday", "pod", "weekdays"),
    ),
    Rule(
        "plural_weekday",
        # "closed on Mondays", "works Saturdays", "shut on weekends": a day that comes round each week
        rf"{B}(?P<x>(?P<weekday>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)s|(?P<weekend>(?i:weekends)))(?!\w)(?<!\b(?i:the|these|those|two|three|several|few|many)\s(?:\w+))",
        _plural_weekday,
        (
            Ex("The museum is closed on Mondays.", "Mondays", "XXXX-WXX-1"),
            Ex("He works Saturdays.", "Saturdays", "XXXX-WXX-6"),
            Ex("Markets are shut on weekends.", "weekends", "XXXX-WXX-WE"),
        ),
        negatives=("The two Mondays before the vote were busy.",),
        priority=-8,
    ),
    Rule(
        "recurring",
        rf"{B}(?P<x>(?:(?i:once|twice|(?:{NUMBER})\s+times)\s+(?i:a|an|per|every|each)\s+(?P<unit>{UNIT}))|(?i:every|each)\s+(?:(?P<weekdays>(?i:weekday))|(?P<weekday>{WEEKDAY})(?:\s+(?P<pod>{PART_OF_DAY}))?|(?P<pod2>{PART_OF_DAY})|(?:(?P<num>{VAGUE}|{NUMBER}|(?i:other))\s+)?(?P<unit>{UNIT_ANY}))|(?P<setword>(?i:daily|weekly|monthly|annually|yearly|hourly|nightly|quarterly))(?!\s+(?!(?:for|to|in|on|at|by|and|or|since|until|from|with|over|through|the|a|an|this|that|its|their|his|her|after|before|as|since|is|are|was|were|will|would|than)\b)[a-z])){E}(?!\s+(?i:newspaper|paper|basis|average|show|briefing|report|wage|limit|rate|allowance))",
        _recurring,
        (
            Ex("The market opens every Monday.", "every Monday", "XXXX-WXX-1"),
            Ex("Volunteers meet every Saturday morning.", "every Saturday morning", "XXXX-WXX-6TMO"),
            Ex("Floods return every few years.", "every few years", "PXY"),
            Ex("The group meets once a fortnight.", "once a fortnight", "P2W"),
            Ex("Trains run every weekday.", "every weekday", "P1D"),
            Ex("The fee is paid annually.", "annually", "P1Y"),
            Ex("They have measured the ice annually for a decade.", "annually", "P1Y"),
        ),
        negatives=("The board declared a quarterly dividend.", "The agency gives the daily tally."),
        priority=-8,
    ),
)
