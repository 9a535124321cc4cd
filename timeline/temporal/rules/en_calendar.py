"""English rules for named calendar dates: month-days, months, years, decades, quarters, seasons,
holidays. Examples use DCT 2024-04-13 (a Saturday) unless they say otherwise."""

from __future__ import annotations

from timeline.temporal.lexicon import CENTURY_ORDINALS, YEAR_KINDS, alternation
from timeline.temporal.resolve import absolute, holidays, relative
from timeline.temporal.resolve.captures import Captures, reads
from timeline.temporal.resolve.context import ResolveContext
from timeline.temporal.rules.base import Example as Ex
from timeline.temporal.rules.base import Rule
from timeline.temporal.rules.fragments import (
    AFTER_MONTH_COORDINATION,
    MONTH,
    PREP_BEFORE_MONTH,
    SEASON,
    YEAR,
    B,
    E,
)
from timeline.temporal.rules.phrases import DAY_MONTH, MOD, MONTH_DAY, YEAR_REF
from timeline.temporal.timex import Resolution

# "predicting 1990 BellSouth earnings", "his 1990 Anheuser earnings projection": a year before what is
# counted by the year (earnings, sales, a budget) is that year, after any verb and through a company
# name. A model year ("a 1990 Ford Taurus") or a count ("1990 shares") is followed by no such noun.
_FIGURES = (
    r"earnings|profits?|sales|results|revenues?|income|budgets?|forecasts?|projections?|estimates?|output|"
    r"spending|deficits?|surplus|growth|volume|dividends?|payouts?|targets?|goals?|losses|performance|"
    r"production|shipments|expenditures|elections?|campaign|season|levels|figures"
)
_YEAR_BEFORE_FIGURES = (
    r"(?=(?:1[5-9]|20)\d\d\s+(?:(?![\d])[A-Za-z][\w&'’.-]*\s+){0,2}"
    rf"(?i:{_FIGURES})\b)"
)


# "a fiscal year", "a calendar year": a way of counting years, no year in particular.
_RECKONINGS = {"fiscal", "financial", "calendar", "budget", "school", "academic"}


@reads("art", "kind", "unit")
def _year_of_kind(g: Captures, ctx: ResolveContext) -> Resolution | None:
    """ "an election year" is the DCT's year; an indefinite reckoning ("a fiscal year") is none."""
    if g["art"].lower() in ("a", "an") and g["kind"].lower() in _RECKONINGS:
        return None
    return relative.day_of_dct(g, ctx)


@reads("month", "yrel", "mod")
def _month_relative_year(g: Captures, ctx: ResolveContext) -> Resolution | None:
    """ "June last year": the month in the year the relation names."""
    year = ctx.dct.year + {"this": 0, "last": -1, "next": 1}[g["yrel"].lower()]
    return absolute.month_year(g.but(year=str(year)), ctx)


@reads("decade", "decade2", "mod")
def _decade(g: Captures, ctx: ResolveContext) -> Resolution | None:
    """ "the 1990s" or "the '90s"."""
    return absolute.decade(g.but(decade=g["decade"] or g["decade2"]), ctx)


@reads("ordinal", "qnum", "year", "year2", "yrel")
def _quarter(g: Captures, ctx: ResolveContext) -> Resolution | None:
    """ "the third quarter of 2023" or "Q3 2023"."""
    return absolute.quarter(g.but(year=g["year"] or g["year2"]), ctx)


