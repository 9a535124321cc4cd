"""English rules for reporting periods: "the quarter", "the year-ago quarter", "the 1988 period",
"the first half". Examples use DCT 2024-04-13 (a Saturday) unless they say otherwise."""

from __future__ import annotations

from timeline.temporal.resolve import absolute, fiscal, spans
from timeline.temporal.resolve.captures import Captures, reads
from timeline.temporal.resolve.context import ResolveContext
from timeline.temporal.rules.base import Example as Ex
from timeline.temporal.rules.base import Rule
from timeline.temporal.rules.fragments import MONTH, YEAR, B
from timeline.temporal.rules.phrases import YEAR_REF
from timeline.temporal.timex import Resolution, year_range
from timeline.temporal.types import DATE, DURATION

_BEFORE = r"year-ago|year-earlier|year\s+ago|year\s+earlier|prior-year"
_RELATION = (
    rf"(?:the\s+)?(?:comparable\s+|corresponding\s+)?(?:{_BEFORE})|the\s+(?:latest|most\s+recent|comparable|corresponding)"
    r"|this\s+year['’]s|last\s+year['’]s|next\s+year['’]s|that|the"
)
NOT_A_PERIOD = r"(?![-\w])(?!\s+(?i:of\s+(?:a|an|the|all|its|their|his|her|our|those|these)\b|century|note|point|mile|final|horse|inch))"


@reads("rel", "year", "ordinal", "after", "unit", "end_month", "end_day", "ended")
def _period(g: Captures, ctx: ResolveContext) -> Resolution | None:
    relation = " ".join((g["rel"] or "").lower().split())
    loose = relation in ("the", "its", "that", "") and not (g["year"] or g["ordinal"] or g["after"])
    if g["unit"].lower() == "period" and loose:
        return None  # "the period" alone names no calendar period
    if g["rel"]:
        g = g.but(rel=_normalise(relation))
    return fiscal.period(g, ctx)


def _normalise(relation: str) -> str:
    for marker in ("year-ago", "year-earlier", "year ago", "year earlier", "prior-year", "corresponding", "comparable"):
        if marker in relation:
            return "year-ago"
    return relation.removeprefix("the ").replace("’", "'")


@reads()
def _adjective(g: Captures, ctx: ResolveContext) -> Resolution | None:
    return fiscal.year_ago_in_quarter(ctx) or fiscal.previous_year(ctx)


