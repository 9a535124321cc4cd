"""English rules, most specific first, each with the examples it must get right.

Examples use DCT 2024-04-13 (a Saturday) unless they say otherwise. Tests in
tests/temporal/test_rules.py are generated from them.
"""

from __future__ import annotations

from timeline.temporal.lexicon import YEAR_KINDS, alternation
from timeline.temporal.resolve import absolute, anchored, dayparts, holidays, relative, spans
from timeline.temporal.rules.base import Example as Ex
from timeline.temporal.rules.base import Rule
from timeline.temporal.rules.fragments import (
    B, CLOCK, DAY, E, MONTH, NUMBER, PART_OF_DAY, PREP_BEFORE_MONTH, REL, SEASON, UNIT, UNIT_ANY,
    UNITS_PLURAL, VAGUE, WEEKDAY, YEAR, ZONE,
)

S = r"\s+"
DURATION_MOD = r"(?i:about|around|approximately|roughly|some|nearly|almost|less\s+than|fewer\s+than|just\s+under|up\s+to|at\s+most|no\s+more\s+than|more\s+than|just\s+over|over|at\s+least)"
MOD = r"(?P<mod>(?i:early|mid|late|the\s+end\s+of|the\s+start\s+of|the\s+beginning\s+of|the\s+middle\s+of))"
DAYWORD = r"(?P<dayword>(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|yesterday|tomorrow|tonight))"
WEEKDAY_REF = rf"(?:(?P<rel>(?i:last|next|this\s+coming|this\s+past|this))\s+)?(?P<weekday>{WEEKDAY})"
MONTH_DAY = rf"(?:(?P<weekday>{WEEKDAY}),?\s+)?(?P<month>{MONTH})\s*(?P<day>{DAY})(?:,?\s+(?P<year>{YEAR}))?"
DAY_MONTH = rf"(?:(?P<weekday>{WEEKDAY}),?\s+)?(?:the\s+)?(?P<day>{DAY})(?:\s+of)?\s+(?P<month>{MONTH})(?:,?\s+(?P<year>{YEAR}))?"
YEAR_REF = rf"(?:(?i:of\s+)?(?P<year>{YEAR})|(?P<yrel>(?i:this|last|next|the|current|previous))\s+(?i:year))"

