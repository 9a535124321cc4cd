"""English rules for dates counted from the DCT or an earlier date: weekdays, parts of day, clock
times, "last week", "two days ago", "the following day", durations, vague references and sets.
Examples use DCT 2024-04-13 (a Saturday) unless they say otherwise."""

from __future__ import annotations

from timeline.temporal.resolve import anchored, dayparts, relative, spans
from timeline.temporal.rules.base import Example as Ex
from timeline.temporal.rules.base import Rule
from timeline.temporal.resolve.context import ResolveContext
from timeline.temporal.timex import Resolution
from timeline.temporal.rules.fragments import (
    B, CLOCK, DAY, E, LAST_AS_VERB_BEFORE, MONTH, NUMBER, PART_OF_DAY, RATE_BEFORE, SEASON, UNIT, UNIT_ANY, VAGUE,
    WEEKDAY, YEAR, ZONE,
)
from timeline.temporal.rules.phrases import DURATION_MOD, MOD, DAYWORD, WEEKDAY_REF, MONTH_DAY, DAY_MONTH

def narrow_part_of_day(g: dict, ctx: ResolveContext) -> Resolution | None:
    """ "by mid afternoon": that part of the day the passage is about, with its modifier."""
    from dataclasses import replace

    from timeline.temporal.resolve.dayparts import mod_of

    found = dayparts.part_of_day_in_context(g, ctx)
    return replace(found, mod=mod_of(g.get("mod"))) if found else None


_APPROXIMATE = {"about", "around", "approximately", "roughly", "some", "or so", "or two", "or three"}


def _shifted(g: dict, ctx: ResolveContext) -> Resolution | None:
    """ "two days ago", with a hedge ("about", "or so") marked APPROX; "more than" stays unmarked."""
    from dataclasses import replace

    found = relative.shifted(g, ctx)
    hedges = {" ".join((g.get(k) or "").lower().split()) for k in ("dmod", "orso")}
    return replace(found, mod="APPROX") if found and hedges & _APPROXIMATE and not found.mod else found


def _in_from_dct(g: dict, ctx: ResolveContext) -> Resolution | None:
    """ "in 3 weeks" counts from the DCT; "in a quarter that produced a loss" is a kind of period
    (a relative clause follows), no distance from anywhere."""
    if g.get("relc"):
        return None if g["num"].lower() in ("a", "an") else spans.plain_duration(g, ctx)
    return relative.in_from_dct(g, ctx)


# Days of a kind counted like days: "eight trading days", "five business days", "30 calendar days".
COUNTED_DAYS = r"(?i:trading|business|working|calendar|school|banking|market)"

# "overnight clinic", "overnight shift": a kind of thing that runs at night, not a night of the story
# ("overnight losses in New York" still dates the losses).
_OVERNIGHT_KINDS = (r"(?i:clinics?|shifts?|stays?|flights?|care|hours|parking|camps?|bags?|trains?|buses|bus|"
                    r"delivery|shipping|trips?|visits?|guests?|staff|nurses?|workers?|shelters?|programs?|"
                    r"services?|rates?|lending|loans?|funding|repo|oats|sensation|success)")