FISCAL_RULES: tuple[Rule, ...] = (
    Rule(
        "reporting_period",
        rf"{B}(?P<x>(?:(?P<rel>(?i:{_RELATION}))\s+|(?<=\b(?i:its|their)\s)(?=(?i:(?:fiscal\s+)?(?:first|second|third|fourth)\s+quarter\s+end)))(?:(?P<year>{YEAR})\s+)?(?:(?i:fiscal|financial)[-\s]+)?"
        rf"(?:(?P<ordinal>(?i:first|second|third|fourth))\s+)?(?P<unit>(?i:quarter|period))"
        rf"(?:\s+(?P<after>(?i:a\s+year\s+(?:ago|earlier)|last\s+year)))?){NOT_A_PERIOD}"
        rf"(?:(?=\s+(?P<ended>(?i:ended|ending))\s+(?P<end_month>{MONTH})\s+(?P<end_day>3[01]|[12]\d|0?[1-9])\b)|)",
        _period,
        (
            Ex("Profit rose in the quarter ended March 31.", "the quarter", "2024-Q1"),
            Ex(
                "For the quarter ended Sept. 30, sales rose.",
                "the quarter",
                "1989-Q3",
                dct="1989-10-26",
                earliest="1989-07-01",
                latest="1989-09-30",
            ),
            Ex(
                "Net rose 9% in its fiscal first quarter. For the quarter ended Sept. 30, sales rose.",
                "the quarter",
                "1989-Q1",
                dct="1989-10-26",
                earliest="1989-07-01",
                latest="1989-09-30",
            ),
            # May-July lies mostly in calendar Q2; the range is the real three months.
            Ex(
                "In the quarter ended July 31, Jayark had 10 workers.",
                "the quarter",
                "1989-Q2",
                dct="1989-10-30",
                earliest="1989-05-01",
                latest="1989-07-31",
            ),
            # A written ordinal is the company's label, in the end day's year; the months are real.
            Ex(
                "Sun reported a loss for its fourth quarter ended June 30.",
                "fourth quarter",
                "1989-Q4",
                dct="1989-10-26",
                earliest="1989-04-01",
                latest="1989-06-30",
            ),
            Ex(
                "A year ago, in the second quarter ended Oct. 31, it lost money.",
                "the second quarter",
                "1988-Q2",
                dct="1989-10-27",
                earliest="1988-08-01",
                latest="1988-10-31",
            ),
            Ex(
                "Net income fell 20% for the third quarter. In the year-ago quarter, it earned $3 million.",
                "the year-ago quarter",
                "2023-Q3",
                dct="2024-10-27",
            ),
            Ex("Sales in the latest period were flat.", "the latest period", "2024-Q1"),
            # A quarter in a forecast, or an earlier one given as background, is not the one reported.
            Ex(
                "Bethlehem posted a drop in third-quarter profit. Analysts expect the trend to continue into the "
                "fourth quarter. In the year-ago period, Bethlehem earned $101 million.",
                "the year-ago period",
                "1988-Q3",
                dct="1989-10-26",
            ),
            Ex(
                "It posted a gain in third-quarter net income. After a flat second quarter, it cited diapers. "
                "In the 1989 period, tax rates were lower.",
                "the 1989 period",
                "1989-Q3",
                dct="1989-11-01",
            ),
            Ex("It earned $1 million in the 1988 period.", "the 1988 period", "1988-Q3", dct="1989-10-26"),
            Ex("Net fell in the year-earlier third quarter.", "the year-earlier third quarter", "2023-Q3"),
            Ex("Sales for this year's third quarter were $14 million.", "this year's third quarter", "2024-Q3"),
            Ex("For the quarter a year ago, it reported a profit.", "the quarter a year ago", "2023-Q1"),
        ),
        negatives=(
            "A quarter of the staff left.",
            "They live in the French quarter of the city.",
            "During the period, nothing changed.",
            "The bank cut rates by a quarter point.",
        ),
        priority=1,
    ),
    Rule(
        "year_ago_adjective",
        rf"{B}(?P<x>(?i:{_BEFORE}))(?=\s+(?i:results|profit|net|loss|earnings|sales|revenue|figures|level|income|period|quarter|charge|gain)s?\b)",
        _adjective,
        (
            Ex(
                "Third-quarter profit rose 5%, compared with year-earlier profit of $3 million.",
                "year-earlier",
                "2023-Q3",
                dct="2024-10-27",
            ),
            Ex("Sales beat year-ago levels.", "year-ago", "2023"),
            # "a year ago" is a baseline compared with, not where the story moves: a later "a year earlier"
            # still counts from the period reported (was 2022)
            Ex(
                "Production fell 8% from a year ago. GMAC blamed higher borrowing costs compared with a year earlier.",
                "a year earlier",
                "2023",
                dct="2024-10-26",
                by="anchored_offset",
            ),
            Ex(
                "Third-quarter net rose 9%. For the nine months, Du Pont earned $2 billion, up 18% from $1.69 "
                "billion a year ago.",
                "a year ago",
                "1988",
                dct="1989-10-26",
                by="shift_from_dct",
            ),
            Ex(
                "Third-quarter net rose 9% from $5 million a year ago.",
                "a year ago",
                "1988-Q3",
                dct="1989-10-26",
                by="shift_from_dct",
            ),
            # segment figures a paragraph on are still the quarter's
            Ex(
                "Du Pont's net rose in the latest quarter. Pigment profit soared. Demand stayed strong. Fibers "
                "gained too. Conoco was helped by oil prices higher than a year ago.",
                "a year ago",
                "1988-Q3",
                dct="1989-10-26",
                by="shift_from_dct",
            ),
        ),
        priority=-1,
    ),
    Rule(
        "half_year",
        rf"{B}(?P<x>(?i:the)\s+(?P<ordinal>(?i:first|second|last))\s+(?i:half)(?:\s+(?i:of)\s+(?:{YEAR_REF}|(?i:the\s+year)))?){NOT_A_PERIOD}",
        absolute.half,
        (
            Ex("Growth slowed in the first half of 2023.", "the first half of 2023", "2023-H1"),
            Ex("Earnings will fall in the last half of 1989.", "the last half of 1989", "1989-H2"),
            Ex("Sales rose in the first half.", "the first half", "2024-H1"),
        ),
        negatives=("He scored in the first half of the match.",),
    ),
)


