"""English rules for dates counted from an earlier date in the text (the narrative anchor) or a
named day: "the following day", "two days later", "the previous Friday", "until then", "a week
from Friday", "the days leading up to Saturday". Examples use DCT 2024-04-13 (a Saturday) unless
they say otherwise."""

from __future__ import annotations

from timeline.temporal.resolve import anchored, relative
from timeline.temporal.resolve.captures import Captures, reads
from timeline.temporal.resolve.context import ResolveContext
from timeline.temporal.rules.base import Example as Ex
from timeline.temporal.rules.base import Rule
from timeline.temporal.rules.fragments import (
    COUNTED_DAYS,
    DAY,
    MONTH,
    NUMBER,
    SEASON,
    UNIT_ANY,
    VAGUE,
    WEEKDAY,
    B,
    E,
)
from timeline.temporal.rules.phrases import DAYWORD, WEEKDAY_REF
from timeline.temporal.timex import Resolution


@reads("arel", "aunit", "arel2", "aunit2")
def _relative_to_anchor(g: Captures, ctx: ResolveContext) -> Resolution | None:
    """ "the following day" or "the day after": one relation and one unit, whichever order."""
    relation = (g["arel"] or g["arel2"] or "").lower().replace("the ", "").strip()
    return anchored.relative_to_anchor(Captures(arel=relation, aunit=g["aunit"] or g["aunit2"]), ctx)