RULES: tuple[Rule, ...] = (
    Rule(
        "anchored_lead_up",
        rf"{B}(?P<x>(?i:the\s+)?(?P<unit>(?i:days|weeks|hours|months|nights))\s+(?P<lead>(?i:leading\s+up\s+to|running\s+up\s+to|before|preceding|prior\s+to|ahead\s+of|after|following))\s+(?:(?i:on\s+)?(?:{DAYWORD}|(?P<month>{MONTH})\s*(?P<day>{DAY})|{WEEKDAY_REF})))(?=['’]s\b|{E})",
        anchored.leading_up_to,
        (Ex("in the days leading up to Saturday's attack", "the days leading up to Saturday", "PXD",
            earliest="2024-04-06", latest="2024-04-13"),
         Ex("the weeks before April 2", "the weeks before April 2", "PXW", earliest="2024-03-05", latest="2024-04-02")),
        priority=5,
    ),
    Rule(
        "date_month_day",
        rf"{B}(?P<x>{MONTH_DAY}){E}",
        absolute.month_day,
        (Ex("on Saturday, April 13, 2024, in the room", "Saturday, April 13, 2024", "2024-04-13"),
         Ex("the war that broke out on October 7 has hurt", "October 7", "2023-10-07"),
         Ex("since the Oct. 7 Hamas attack", "Oct. 7", "2023-10-07"),
         Ex("He died on December 28.", "December 28", "2024-12-28", dct="2025-01-03"),
         Ex("The talks will resume on January 5.", "January 5", "2025-01-05", dct="2024-12-20"),
         Ex("The bill passed on March 3rd, 2021.", "March 3rd, 2021", "2021-03-03"),
         Ex("Polls open Tuesday, Nov. 5.", "Tuesday, Nov. 5", "2024-11-05")),
        negatives=("They may 5 times a day.", "On February 30 nothing happened.", "Protesters march 5 miles."),
    ),
    Rule(
        "date_day_month",
        rf"{B}(?P<x>{DAY_MONTH}){E}",
        absolute.month_day,
        (Ex("It happened on 7 October 2023.", "7 October 2023", "2023-10-07"),
         Ex("on the 4th of July celebrations", "the 4th of July", "2024-07-04")),
    ),
    Rule(
        "date_iso",
        r"(?<![\d-])(?P<x>(?P<year>(?:19|20)\d\d)-(?P<month_num>0[1-9]|1[0-2])-(?P<day_num>0[1-9]|[12]\d|3[01]))(?![\d-])",
        absolute.iso_date,
        (Ex("Filed 2023-11-02 with the court.", "2023-11-02", "2023-11-02"),),
        negatives=("Ticket 2023-13-45 was void.",),
    ),
    Rule(
        "month_year",
        rf"{B}(?P<x>(?:{MOD}[-\s]\s*)?(?P<month>{MONTH})(?:\s+of)?,?\s+(?P<year>{YEAR})){E}",
        absolute.month_year,
        (Ex("prices rose in March 2023", "March 2023", "2023-03", earliest="2023-03-01", latest="2023-03-31"),
         Ex("by mid-June 2025 the plant", "mid-June 2025", "2025-06")),
    ),
    Rule(
        "month_alone",
        rf"{B}(?P<x>(?P<rel>(?i:last|next|this))\s+(?:{MOD}[-\s]\s*)?(?P<month>{MONTH})|(?:(?<=\b(?:{PREP_BEFORE_MONTH})\s)|(?<=\b(?:{PREP_BEFORE_MONTH})-))(?:{MOD}[-\s]\s*)?(?P<month>{MONTH}))(?!\s*\d){E}",
        absolute.month_alone,
        (Ex("Inflation peaked in March.", "March", "2024-03"),
         Ex("The law takes effect in January.", "January", "2025-01", dct="2024-11-20"),
         Ex("Sales fell last December.", "last December", "2023-12"),
         Ex("The report is due in early May.", "early May", "2024-05")),
        negatives=("Theresa May spoke.", "Protesters march on the capital.", "They may leave."),
    ),
    Rule(
        "time_clock",
        rf"{B}(?P<x>(?P<clock>{CLOCK})(?:\s+{ZONE})?(?:,?\s+(?:(?i:on)\s+)?(?:{DAYWORD}|{WEEKDAY_REF}))?)(?![\w])",
        dayparts.clock_time,
        (Ex("The polls close at 8 p.m. ET.", "8 p.m. ET", "2024-04-13T20:00"),
         Ex("The launch came at 11:30 p.m. Friday.", "11:30 p.m. Friday", "2024-04-12T23:30"),
         Ex("He spoke at noon yesterday.", "noon yesterday", "2024-04-12T12:00")),
        negatives=("The score was 3-2 at the half.", "Give 110 percent."),
    ),
    Rule(
        "part_of_day_named",
        rf"{B}(?P<x>(?:{MOD}\s+)?(?:{DAYWORD}|{WEEKDAY_REF}|(?P<month>{MONTH})\s*(?P<day>{DAY}))\s+(?P<pod>{PART_OF_DAY})){E}",
        dayparts.part_of_day,
        (Ex("Biden rushed back on Saturday afternoon.", "Saturday afternoon", "2024-04-13TAF"),
         Ex("They met Saturday night.", "Saturday night", "2024-04-13TNI"),
         Ex("Fighting resumed early Friday morning.", "early Friday morning", "2024-04-12TMO"),
         Ex("The storm hit yesterday evening.", "yesterday evening", "2024-04-12TEV"),
         Ex("We will announce it tomorrow morning.", "tomorrow morning", "2024-04-14TMO")),
        negatives=("He watched Saturday Night Live.",),
    ),
    Rule(
        "part_of_day_relative",
        rf"{B}(?P<x>(?:(?P<podrel>(?i:last|this))\s+(?P<pod>{PART_OF_DAY})|(?P<podrel2>(?i:tonight|overnight))))(?![\w-])",
        lambda g, ctx: dayparts.part_of_day(
            {**g, "podrel": g.get("podrel") or g.get("podrel2"), "pod": g.get("pod") or g.get("podrel2")}, ctx),
        (Ex("Rockets fell last night.", "last night", "2024-04-12TNI"),
         Ex("The minister said this morning that", "this morning", "2024-04-13TMO"),
         Ex("He will speak tonight.", "tonight", "2024-04-13TNI")),
    ),
    Rule(
        "holiday",
        rf"{B}(?P<x>(?P<holiday>{holidays.PATTERN})(?:,?\s+(?P<year>{YEAR}))?){E}",
        holidays.holiday,
        (Ex("The park closed on Labor Day.", "Labor Day", "2023-09-04", dct="2024-04-13"),
         Ex("Stores reopen after New Year's Eve.", "New Year's Eve", "2025-12-31", dct="2025-12-30"),
         Ex("Churches were full on Easter Sunday.", "Easter Sunday", "2024-03-31")),
        priority=2,
    ),
    Rule(
        "part_of_day_in_context",
        rf"(?<=\b(?i:in|by|during|until|through|into|late\s+in|early\s+in|later\s+in)\s)(?P<x>(?i:the)\s+(?P<pod>(?i:morning|afternoon|evening|night)))(?!\w)",
        dayparts.part_of_day_in_context,
        (Ex("Crowds gathered on June 14 and had left by the evening.", "the evening", "2024-06-14TEV", dct="2024-07-01"),),
    ),
    Rule(
        "weekend",
        rf"{B}(?P<x>(?P<rel>(?i:this\s+past|this\s+coming|last|this|next|past|coming|the))\s+(?P<unit>(?i:weekend))){E}",
        relative.relative_unit,
        (Ex("Shoppers came out last weekend.", "last weekend", "2024-W14-WE", earliest="2024-04-06", latest="2024-04-07"),
         Ex("Crowds gathered over the weekend.", "the weekend", "2024-W15-WE")),
    ),
    Rule(
        "within_unit",
        rf"{B}(?P<x>(?P<side>(?i:earlier|later))\s+(?i:this|in\s+the)\s+(?P<unit>(?i:week|month|year|decade|quarter))){E}",
        relative.within_unit,
        (Ex("Earlier this year the firm cut jobs.", "Earlier this year", "2024", earliest="2024-01-01", latest="2024-04-13"),
         Ex("The report is due later this month.", "later this month", "2024-04", earliest="2024-04-13", latest="2024-04-30")),
    ),
    Rule(
        "relative_unit_mod",
        rf"{B}(?P<x>{MOD}[-\s]\s*(?P<rel>(?i:last|this|next|the))\s+(?P<unit>(?i:week|month|year|decade|quarter|century))){E}",
        relative.relative_unit,
        (Ex("The deal closed late last year.", "late last year", "2023", earliest="2023-01-01", latest="2023-12-31"),
         Ex("A ruling is expected by the end of the month.", "the end of the month", "2024-04")),
        priority=1,
    ),
    Rule(
        "relative_unit",
        rf"{B}(?P<x>(?:(?i:the)\s+(?=(?i:current)))?(?P<rel>(?i:last|this|next|current|coming|previous))\s+(?P<unit>(?i:week|month|year|decade|quarter|century))){E}(?!\s+(?i:or|and)\s+(?i:so|two|more))",
        relative.relative_unit,
        (Ex("And last week, Gen. Kurilla traveled to Israel.", "last week", "2024-W14", earliest="2024-04-01", latest="2024-04-07"),
         Ex("Unemployment rose last month.", "last month", "2023-12", dct="2024-01-05"),
         Ex("Elections are due next year.", "next year", "2025"),
         Ex("This year has been hard.", "This year", "2024"),
         Ex("Profit will rise next quarter.", "next quarter", "2024-Q3")),
    ),
    Rule(
        "day_word",
        rf"{B}(?P<x>{DAYWORD}){E}",
        lambda g, ctx: (dayparts.part_of_day({**g, "podrel": "tonight", "pod": "tonight"}, ctx)
                        if g["dayword"].lower() == "tonight" else relative.day_word(g, ctx)),
        (Ex("Officials said today that", "today", "2024-04-13"),
         Ex("The vote was held yesterday.", "yesterday", "2024-04-12"),
         Ex("Voting ends tomorrow.", "tomorrow", "2024-04-14")),
    ),
    Rule(
        "shift_from_dct",
        rf"{B}(?P<x>(?P<num>{NUMBER}|{VAGUE})\s+(?P<unit>{UNIT_ANY})\s+(?:(?P<ago>(?i:ago))|(?i:from\s+now)))(?![\w])",
        relative.shifted,
        (Ex("The plant closed two days ago.", "two days ago", "2024-04-11"),
         Ex("They will vote three weeks from now.", "three weeks from now", "2024-05-04"),
         Ex("It began 10 years ago.", "10 years ago", "2014")),
    ),
    Rule(
        "anchored_offset",
        rf"{B}(?P<x>(?P<num>{NUMBER})\s+(?P<unit>{UNIT_ANY})\s+(?P<dir>(?i:later|earlier|after\s+that|before\s+that|afterwards?)))(?![\w])",
        anchored.offset_from_anchor,
        (Ex("Talks began on March 3. Two days later, they collapsed.", "Two days later", "2024-03-05"),),
    ),
    Rule(
        "anchored_relative",
        rf"{B}(?P<x>(?:(?P<arel>(?i:the\s+following|the\s+next|the\s+previous|the\s+prior|the\s+same|that|the\s+preceding))\s+(?P<aunit>(?i:day|morning|afternoon|evening|night|weekend|week|month|year))|(?i:the)\s+(?P<aunit2>(?i:day|night|week))\s+(?P<arel2>(?i:before|after))))(?![\w])",
        lambda g, ctx: anchored.relative_to_anchor(
            {**g, "arel": (g.get("arel") or g.get("arel2") or "").lower().replace("the ", "").strip(),
             "aunit": g.get("aunit") or g.get("aunit2")}, ctx),
        (Ex("The strike hit on Monday, April 8. The following day, troops withdrew.", "The following day", "2024-04-09"),
         Ex("She arrived on June 2, 2023 and left the next morning.", "the next morning", "2023-06-03TMO")),
    ),
    Rule(
        "span_anchored_to_dct",
        rf"{B}(?P<x>(?i:the\s+|these\s+|this\s+)?(?P<rel>(?i:past|last|previous|next|coming|following|upcoming|recent))\s+(?:(?P<num>{NUMBER}|{VAGUE})\s+)?(?P<unit>{UNIT_ANY})){E}",
        spans.anchored_span,
        (Ex("Officials have spent the past week trying", "the past week", "P1W", earliest="2024-04-06", latest="2024-04-13"),
         Ex("They will remain in close contact in the coming hours.", "the coming hours", "FUTURE_REF",
            earliest="2024-04-13", latest="9999-12-31"),
         Ex("Prices rose over the past 48 hours.", "the past 48 hours", "PT48H", earliest="2024-04-11", latest="2024-04-13"),
         Ex("Talks continue over the next three days.", "the next three days", "P3D", earliest="2024-04-13", latest="2024-04-16")),
        priority=-1,
    ),
    Rule(
        "year_kind",
        rf"{B}(?P<x>(?i:an?|this|the)\s+(?:(?i:{alternation(list(YEAR_KINDS))})\s+)(?P<unit>(?i:year))){E}",
        relative.day_of_dct,
        (Ex("the dangerous politics of an election year", "an election year", "2024"),),
    ),
    Rule(
        "day_of_dct",
        rf"(?<=\b(?i:throughout|during|later\s+in|earlier\s+in|all|much\s+of|most\s+of|rest\s+of|end\s+of)\s)(?P<x>(?i:the)\s+(?P<unit>(?i:day)))(?![\w])",
        relative.day_of_dct,
        (Ex("discussions taking place throughout the day at the White House", "the day", "2024-04-13"),),
        negatives=("to stay out of the light of day", "It was a good day."),
    ),
    Rule(
        "decade",
        rf"{B}(?P<x>(?i:the\s+)?(?:{MOD}[-\s])?(?:(?P<decade>(?:1[5-9]|20)\d0)s|['’](?P<decade2>\d0)s)){E}",
        lambda g, ctx: absolute.decade({**g, "decade": g.get("decade") or g.get("decade2")}, ctx),
        (Ex("Inflation last hit this level in the 1990s.", "the 1990s", "199", earliest="1990-01-01", latest="1999-12-31"),
         Ex("a hit of the late '80s", "the late '80s", "198")),
    ),
    Rule(
        "quarter",
        rf"{B}(?P<x>(?:(?i:the)\s+)?(?P<ordinal>(?i:first|second|third|fourth|final|1st|2nd|3rd|4th))[-\s](?i:quarter)(?:\s+(?i:of)\s+{YEAR_REF})?|(?i:Q)(?P<qnum>[1-4])(?:\s+(?P<year2>{YEAR}))?){E}",
        lambda g, ctx: absolute.quarter({**g, "year": g.get("year") or g.get("year2")}, ctx),
        (Ex("Profit fell in the second quarter.", "the second quarter", "2024-Q2"),
         Ex("Sales in Q3 2023 were flat.", "Q3 2023", "2023-Q3"),
         Ex("The fourth quarter of last year was weak.", "The fourth quarter of last year", "2023-Q4")),
    ),
    Rule(
        "half_year",
        rf"{B}(?P<x>(?i:the)\s+(?P<ordinal>(?i:first|second))\s+(?i:half)\s+(?i:of)\s+{YEAR_REF}){E}",
        absolute.half,
        (Ex("Growth slowed in the first half of 2023.", "the first half of 2023", "2023-H1"),),
    ),
    Rule(
        "season",
        rf"{B}(?P<x>(?:(?P<rel>(?i:this|last|next|past|coming|the\s+previous|the\s+following|the\s+coming|the\s+past))\s+(?:{MOD}[-\s])?|{MOD}[-\s]|(?<=\b(?i:in|during|by|since|until|through|over|of|the|this|that)\s))(?P<season>{SEASON})(?:\s+(?i:of\s+)?(?P<year>{YEAR}))?(?(rel)|(?(mod)|(?(year)|(?=\W|$))))){E}(?!\s+(?i:water|collection|line|semester|term|break|storm|wheat|rolls?))",
        absolute.season,
        (Ex("The film opens this summer.", "this summer", "2024-SU"),
         Ex("Crops failed last winter.", "last winter", "2023-WI"),
         Ex("It was built in the spring of 2019.", "spring of 2019", "2019-SP"),
         Ex("Crops were planted the previous autumn.", "the previous autumn", "2023-FA")),
        negatives=("The spring water was cold.", "Prices could fall sharply.", "Leaves fall in October."),
        priority=-2,
    ),
    Rule(
        "year",
        rf"(?:(?<=\b(?:{PREP_BEFORE_MONTH}|(?i:the|fiscal|year|since|early|late|mid|of|for))\s)|(?<=\b(?i:mid|early|late)-)|(?<=,\s))(?P<x>(?:{MOD}[-\s])?(?P<year>{YEAR})){E}(?!\s*(?i:people|troops|soldiers|dollars|percent|units|times|members|votes|feet|miles|km|kilometers|meters|acres|pounds|tons|residents|workers|jobs|cases|deaths))",
        absolute.year_alone,
        (Ex("Sales doubled in 2023.", "2023", "2023"),
         Ex("The plant opened in mid-2023.", "mid-2023", "2023"),
         Ex("It was founded in 1999.", "1999", "1999"),
         Ex("The firm raised its forecast for 2024.", "2024", "2024")),
        negatives=("About 2000 troops arrived.", "He scored 2019 points."),
        priority=-3,
    ),
    Rule(
        "weekday_relative",
        rf"{B}(?P<x>{WEEKDAY_REF}){E}",
        dayparts.weekday,
        (Ex("officials met on Saturday", "Saturday", "2024-04-13"),
         Ex("Biden kept his promise on Friday", "Friday", "2024-04-12"),
         Ex("The leaders will meet on Friday.", "Friday", "2024-04-19"),
         Ex("They talked last Thursday.", "last Thursday", "2024-04-11"),
         Ex("The board meets next Monday.", "next Monday", "2024-04-15")),
        negatives=("She reads the Sunday Times.", "They went to Friday prayers.", "Sunday Morning aired."),
        priority=-4,
    ),
    Rule(
        "duration_plain",
        rf"{B}(?P<x>(?:(?P<dmod>{DURATION_MOD})\s+)?(?!(?i:an?)\s+second\b)(?P<num>{NUMBER}|{VAGUE})[\s-](?P<unit>{UNIT_ANY})(?:-(?i:long|old))?){E}(?!\s+(?i:ago|from\s+now|later|earlier|after|before))",
        spans.plain_duration,
        (Ex("The meeting lasted three hours.", "three hours", "PT3H"),
         Ex("He faces up to 20 years in prison.", "up to 20 years", "P20Y"),
         Ex("The talks lasted about two hours.", "about two hours", "PT2H"),
         Ex("a decade of war", "a decade", "P1DE"),
         Ex("a 48-hour ceasefire", "48-hour", "PT48H"),
         Ex("a 45-year-old man", "45-year-old", "P45Y")),
        negatives=("He sold a house.", "She won a second term."),
        priority=-5,
    ),
    Rule(
        "duration_for_plural",
        rf"(?<=\b(?i:for|over|in)\s)(?P<x>(?P<unit>(?i:years|months|weeks|days|decades|hours|minutes|centuries)))(?!\w)(?!\s+(?i:ago|later|earlier|before|after))",
        spans.plain_duration,
        (Ex("The plant has been idle for years.", "years", "PXY"),),
        priority=-5,
    ),
    Rule(
        "duration_bare_plural",
        rf"{B}(?P<x>(?P<unit>(?i:hours|days|weeks|months|years|minutes)))(?=\s+(?i:before|after|earlier|later)\b)",
        spans.plain_duration,
        (Ex("Hours before Iran launched its attack, they met.", "Hours", "PTXH"),),
        priority=-6,
    ),
    Rule(
        "vague_reference",
        rf"{B}(?P<x>(?P<vague>(?i:right\s+now|now|currently|at\s+present|nowadays|these\s+days|recently|lately|previously|(?<!\b(?i:as)\s)soon(?!\s+(?i:as|after|afterward))|(?<=\b(?i:in)\s)the\s+(?:future|past)|the\s+(?:early|first)\s+(?:days|weeks|months)))){E}",
        spans.vague,
        (Ex("What happens now is unclear.", "now", "PRESENT_REF"),
         Ex("Prices have recently risen.", "recently", "PAST_REF"),
         Ex("a change from the early days of the conflict", "the early days", "PAST_REF"),
         Ex("A decision is expected soon.", "soon", "FUTURE_REF")),
        negatives=("What happens next is unknown.", "in real time", "the light of day",
                   "A vote could come as soon as Thursday."),
        priority=-7,
    ),
    Rule(
        "recurring",
        rf"{B}(?P<x>(?i:every|each)\s+(?:(?P<weekday>{WEEKDAY})(?:\s+(?P<pod>{PART_OF_DAY}))?|(?P<pod2>{PART_OF_DAY})|(?:(?P<num>{VAGUE}|{NUMBER}|(?i:other))\s+)?(?P<unit>{UNIT_ANY}))|(?P<setword>(?i:daily|weekly|monthly|annually|yearly|hourly|nightly|quarterly))){E}(?!\s+(?i:newspaper|paper|basis|average|show|briefing|report|wage|limit|rate|allowance))",
        lambda g, ctx: spans.recurring({**g, "pod": g.get("pod") or g.get("pod2"),
                                        "num": None if (g.get("num") or "").lower() == "other" else g.get("num")}, ctx),
        (Ex("The market opens every Monday.", "every Monday", "XXXX-WXX-1"),
         Ex("Volunteers meet every Saturday morning.", "every Saturday morning", "XXXX-WXX-6TMO"),
         Ex("Floods return every few years.", "every few years", "PXY"),
         Ex("The fee is paid annually.", "annually", "P1Y")),
        priority=-8,
    ),
)

RULES_BY_NAME = {rule.name: rule for rule in RULES}