CALENDAR_RULES: tuple[Rule, ...] = (
    Rule(
        "date_month_day",
        rf"{B}(?P<x>{MONTH_DAY}){E}",
        absolute.month_day,
        (
            Ex("on Saturday, April 13, 2024, in the room", "Saturday, April 13, 2024", "2024-04-13"),
            Ex("the war that broke out on October 7 has hurt", "October 7", "2023-10-07"),
            Ex("since the Oct. 7 Hamas attack", "Oct. 7", "2023-10-07"),
            Ex("They met on Jan 5th.", "Jan 5th", "2024-01-05"),  # beside a number, no period needed
            Ex("He died on December 28.", "December 28", "2024-12-28", dct="2025-01-03"),
            Ex("The talks will resume on January 5.", "January 5", "2025-01-05", dct="2024-12-20"),
            Ex("The bill passed on March 3rd, 2021.", "March 3rd, 2021", "2021-03-03"),
            Ex("Polls open Tuesday, Nov. 5.", "Tuesday, Nov. 5", "2024-11-05"),
        ),
        negatives=(
            "They may 5 times a day.",
            "On February 30 nothing happened.",
            "Protesters march 5 miles.",
            "They will mar 5 games.",
        ),
    ),
    Rule(
        "date_day_month",
        rf"{B}(?P<x>{DAY_MONTH}){E}",
        absolute.month_day,
        (
            Ex("It happened on 7 October 2023.", "7 October 2023", "2023-10-07"),
            Ex("The claim was filed 5 Jan 2024.", "5 Jan 2024", "2024-01-05"),
            Ex("on the 4th of July celebrations", "the 4th of July", "2024-07-04"),
        ),
    ),
    Rule(
        "day_of_month",
        rf"(?<=\b(?i:on|by|until|till|since|before|after|from)\s)(?P<x>(?i:the)\s+(?P<day>(?:3[01]|[12][0-9]|0?[1-9])(?i:st|nd|rd|th))){E}(?!\s+(?i:of\b|century|anniversary|time|floor|amendment|place|round|day|week|month|year|minute|hour|percentile|birthday|edition|annual|inning|hole|lap|street|avenue))",
        absolute.day_of_month,
        (
            Ex("He will be sentenced on the 14th.", "the 14th", "2024-04-14"),
            Ex("The ruling came on the 2nd.", "the 2nd", "2024-04-02"),
        ),
        negatives=("She finished on the 3rd hole.", "He died on the 20th anniversary of the war."),
        priority=-2,
    ),
    Rule(
        "date_iso",
        r"(?<![\d-])(?P<x>(?P<year>(?:19|20)\d\d)-(?P<month_num>0[1-9]|1[0-2])-(?P<day_num>0[1-9]|[12]\d|3[01]))(?![\d-])",
        absolute.iso_date,
        (Ex("Filed 2023-11-02 with the court.", "2023-11-02", "2023-11-02"),),
        negatives=("Ticket 2023-13-45 was void.",),
    ),
    Rule(
        "date_numeric_us",
        r"(?<![\d/.-])(?P<x>(?P<month_num>1[0-2]|0?[1-9])/(?P<day_num>3[01]|[12]\d|0?[1-9])/(?P<year>(?:19|20)\d\d))(?![\d/])",
        absolute.iso_date,
        (Ex("The contract was signed 4/13/2024 in Denver.", "4/13/2024", "2024-04-13"),),
        negatives=("Open 24/7.", "Ratio 13/4/2024 is invalid."),
    ),
    Rule(
        "month_year",
        rf"{B}(?P<x>(?:{MOD}[-\s]\s*)?(?P<month>{MONTH})(?:\s+of)?,?\s+(?P<year>{YEAR})){E}",
        absolute.month_year,
        (
            Ex("prices rose in March 2023", "March 2023", "2023-03", earliest="2023-03-01", latest="2023-03-31"),
            Ex("by mid-June 2025 the plant", "mid-June 2025", "2025-06"),
        ),
    ),
    Rule(
        "month_relative_year",
        rf"{B}(?P<x>(?:{MOD}[-\s]\s*)?(?P<month>{MONTH})(?:\s+of)?\s+(?P<yrel>(?i:this|last|next))\s+(?i:year)){E}",
        _month_relative_year,
        (
            Ex("In January this year, police officers arrived.", "January this year", "2024-01"),
            Ex("In June last year, the leaders split.", "June last year", "2023-06"),
            Ex("The plant opens in March of next year.", "March of next year", "2025-03"),
        ),
    ),
    Rule(
        "month_alone",
        rf"{B}(?P<x>(?P<rel>(?i:last|next|this))\s+(?:{MOD}[-\s]\s*)?(?P<month>{MONTH})|{MOD}[-\s]\s*(?P<month>{MONTH})|(?:(?<=\b(?:{PREP_BEFORE_MONTH})\s)|(?<=\b(?:{PREP_BEFORE_MONTH})-)|{AFTER_MONTH_COORDINATION}|(?<=\b(?i:for)\s)(?!May\b)|(?<=\b(?i:a|an)\s)(?={MONTH}\s+[a-z]+\b))(?P<month>{MONTH}))(?!\s*\d){E}",
        absolute.month_alone,
        (
            Ex("Inflation peaked in March.", "March", "2024-03"),
            Ex("The law takes effect in January.", "January", "2025-01", dct="2024-11-20"),
            Ex("Sales fell last December.", "last December", "2023-12"),
            Ex("The report is due in early May.", "early May", "2024-05"),
            Ex("Meetings are planned for June and July.", "July", "2024-07"),
            Ex("Meetings are planned for June and July.", "June", "2024-06"),
            Ex("The job figures for January were strong.", "January", "2025-01", dct="2025-02-06"),
            Ex("It is trying to sell itself under a June agreement with holders.", "June", "2024-06"),
            Ex("The bid closes at the end of March.", "the end of March", "2024-03", dct="2024-02-20"),
        ),
        negatives=(
            "Theresa May spoke.",
            "Protesters march on the capital.",
            "They may leave.",
            "She toured with Johnny Cash and June Carter.",
            "The crash happened on March Road.",
            "Voters turned out for May in Maidenhead.",
            "It was a June Carter song.",
        ),
    ),
    Rule(
        "holiday",
        rf"{B}(?P<x>(?:(?P<hrel>(?i:last|next|this\s+past|this\s+coming|this))\s+)?(?P<holiday>{holidays.PATTERN})(?:,?\s+(?P<year>{YEAR}))?(?P<weekend>\s+(?i:holiday\s+)?weekend)?){E}",
        holidays.holiday,
        (
            Ex("The park closed on Labor Day.", "Labor Day", "2023-09-04", dct="2024-04-13"),
            Ex("Stores reopen after New Year's Eve.", "New Year's Eve", "2025-12-31", dct="2025-12-30"),
            Ex("Churches were full on Easter Sunday.", "Easter Sunday", "2024-03-31"),
            Ex("Families gathered on Thanksgiving.", "Thanksgiving", "2023-11-23"),
            Ex("Markets were closed on Memorial Day.", "Memorial Day", "2023-05-29"),
            Ex("Ramadan began in March.", "Ramadan", "2024-03-11"),
            Ex("Yom Kippur fell on a Monday.", "Yom Kippur", "2023-09-25"),
            Ex("Lamps were lit on Diwali.", "Diwali", "2023-11-12"),
            Ex("Shops shut early on Christmas Eve.", "Christmas Eve", "2023-12-24"),
            Ex("We leave next Christmas.", "next Christmas", "2024-12-25"),
            Ex("Last Thanksgiving was cold.", "Last Thanksgiving", "2023-11-23"),
            Ex(
                "Roads were busy over Memorial Day weekend.",
                "Memorial Day weekend",
                "2023-W21-WE",
                dct="2023-06-05",
                earliest="2023-05-27",
                latest="2023-05-29",
            ),
            Ex(
                "Travel peaks over Thanksgiving weekend.",
                "Thanksgiving weekend",
                "2024-W48-WE",
                dct="2024-11-20",
                earliest="2024-11-28",
                latest="2024-12-01",
            ),
        ),
        priority=2,
    ),
    Rule(
        "year_kind",
        rf"{B}(?P<x>(?P<art>(?i:an?|this|the))\s+(?:(?P<kind>(?i:{alternation(list(YEAR_KINDS))}))\s+)(?P<unit>(?i:year))){E}",
        _year_of_kind,
        (
            Ex("the dangerous politics of an election year", "an election year", "2024"),
            Ex("This calendar year has been hard.", "This calendar year", "2024"),
        ),
        negatives=("The company changed from a fiscal year to a calendar year.",),
    ),
    Rule(
        "decade",
        rf"{B}(?P<x>(?i:the\s+)?(?:{MOD}[-\s])?(?:(?P<decade>(?:1[5-9]|20)\d0)s|['’](?P<decade2>\d0)s)){E}",
        _decade,
        (
            Ex(
                "Inflation last hit this level in the 1990s.",
                "the 1990s",
                "199",
                earliest="1990-01-01",
                latest="1999-12-31",
            ),
            Ex("a hit of the late '80s", "the late '80s", "198"),
        ),
    ),
    Rule(
        "century",
        rf"{B}(?P<x>(?:(?i:the)\s+(?:{MOD}[-\s])?(?:(?P<cnum>1[0-9]|2[0-2])(?i:st|nd|rd|th)|(?P<cword>(?i:{alternation(list(CENTURY_ORDINALS))})))[-\s](?i:century)|(?P<cnum>1[0-9]|2[0-2])(?i:st|nd|rd|th)[-\s]century)){E}",
        absolute.century,
        (
            Ex(
                "During the 20th century, the town doubled in size.",
                "the 20th century",
                "19",
                earliest="1900-01-01",
                latest="1999-12-31",
            ),
            Ex("in the late nineteenth century", "the late nineteenth century", "18"),
            Ex("She is a 20th century democrat.", "20th century", "19"),
        ),
        negatives=("He works at 21st Century Fox.",),
    ),
    Rule(
        "quarter",
        # "the third quarter" keeps its article; in "the third-quarter loss" the article belongs to "loss".
        rf"{B}(?P<x>(?:(?i:the)\s+(?=(?:(?i:fiscal|financial|calendar)\s+)?\w+\s+(?i:quarter)))?(?:(?i:fiscal|financial|calendar)[-\s])?(?P<ordinal>(?i:first|second|third|fourth|final|1st|2nd|3rd|4th))[-\s](?i:quarter)(?:\s+(?i:of)\s+{YEAR_REF})?|(?i:Q)(?P<qnum>[1-4])(?:\s+(?P<year2>{YEAR}))?){E}",
        _quarter,
        (
            # with its article the reporting-period rule reads it (same extent, higher priority)
            Ex("Profit fell in the second quarter.", "the second quarter", "2024-Q2", by="reporting_period"),
            Ex(
                "Profit rose in the fiscal fourth quarter.",
                "the fiscal fourth quarter",
                "2023-Q4",
                by="reporting_period",
            ),
            Ex("The fourth quarter of last year was weak.", "The fourth quarter of last year", "2023-Q4"),
        ),
    ),
    Rule(
        "season",
        rf"{B}(?P<x>(?:(?P<rel>(?i:this\s+past|this\s+coming|this|last|next|past|coming|the\s+coming|the\s+past))\s+(?:{MOD}[-\s])?|{MOD}[-\s]|(?:(?<=\b(?i:in|into|during|by|since|until|till|through|throughout|over|of|for|before|after|from|this|that)\s)(?i:the\s+)?)|(?=(?:summer|winter|autumn)\b))(?P<season>{SEASON})(?:\s+(?i:of\s+)?(?P<year>{YEAR}))?(?(rel)|(?(mod)|(?(year)|(?=\W|$))))){E}(?!\s+(?i:water|collection|line|semester|term|break|storms?|wheat|rolls?|Olympics|Games|coats?|clothes|jackets?|camps?|schools?|internships?|squash|solstice))",
        absolute.season,
        (
            Ex("The film opens this summer.", "this summer", "2024-SU"),
            Ex("Crops failed last winter.", "last winter", "2023-WI"),
            Ex("It was built in the spring of 2019.", "the spring of 2019", "2019-SP"),
            Ex("Families may not survive winter without shelter.", "winter", "2024-WI"),
            Ex("Plans for next summer are set.", "next summer", "2024-SU"),
            Ex("The pilot ended this past spring.", "this past spring", "2023-SP"),
            Ex("Shortages lasted well into the summer.", "the summer", "1989-SU", dct="1989-10-26"),
            # a loose future (an infinitive under "made it hard") may not send a season seven months ahead
            Ex(
                "The glitches made it hard for Sun to meet demand well into the summer.",
                "the summer",
                "1989-SU",
                dct="1989-10-26",
            ),
        ),
        negatives=(
            "The spring water was cold.",
            "Prices could fall sharply.",
            "Leaves fall in October.",
            "Her daughter Summer, 12, was unhurt.",
            "They soaked in a hot spring.",
        ),
        priority=-2,
        unwritten=("yrel",),  # a season takes its year as written or from the DCT
    ),
    Rule(
        "year",
        rf"(?:(?<=\b(?:{PREP_BEFORE_MONTH}|(?i:the|fiscal|year|since|early|late|mid|of|for|into|both|due))\s)|(?<=\w['’]s\s)|(?<=\b(?i:its|his|her|their|our|that)\s)(?={YEAR}\s+[a-z]+(?<!s)\b)|(?<=\b(?i:a|an)\s)(?=(?:19|20)\d\d\s+[A-Z][a-z]+\s+[a-z]+(?<!s)\b)|(?<=\b(?i:a|an|its|his|her|their|our)\s[a-z]+\s)(?=(?:19|20)\d\d\s+(?:[A-Z][a-z]+\s+)?[a-z]+(?<!s)\b)|(?<=\b(?i:mid|early|late)-)|(?=(?i:mid|early|late)-{YEAR})|(?<=,\s)|(?<![\w$£€¥.,-]){_YEAR_BEFORE_FIGURES}|(?<={YEAR}\s+(?i:and|or|to|through|until)\s))(?P<x>(?:(?i:fiscal)\s+)?(?:{MOD}[-\s])?(?P<year>{YEAR})){E}(?!-\w)(?!\s*(?i:people|troops|soldiers|dollars|percent|units|times|members|votes|feet|miles|km|kilometers|meters|acres|pounds|tons|residents|workers|jobs|cases|deaths))",
        absolute.year_alone,
        (
            Ex("Sales doubled in 2023.", "2023", "2023"),
            Ex("The plant opened in mid-2023.", "mid-2023", "2023"),
            Ex("Deliveries are expected mid-2025.", "mid-2025", "2025", earliest="2025-05-01", latest="2025-08-31"),
            Ex("It was founded in 1999.", "1999", "1999"),
            Ex("The firm raised its forecast for 2024.", "2024", "2024"),
            Ex("Between 2010 and 2015, output fell.", "2015", "2015"),
            Ex("Sanctions followed its 1990 invasion of Kuwait.", "1990", "1990"),
            Ex("He lost his unsuccessful 1996 campaign for re-election.", "1996", "1996"),
            Ex("The ban overruled a 1971 Convention which gives Libya rights.", "1971", "1971"),
            Ex("The company's 1989 operating results fell.", "1989", "1989"),
            Ex("In fiscal 1988, the company earned $17 million.", "fiscal 1988", "1988"),
            Ex("We expect that to continue into 1990.", "1990", "1990"),
            Ex("Analysts were predicting 1990 BellSouth earnings of $3.90.", "1990", "1990"),
            Ex("He trimmed his 1990 Anheuser earnings projection.", "1990", "1990"),
        ),
        negatives=(
            "About 2000 troops arrived.",
            "He scored 2019 points.",
            "The firm cut its 2000 employees.",
            "She ran a 1500-meter race.",
            "They hired a 2000 strong army.",
            "It sold a total 1990 units.",
            "He drove a 1990 Ford Taurus.",
            "They sold 1990 shares of stock.",
            "It sold 1,990 units in sales.",
        ),
        priority=-3,
    ),
)