ANCHORED_RULES: tuple[Rule, ...] = (
    Rule(
        "anchored_lead_up",
        # never "days after Oct. 12" out of "Eight trading days after Oct. 12": a counted span is a duration
        rf"(?<!(?:{NUMBER}|{VAGUE})\s+(?:{COUNTED_DAYS}\s+)?)"
        rf"{B}(?P<x>(?i:the\s+)?(?P<unit>(?i:days|weeks|hours|months|nights))\s+(?P<lead>(?i:leading\s+up\s+to|running\s+up\s+to|before|preceding|prior\s+to|ahead\s+of|after|following))\s+(?:(?i:on\s+)?(?:{DAYWORD}|(?P<month>{MONTH})\s*(?P<day>{DAY})|{WEEKDAY_REF})))(?=['’]s\b|{E})",
        anchored.leading_up_to,
        (
            Ex(
                "in the days leading up to Saturday's attack",
                "the days leading up to Saturday",
                "PXD",
                earliest="2024-04-06",
                latest="2024-04-13",
            ),
            Ex(
                "the weeks before April 2",
                "the weeks before April 2",
                "PXW",
                earliest="2024-03-05",
                latest="2024-04-02",
            ),
        ),
        negatives=("Eight trading days after Oct. 12, stocks fell.", "Three days after Oct. 12, they met."),
        priority=5,
        unwritten=("year",),
    ),
    Rule(
        "two_away",
        rf"{B}(?P<x>(?i:the)\s+(?P<unit>(?i:night|week|weekend|month|year))\s+(?P<which>(?i:after\s+next|before\s+last)))(?![\w])",
        relative.two_away,
        (
            Ex("See you the week after next.", "the week after next", "2024-W17"),
            Ex("It rained the night before last.", "the night before last", "2024-04-11TNI"),
            Ex("We hiked the weekend before last.", "the weekend before last", "2024-W13-WE"),
        ),
        priority=3,
    ),
    Rule(
        "offset_from_named_day",
        rf"{B}(?P<x>(?P<num>{NUMBER})\s+(?P<unit>(?i:days?|weeks?|fortnights?))\s+(?P<dir>(?i:from|after|before))\s+(?:{DAYWORD}|{WEEKDAY_REF}))(?![\w])",
        anchored.offset_from_named_day,
        (
            Ex("The vote is a week from Friday.", "a week from Friday", "2024-04-26"),
            Ex("Let's have lunch a week from today.", "a week from today", "2024-04-20"),
            Ex("The deal closed two days before Friday.", "two days before Friday", "2024-04-10"),
        ),
        negatives=("He worked for a week from home.",),
        priority=2,
    ),
    Rule(
        "then_anchored",
        # only after a preposition: "and then", "then-president", "the then current rate" are no dates
        r"(?<=\b(?i:until|till|by|since|before|after|from)\s)(?P<x>(?i:then))(?![\w-])",
        anchored.then_anchor,
        (
            Ex("The offer will terminate on Nov. 30. Until then, the stock remains convertible.", "then", "2024-11-30"),
            Ex("The plant closed in March 2023. Since then, 200 jobs have gone.", "then", "2023-03"),
        ),
        negatives=("He ate and then left.", "The then-president spoke.", "By then, nobody cared."),
    ),
    Rule(
        "anchored_offset",
        rf"{B}(?P<x>(?P<num>{NUMBER})\s+(?P<unit>{UNIT_ANY})\s+(?P<dir>(?i:later|earlier|after\s+that|before\s+that|afterwards?)))(?![\w])",
        anchored.offset_from_anchor,
        (
            Ex("Talks began on March 3. Two days later, they collapsed.", "Two days later", "2024-03-05"),
            Ex("She moved to Nashville in 1959. Two decades later, she returned.", "Two decades later", "197"),
            # later than nothing named: only the length is known (never the article's date moved ahead)
            Ex("Two decades later, the plant reopened.", "Two decades later", "P2DE"),
        ),
    ),
    Rule(
        "anchored_relative",
        rf"{B}(?P<x>(?:(?P<arel>(?i:the\s+following|the\s+next|the\s+previous|the\s+prior|the\s+same|that|the\s+preceding))\s+(?P<aunit>(?i:day|morning|afternoon|evening|night|weekend|week|month|year))|(?i:the)\s+(?P<aunit2>(?i:day|night|week))\s+(?P<arel2>(?i:before|after))))(?![\w])",
        _relative_to_anchor,
        (
            Ex(
                "The strike hit on Monday, April 8. The following day, troops withdrew.",
                "The following day",
                "2024-04-09",
            ),
            Ex(
                "She moved to Nashville in 1959 and signed a contract the following year.", "the following year", "1960"
            ),
            Ex("She arrived on June 2, 2023 and left the next morning.", "the next morning", "2023-06-03TMO"),
        ),
    ),
    Rule(
        "day_of_dct",
        r"(?<=\b(?i:throughout|during|later\s+in|earlier\s+in|all|much\s+of|most\s+of|rest\s+of|end\s+of)\s)(?P<x>(?i:the)\s+(?P<unit>(?i:day)))(?![\w])",
        relative.day_of_dct,
        (
            Ex("discussions taking place throughout the day at the White House", "the day", "2024-04-13"),
            Ex("The plant shut on March 3, 2023. Earlier in the day, a fire broke out.", "the day", "2023-03-03"),
            Ex("Talks began on Monday, April 8. Later in the day, they stalled.", "the day", "2024-04-08"),
        ),
        negatives=("to stay out of the light of day", "It was a good day."),
    ),
    Rule(
        "anchored_weekday",
        rf"{B}(?P<x>(?P<arel>(?i:the\s+following|the\s+previous|the\s+prior|the\s+preceding))\s+(?P<weekday>{WEEKDAY})){E}",
        anchored.weekday_from_anchor,
        (
            Ex(
                "Stocks closed lower on Friday, Oct. 27, down 4.5% from the previous Friday.",
                "the previous Friday",
                "1989-10-20",
                dct="1989-10-30",
            ),
            Ex(
                "The plant shut on Wednesday, March 6. It reopened the following Monday.",
                "the following Monday",
                "2024-03-11",
            ),
            Ex("Talks resumed the following Tuesday.", "the following Tuesday", "2024-04-16"),
        ),
        priority=1,
    ),
    Rule(
        "anchored_season",
        rf"{B}(?P<x>(?P<arel>(?i:the\s+following|the\s+next|the\s+previous|the\s+prior|the\s+same|that))\s+(?P<season>{SEASON})){E}",
        anchored.season_from_anchor,
        (
            Ex(
                "The dam broke in the summer of 1976. The following spring, it was rebuilt.",
                "The following spring",
                "1977-SP",
            ),
            Ex(
                "Prices rose in August 2023. Crops had been planted the previous autumn.",
                "the previous autumn",
                "2022-FA",
            ),
            Ex("They married in July 1950 and that winter moved north.", "that winter", "1950-WI"),
        ),
        priority=1,
    ),
)