@reads("end_month", "end_day", "ended")
def _year_span(g: Captures, ctx: ResolveContext) -> Resolution | None:
    """ "the year ended March 31": a twelve-month length, placed on the twelve months up to that day
    when it is written, else on the day being told about."""
    if g["end_month"]:
        end, _ = fiscal.end_day(g, ctx)
        start = fiscal.months_ending(end, 12)
        return Resolution(DURATION, "P1Y", start, end, "year", note=f"the twelve months to {end.isoformat()}")
    day, anchor = ctx.local_day(sentences_back=0)
    return Resolution(DURATION, "P1Y", day, day, "year", anchor=anchor)


@reads()
def _whole_year(g: Captures, ctx: ResolveContext) -> Resolution | None:
    """ "for the year", "the full year": the DCT's year, which the report covers."""
    start, end = year_range(ctx.dct.year)
    return Resolution(DATE, f"{ctx.dct.year:04d}", start, end, "year", note="the year the report covers")


YEAR_RULES: tuple[Rule, ...] = (
    Rule(
        "months_of_year",
        # "the first nine months of the year": the length is the TIMEX ("the year" is its own); the plain
        # duration rule stays off "three days of the war", so the year-part form is matched here.
        rf"{B}(?P<x>(?i:the)\s+(?i:first|last|final|past)\s+(?P<num>(?i:two|three|four|five|six|seven|eight|nine|ten|eleven)|1[01]|[2-9])"
        rf"\s+(?P<unit>(?i:months|quarters|weeks)))(?=\s+(?i:of)\s+(?:(?i:the|this|last|its|their)\s+(?:(?i:fiscal|financial|calendar)\s+)?(?i:year)\b|{YEAR}\b))",
        spans.plain_duration,
        (
            Ex("Sales rose through the first nine months of the year.", "the first nine months", "P9M"),
            Ex("Jobs grew in the first six months of 1997.", "the first six months", "P6M"),
            Ex("Sales rose through the first nine months of the year.", "the year", "2024", by="whole_year"),
            # a year-ago comparison after the year's part is with the year before, not the quarter named
            Ex(
                "Third-quarter profit jumped 16%. In the first nine months of the year, net rose 10% from $283 "
                "million a year earlier.",
                "a year earlier",
                "1988",
                dct="1989-10-26",
                by="anchored_offset",
            ),
        ),
        negatives=("They spent the first three days of the war in a cellar.",),
        unwritten=("dmod",),
    ),
    Rule(
        "year_ended",
        rf"{B}(?P<x>(?i:the)\s+(?:(?i:fiscal|financial)\s+)?(?i:year))(?=\s+(?:(?i:that|which)\s+)?(?P<ended>(?i:ended|ending))\b"
        rf"(?:\s+(?P<end_month>{MONTH})\s+(?P<end_day>3[01]|[12]\d|0?[1-9])\b)?)",
        _year_span,
        (
            Ex(
                "Revenue was $76 million for the year ended March 31.",
                "the year",
                "P1Y",
                dct="1989-11-02",
                earliest="1988-04-01",
                latest="1989-03-31",
            ),
            Ex("In the fiscal year ended Jan. 31, sales rose.", "the fiscal year", "P1Y"),
            # TimeML's anchored length (TimeBank: P1Y with an end point); placed on the twelve months it covers
            Ex(
                "For the year ended Sept. 30, Ralston earned $422.5 million.",
                "the year",
                "P1Y",
                dct="1989-11-02",
                earliest="1988-10-01",
                latest="1989-09-30",
            ),
        ),
        priority=3,
    ),
    Rule(
        "whole_year",
        rf"(?:(?<=\b(?i:for|of|in)\s)(?P<x>(?i:the)\s+(?:(?i:full|whole|entire)\s+)?(?i:year))(?=\s*[,.;:])|{B}(?P<x>(?i:the)\s+(?i:full|whole|entire)\s+(?i:year))(?!\s+(?i:ended|ending|ago|earlier|before|after|of)\b))"
        + r"(?!\w)",
        _whole_year,
        (
            Ex("For the year, pet food volume was flat.", "the year", "2024"),
            Ex("It forecast an increase for the full year.", "the full year", "2024"),
            Ex("Revenue fell in the first nine months of the year.", "the year", "2024"),
        ),
        negatives=("It was the year of the flood.", "She was named person of the year by the magazine."),
    ),
)