RELATIVE_RULES: tuple[Rule, ...] = (
    Rule(
        "anchored_lead_up",
        # never "days after Oct. 12" out of "Eight trading days after Oct. 12": a counted span is a duration
        rf"(?<!(?:{NUMBER}|{VAGUE})\s+(?:{COUNTED_DAYS}\s+)?)"
        rf"{B}(?P<x>(?i:the\s+)?(?P<unit>(?i:days|weeks|hours|months|nights))\s+(?P<lead>(?i:leading\s+up\s+to|running\s+up\s+to|before|preceding|prior\s+to|ahead\s+of|after|following))\s+(?:(?i:on\s+)?(?:{DAYWORD}|(?P<month>{MONTH})\s*(?P<day>{DAY})|{WEEKDAY_REF})))(?=['’]s\b|{E})",
        anchored.leading_up_to,
        (Ex("in the days leading up to Saturday's attack", "the days leading up to Saturday", "PXD",
            earliest="2024-04-06", latest="2024-04-13"),
         Ex("the weeks before April 2", "the weeks before April 2", "PXW", earliest="2024-03-05", latest="2024-04-02")),
        negatives=("Eight trading days after Oct. 12, stocks fell.", "Three days after Oct. 12, they met."),
        priority=5,
    ),

    Rule(
        "time_clock",
        rf"{B}(?P<x>(?P<clock>{CLOCK})(?:\s+{ZONE})?(?:,?\s+(?:(?i:on)\s+)?(?:{DAYWORD}|{MONTH_DAY}|{DAY_MONTH}|{WEEKDAY_REF}))?)(?![\w])",
        dayparts.clock_time,
        (Ex("The polls close at 8 p.m. ET.", "8 p.m. ET", "2024-04-13T20:00"),
         Ex("The launch came at 11:30 p.m. Friday.", "11:30 p.m. Friday", "2024-04-12T23:30"),
         Ex("He spoke at noon yesterday.", "noon yesterday", "2024-04-12T12:00"),
         Ex("The treaty expires at midnight on Dec. 31.", "midnight on Dec. 31", "2024-12-31T24:00"),
         Ex("Polls closed Tuesday night. At 11:42 p.m. ET the race was called.", "11:42 p.m. ET", "2024-04-09T23:42"),
         Ex("The match kicks off at 8pm on Saturday 3 May.", "8pm on Saturday 3 May", "2025-05-03T20:00")),
        negatives=("The score was 3-2 at the half.", "Give 110 percent."),
    ),

    Rule(
        "part_of_day_named",
        rf"{B}(?P<x>(?:{MOD}(?:\s+|-|(?<=[Mm][Ii][Dd])(?=[a-z])))?(?:(?:{DAYWORD}|{WEEKDAY_REF}|(?P<month>{MONTH})\s*(?P<day>{DAY}))\s+(?P<pod>{PART_OF_DAY})|(?P<pod>{PART_OF_DAY})\s+(?:(?i:on)\s+)?(?:{WEEKDAY_REF}|(?P<dayword>(?i:today|yesterday|tomorrow))))){E}",
        dayparts.part_of_day,
        (Ex("Biden rushed back on Saturday afternoon.", "Saturday afternoon", "2024-04-13TAF"),
         Ex("They met Saturday night.", "Saturday night", "2024-04-13TNI"),
         Ex("Fighting resumed early Friday morning.", "early Friday morning", "2024-04-12TMO"),
         Ex("The storm hit yesterday evening.", "yesterday evening", "2024-04-12TEV"),
         Ex("We will announce it tomorrow morning.", "tomorrow morning", "2024-04-14TMO"),
         Ex("The count should be finished by midday Thursday.", "midday Thursday", "2024-04-18TMI"),
         Ex("In London at mid-afternoon yesterday, shares were up.", "mid-afternoon yesterday", "2024-04-12TAF")),
        negatives=("He watched Saturday Night Live.",),
    ),

    Rule(
        "part_of_day_of_date",
        rf"{B}(?P<x>(?i:the)\s+(?P<pod>{PART_OF_DAY})\s+(?i:of)\s+(?:(?P<month>{MONTH})\s*(?P<day>{DAY})(?:,?\s+(?P<year>{YEAR}))?|{WEEKDAY_REF})){E}",
        dayparts.part_of_day,
        (Ex("He was last seen on the evening of March 2.", "the evening of March 2", "2024-03-02TEV"),
         Ex("on the morning of Friday", "the morning of Friday", "2024-04-12TMO")),
    ),

    Rule(
        "part_of_day_relative",
        rf"{B}(?P<x>(?:(?P<podrel>(?i:last|this))\s+(?P<pod>{PART_OF_DAY})|(?P<podrel2>(?i:tonight|overnight(?!\s+(?:[a-z-]+\s+){{0,2}}{_OVERNIGHT_KINDS}\b)))))(?![\w-])",
        lambda g, ctx: dayparts.part_of_day(
            {**g, "podrel": g.get("podrel") or g.get("podrel2"), "pod": g.get("pod") or g.get("podrel2")}, ctx),
        (Ex("Rockets fell last night.", "last night", "2024-04-12TNI"),
         Ex("The minister said this morning that", "this morning", "2024-04-13TMO"),
         Ex("He will speak tonight.", "tonight", "2024-04-13TNI"),
         Ex("Rockets were fired overnight.", "overnight", "2024-04-12TNI"),
         Ex("London shares fell Friday, depressed by overnight losses in New York.", "overnight", "1989-10-26TNI",
            dct="1989-10-30"),
         Ex("The crew will stay overnight.", "overnight", "2024-04-13TNI")),
        negatives=("The hospital will shut its overnight urgent care clinic.", "Nurses work the overnight shift.",
                   "The overnight rate rose."),
    ),

    Rule(
        "part_of_day_in_context",
        rf"(?<=\b(?i:in|by|during|until|through|into|late\s+in|early\s+in|later\s+in)\s)(?P<x>(?i:the)\s+(?P<pod>(?i:morning|afternoon|evening|night)))(?!\w)",
        dayparts.part_of_day_in_context,
        (Ex("Crowds gathered on June 14 and had left by the evening.", "the evening", "2024-06-14TEV", dct="2024-07-01"),),
    ),

    Rule(
        "part_of_day_mod_in_context",
        rf"(?<=\b(?i:in|by|at|during|until|till|through|into|since|before|after|around|from)\s)(?P<x>(?P<mod>(?i:mid|early|late))(?:[-\s]|(?<=[Mm][Ii][Dd]))(?P<pod>(?i:morning|afternoon|evening)))(?![\w-])",
        lambda g, ctx: narrow_part_of_day(g, ctx),
        (Ex("By mid afternoon, official sources were saying the operation was over.", "mid afternoon", "2024-04-13TAF"),
         Ex("Shares slipped in mid-morning trading.", "mid-morning", "2024-04-13TMO"),
         Ex("The strike began on June 14. By late evening, buses stopped.", "late evening", "2024-06-14TEV",
            dct="2024-07-01")),
        negatives=("The mid-morning show was cancelled.",),
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
        (Ex("The deal closed late last year.", "late last year", "2023", earliest="2023-09-01", latest="2023-12-31"),
         Ex("The deal closed late last week.", "late last week", "2024-W14", earliest="2024-04-05", latest="2024-04-07"),
         Ex("They meet at the beginning of next week.", "the beginning of next week", "2024-W16",
            earliest="2024-04-15", latest="2024-04-17"),
         Ex("A ruling is expected by the end of the month.", "the end of the month", "2024-04",
            earliest="2024-04-21", latest="2024-04-30")),
        priority=1,
    ),

    Rule(
        "relative_unit",
        rf"{B}(?P<x>(?:(?i:the)\s+(?=(?i:current|latest)))?(?P<rel>(?i:last|this|next|current|coming|previous|latest))\s+(?:(?i:fiscal|financial|calendar)\s+)?(?P<unit>(?i:week|month|year|decade|quarter|century)|qtr|wk|mo|yr)){E}(?!\s+(?i:or|and)\s+(?i:so|two|more))",
        relative.relative_unit,
        (Ex("And last week, Gen. Kurilla traveled to Israel.", "last week", "2024-W14", earliest="2024-04-01", latest="2024-04-07"),
         Ex("Unemployment rose last month.", "last month", "2023-12", dct="2024-01-05"),
         Ex("Plans for next yr are set.", "next yr", "2025"),
         Ex("Elections are due next year.", "next year", "2025"),
         Ex("This year has been hard.", "This year", "2024"),
         Ex("Profit will rise next quarter.", "next quarter", "2024-Q3"),
         Ex("Analysts said the current fiscal year will be difficult.", "the current fiscal year", "2024"),
         Ex("The bank posted a loss for the latest quarter.", "the latest quarter", "2024-Q1"),
         Ex("Sales this qtr are up.", "this qtr", "2024-Q2"),
         Ex("Stocks Fall Sharply This Week", "This Week", "2024-W15")),  # a Title Case headline
        # a capitalised unit word mid-sentence is a programme's name (names.py)
        negatives=('Baker, speaking on ABC News\' "This Week," said no.',
                   'He appeared on "This Week With David Brinkley" on Sunday.'),
    ),

    Rule(
        "day_word",
        rf"{B}(?P<x>(?:{MOD}\s+)?{DAYWORD}){E}",
        lambda g, ctx: (dayparts.part_of_day({**g, "podrel": "tonight", "pod": "tonight"}, ctx)
                        if g["dayword"].lower() == "tonight" else relative.day_word(g, ctx)),
        (Ex("Officials said today that", "today", "2024-04-13"),
         Ex("The vote was held yesterday.", "yesterday", "2024-04-12"),
         Ex("Voting ends tomorrow.", "tomorrow", "2024-04-14"),
         Ex("Shares closed late yesterday at $14.", "late yesterday", "2024-04-12"),
         Ex("The vote failed. Today, the market fell.", "Today", "2024-04-13")),
        negatives=("The talks continue in Geneva. This is VOA Today.", "He reads USA Today at work."),
    ),

    Rule(
        "shift_from_dct",
        # "about two years ago", "a week or so ago", "a day or two ago": the hedge is part of the expression
        rf"{B}(?P<x>(?:(?P<dmod>{DURATION_MOD})\s+)?(?P<num>{NUMBER}|{VAGUE})\s+(?P<unit>{UNIT_ANY})"
        r"(?:\s+(?P<orso>(?i:or\s+so|or\s+two|or\s+three|or\s+more)))?\s+(?:(?P<ago>(?i:ago))|(?i:from\s+now)))(?![\w])",
        _shifted,
        (Ex("Then, a week or so ago, the general picked a plan.", "a week or so ago", "2024-04-06"),
         Ex("A day or two ago, it rained.", "A day or two ago", "2024-04-12"),
         Ex("The firm was founded about two years ago.", "about two years ago", "2022"),
         Ex("The plant closed two days ago.", "two days ago", "2024-04-11"),
         Ex("They will vote three weeks from now.", "three weeks from now", "2024-05-04"),
         Ex("It began 10 years ago.", "10 years ago", "2014")),
    ),

    Rule(
        "in_from_dct",
        rf"(?<=\b(?i:in)\s)(?P<x>(?P<num>{NUMBER})\s+(?P<unit>{UNIT_ANY})){E}(?![\s-]+(?i:ago|from\s+now|later|earlier|time|of|after|before|or)\b)"
        r"(?:(?=\s+(?P<relc>(?i:that|which|when|where|in\s+which|during\s+which))\b))?",
        _in_from_dct,
        (Ex("The parts will arrive in 3 weeks.", "3 weeks", "2024-05-04"),
         Ex("The parts arrive in 2 wks.", "2 wks", "2024-04-27"),
         Ex("The stock would be redeemed in five years.", "five years", "2029"),
         Ex("The bridge was built in three weeks.", "three weeks", "P3W"),
         Ex("It will be built in three years that will test us.", "three years", "P3Y")),
        negatives=("Taxes would be minimal in a quarter that produced such a big loss.",
                   "Prices will rise in a year when wages stall."),
        priority=1,
    ),

    Rule(
        "duration_and_a_half",
        rf"{B}(?P<x>(?P<num>{NUMBER}|(?i:an?))(?:\s+(?P<unit>{UNIT_ANY})\s+(?i:and\s+a\s+half)|(?:\s+1/2|-(?i:and-a-half)|\s+(?i:and\s+a\s+half))[\s-](?P<unit>{UNIT_ANY}))){E}",
        spans.half_duration,
        (Ex("A minute and a half later, a pilot called.", "A minute and a half", "PT1M30S"),
         Ex("They lived in camps for 2 1/2 years.", "2 1/2 years", "P2Y6M"),
         Ex("The six-and-a-half-hour flight was late.", "six-and-a-half-hour", "PT6H30M"),
         Ex("He served two and a half years.", "two and a half years", "P2Y6M")),
        priority=2,
    ),

    Rule(
        "two_away",
        rf"{B}(?P<x>(?i:the)\s+(?P<unit>(?i:night|week|weekend|month|year))\s+(?P<which>(?i:after\s+next|before\s+last)))(?![\w])",
        relative.two_away,
        (Ex("See you the week after next.", "the week after next", "2024-W17"),
         Ex("It rained the night before last.", "the night before last", "2024-04-11TNI"),
         Ex("We hiked the weekend before last.", "the weekend before last", "2024-W13-WE")),
        priority=3,
    ),

    Rule(
        "offset_from_named_day",
        rf"{B}(?P<x>(?P<num>{NUMBER})\s+(?P<unit>(?i:days?|weeks?|fortnights?))\s+(?P<dir>(?i:from|after|before))\s+(?:{DAYWORD}|{WEEKDAY_REF}))(?![\w])",
        anchored.offset_from_named_day,
        (Ex("The vote is a week from Friday.", "a week from Friday", "2024-04-26"),
         Ex("Let's have lunch a week from today.", "a week from today", "2024-04-20"),
         Ex("The deal closed two days before Friday.", "two days before Friday", "2024-04-10")),
        negatives=("He worked for a week from home.",),
        priority=2,
    ),

    Rule(
        "then_anchored",
        # only after a preposition: "and then", "then-president", "the then current rate" are no dates
        r"(?<=\b(?i:until|till|by|since|before|after|from)\s)(?P<x>(?i:then))(?![\w-])",
        anchored.then_anchor,
        (Ex("The offer will terminate on Nov. 30. Until then, the stock remains convertible.", "then", "2024-11-30"),
         Ex("The plant closed in March 2023. Since then, 200 jobs have gone.", "then", "2023-03")),
        negatives=("He ate and then left.", "The then-president spoke.", "By then, nobody cared."),
    ),

    Rule(
        "anchored_offset",
        rf"{B}(?P<x>(?P<num>{NUMBER})\s+(?P<unit>{UNIT_ANY})\s+(?P<dir>(?i:later|earlier|after\s+that|before\s+that|afterwards?)))(?![\w])",
        anchored.offset_from_anchor,
        (Ex("Talks began on March 3. Two days later, they collapsed.", "Two days later", "2024-03-05"),
         Ex("She moved to Nashville in 1959. Two decades later, she returned.", "Two decades later", "197"),
         # later than nothing named: only the length is known (never the article's date moved ahead)
         Ex("Two decades later, the plant reopened.", "Two decades later", "P2DE")),
    ),

    Rule(
        "anchored_relative",
        rf"{B}(?P<x>(?:(?P<arel>(?i:the\s+following|the\s+next|the\s+previous|the\s+prior|the\s+same|that|the\s+preceding))\s+(?P<aunit>(?i:day|morning|afternoon|evening|night|weekend|week|month|year))|(?i:the)\s+(?P<aunit2>(?i:day|night|week))\s+(?P<arel2>(?i:before|after))))(?![\w])",
        lambda g, ctx: anchored.relative_to_anchor(
            {**g, "arel": (g.get("arel") or g.get("arel2") or "").lower().replace("the ", "").strip(),
             "aunit": g.get("aunit") or g.get("aunit2")}, ctx),
        (Ex("The strike hit on Monday, April 8. The following day, troops withdrew.", "The following day", "2024-04-09"),
         Ex("She moved to Nashville in 1959 and signed a contract the following year.", "the following year", "1960"),
         Ex("She arrived on June 2, 2023 and left the next morning.", "the next morning", "2023-06-03TMO")),
    ),

    Rule(
        "span_ahead",
        # "the weeks ahead" says what "the coming weeks" says: FUTURE_REF, as gold-format.md writes it
        rf"{B}(?P<x>(?i:the)\s+(?P<unit>(?i:hours|days|weeks|months|years|decades))\s+(?P<rel>(?i:ahead))){E}",
        lambda g, ctx: spans.anchored_span({**g, "rel": "coming"}, ctx),
        (Ex("Talks will resume in the weeks ahead.", "the weeks ahead", "FUTURE_REF",
            earliest="2024-04-13", latest="9999-12-31"),
         Ex("Growth should slow in the months ahead.", "the months ahead", "FUTURE_REF")),
        negatives=("The road ahead is long.", "They are weeks ahead of schedule."),
    ),

    Rule(
        "span_anchored_to_dct",
        rf"{B}(?P<x>(?i:the\s+|these\s+|this\s+)?(?P<rel>(?i:past|{LAST_AS_VERB_BEFORE}last|previous|next|coming|following|upcoming|recent))\s+(?:(?P<num>{NUMBER}|{VAGUE})\s+)?(?P<unit>{UNIT_ANY})){E}",
        spans.anchored_span,
        (Ex("Officials have spent the past week trying", "the past week", "P1W", earliest="2024-04-06", latest="2024-04-13"),
         Ex("They will remain in close contact in the coming hours.", "the coming hours", "FUTURE_REF",
            earliest="2024-04-13", latest="9999-12-31"),
         Ex("Prices rose over the past 48 hours.", "the past 48 hours", "PT48H", earliest="2024-04-11", latest="2024-04-13"),
         Ex("Talks continue over the next three days.", "the next three days", "P3D", earliest="2024-04-13", latest="2024-04-16"),
         Ex("Kidnappings have risen in recent years.", "recent years", "PXY", earliest="2021-04-13", latest="2024-04-13"),
         Ex("In recent weeks, sources reported delays.", "recent weeks", "PXW", earliest="2024-03-23", latest="2024-04-13")),
        negatives=("The hearings are expected to last six weeks.", "The strike could last two more days.",
                   "Supplies will not last 10 days."),
        priority=-1,
    ),

    Rule(
        "day_of_dct",
        rf"(?<=\b(?i:throughout|during|later\s+in|earlier\s+in|all|much\s+of|most\s+of|rest\s+of|end\s+of)\s)(?P<x>(?i:the)\s+(?P<unit>(?i:day)))(?![\w])",
        relative.day_of_dct,
        (Ex("discussions taking place throughout the day at the White House", "the day", "2024-04-13"),
         Ex("The plant shut on March 3, 2023. Earlier in the day, a fire broke out.", "the day", "2023-03-03"),
         Ex("Talks began on Monday, April 8. Later in the day, they stalled.", "the day", "2024-04-08")),
        negatives=("to stay out of the light of day", "It was a good day."),
    ),

    Rule(
        "anchored_weekday",
        rf"{B}(?P<x>(?P<arel>(?i:the\s+following|the\s+previous|the\s+prior|the\s+preceding))\s+(?P<weekday>{WEEKDAY})){E}",
        anchored.weekday_from_anchor,
        (Ex("Stocks closed lower on Friday, Oct. 27, down 4.5% from the previous Friday.", "the previous Friday",
            "1989-10-20", dct="1989-10-30"),
         Ex("The plant shut on Wednesday, March 6. It reopened the following Monday.", "the following Monday",
            "2024-03-11"),
         Ex("Talks resumed the following Tuesday.", "the following Tuesday", "2024-04-16")),
        priority=1,
    ),

    Rule(
        "anchored_season",
        rf"{B}(?P<x>(?P<arel>(?i:the\s+following|the\s+next|the\s+previous|the\s+prior|the\s+same|that))\s+(?P<season>{SEASON})){E}",
        anchored.season_from_anchor,
        (Ex("The dam broke in the summer of 1976. The following spring, it was rebuilt.", "The following spring", "1977-SP"),
         Ex("Prices rose in August 2023. Crops had been planted the previous autumn.", "the previous autumn", "2022-FA"),
         Ex("They married in July 1950 and that winter moved north.", "that winter", "1950-WI")),
        priority=1,
    ),

    Rule(
        "weekday_relative",
        rf"{B}(?P<x>(?:{MOD}[-\s])?{WEEKDAY_REF}){E}",
        dayparts.weekday,
        (Ex("officials met on Saturday", "Saturday", "2024-04-13"),
         Ex("Biden kept his promise on Friday", "Friday", "2024-04-12"),
         Ex("The leaders will meet on Friday.", "Friday", "2024-04-19"),
         Ex("The vote is on Monday.", "Monday", "2024-04-15"),
         Ex("THE VOTE IS ON MONDAY", "MONDAY", "2024-04-15"),
         Ex("They talked last Thursday.", "last Thursday", "2024-04-11"),
         Ex("The board meets next Monday.", "next Monday", "2024-04-15"),
         Ex("The storm made landfall late Wednesday.", "late Wednesday", "2024-04-10"),
         Ex("see you Tues", "Tues", "2024-04-16")),
        negatives=("She reads the Sunday Times.", "They went to Friday prayers.", "Sunday Morning aired.",
                   "Markets fell on Black Monday.", "Results came in on Super Tuesday."),
        priority=-4,
    ),

    Rule(
        "duration_plain",
        rf"{B}(?P<x>(?:(?i:the)\s+(?:(?i:first|latest|year-earlier|year-ago|comparable)\s+)?(?=(?:\d|(?i:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))))?(?:(?P<dmod>{DURATION_MOD})\s+)?(?!(?i:an?)\s+second\b)(?!{RATE_BEFORE}(?i:an?|per)\s+{UNIT}{E})(?P<num>{NUMBER}|{VAGUE})[\s-](?:(?i:more|additional|further|extra)\s+)?(?:{COUNTED_DAYS}\s+(?=(?i:days?)\b))?(?P<unit>{UNIT_ANY})(?:-(?i:long|old))?){E}(?![\s-]+(?i:ago|from\s+now|later|earlier|after\s+that|before\s+that|points?\b|percent|of\s+(?:a|an|the|all|its|their|his|her|our)\b))"
        # "Mr. Schwarz, 52 years old": an age, which no gold set annotates (heldout and blind READMEs)
        r"(?!\s+(?i:old)\b)",
        spans.plain_duration,
        (Ex("The meeting lasted three hours.", "three hours", "PT3H"),
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
         Ex("Three soldiers died a year after the war.", "a year", "P1Y")),
        negatives=("He sold a house.", "She won a second term.", "The bank cut rates by a quarter point.",
                   "The dividend is $1.76 a year.", "It added 700 seats a week.", "Rooms cost between $35 and $55 a night.",
                   "It pays $2 million a year in interest expense.", "It runs four flights a week.",
                   "A quarter of the staff left.", "He voted for a quarter-point cut.",
                   "Mr. Schwarz, 52 years old, will succeed him."),
        priority=-5,
    ),

    Rule(
        "duration_for_plural",
        rf"(?<=\b(?i:for|over|in|within)\s)(?P<x>(?P<unit>(?i:years|months|weeks|days|decades|hours|minutes|centuries)))(?!\w)(?!\s+(?i:ago|later|earlier|before|after))",
        spans.plain_duration,
        (Ex("The plant has been idle for years.", "years", "PXY"),
         Ex("Officials will decide within days.", "days", "PXD")),
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
        rf"{B}(?P<x>(?P<vague>(?i:right\s+now|now|currently|at\s+present|nowadays|these\s+days|recently|lately|(?<!\b(?i:as)\s)soon(?!\s+(?i:as|after|afterward))|(?<=\b(?i:in)\s)the\s+(?:future|past)|the\s+(?:early|first)\s+(?:days|weeks|months)))){E}",
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
        "rate",
        rf"{RATE_BEFORE}(?P<x>(?i:an?)\s+(?P<unit>{UNIT})){E}(?![\s-]+(?i:ago|from\s+now|later|earlier|after|before|or)\b)",
        spans.recurring,
        # A price or count per unit is a regularity, not a stretch of time: a SET, as gold-format.md says.
        (Ex("The dividend is $1.76 a year.", "a year", "P1Y"),
         Ex("The airline added 700 seats a week.", "a week", "P1W"),
         Ex("Rooms cost between $35 and $55 a night.", "a night", "P1D"),
         Ex("It pays $2 million a year in interest expense.", "a year", "P1Y"),
         Ex("The carrier runs four flights a week to Paris.", "a week", "P1W")),
        negatives=("Three soldiers died a year after the war.", "They meet twice a year.",
                   "He paid $5 a year ago.", "It works two days a week."),
        priority=-4,
    ),

    Rule(
        "plural_weekday",
        # "closed on Mondays", "works Saturdays", "shut on weekends": a day that comes round each week
        rf"{B}(?P<x>(?P<weekday>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)s|(?P<weekend>(?i:weekends)))(?!\w)(?<!\b(?i:the|these|those|two|three|several|few|many)\s(?:\w+))",
        lambda g, ctx: spans.recurring({**g, "setword": "weekends" if g.get("weekend") else None}, ctx),
        (Ex("The museum is closed on Mondays.", "Mondays", "XXXX-WXX-1"),
         Ex("He works Saturdays.", "Saturdays", "XXXX-WXX-6"),
         Ex("Markets are shut on weekends.", "weekends", "XXXX-WXX-WE")),
        negatives=("The two Mondays before the vote were busy.",),
        priority=-8,
    ),

    Rule(
        "recurring",
        rf"{B}(?P<x>(?:(?i:once|twice|(?:{NUMBER})\s+times)\s+(?i:a|an|per|every|each)\s+(?P<unit>{UNIT}))|(?i:every|each)\s+(?:(?P<weekdays>(?i:weekday))|(?P<weekday>{WEEKDAY})(?:\s+(?P<pod>{PART_OF_DAY}))?|(?P<pod2>{PART_OF_DAY})|(?:(?P<num>{VAGUE}|{NUMBER}|(?i:other))\s+)?(?P<unit>{UNIT_ANY}))|(?P<setword>(?i:daily|weekly|monthly|annually|yearly|hourly|nightly|quarterly))(?!\s+(?!(?:for|to|in|on|at|by|and|or|since|until|from|with|over|through|the|a|an|this|that|its|their|his|her|after|before|as|since|is|are|was|were|will|would|than)\b)[a-z])){E}(?!\s+(?i:newspaper|paper|basis|average|show|briefing|report|wage|limit|rate|allowance))",
        lambda g, ctx: spans.recurring({**g, "pod": g.get("pod") or g.get("pod2"),
                                        "num": None if (g.get("num") or "").lower() == "other" else g.get("num")}, ctx),
        (Ex("The market opens every Monday.", "every Monday", "XXXX-WXX-1"),
         Ex("Volunteers meet every Saturday morning.", "every Saturday morning", "XXXX-WXX-6TMO"),
         Ex("Floods return every few years.", "every few years", "PXY"),
         Ex("The group meets once a fortnight.", "once a fortnight", "P2W"),
         Ex("Trains run every weekday.", "every weekday", "P1D"),
         Ex("The fee is paid annually.", "annually", "P1Y"),
         Ex("They have measured the ice annually for a decade.", "annually", "P1Y")),
        negatives=("The board declared a quarterly dividend.", "The agency gives the daily tally."),
        priority=-8,
    ),
)
