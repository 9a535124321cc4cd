"""English rules for dates counted from the DCT: weekdays, parts of day, clock times, "last week",
"two days ago", "in 3 weeks". Anchored expressions are in ``en_anchored``, lengths and sets in
``en_durations``. Examples use DCT 2024-04-13 (a Saturday) unless they say otherwise."""

from __future__ import annotations

from dataclasses import replace

from timeline.temporal.resolve import dayparts, relative, spans
from timeline.temporal.resolve.captures import Captures, reads
from timeline.temporal.resolve.common import mod_of
from timeline.temporal.resolve.context import ResolveContext
from timeline.temporal.rules.base import Example as Ex
from timeline.temporal.rules.base import Rule
from timeline.temporal.rules.fragments import CLOCK, DAY, MONTH, NUMBER, PART_OF_DAY, UNIT_ANY, VAGUE, YEAR, ZONE, B, E
from timeline.temporal.rules.phrases import DAY_MONTH, DAYWORD, DURATION_MOD, MOD, MONTH_DAY, WEEKDAY_REF
from timeline.temporal.timex import Resolution


@reads("pod", "mod")
def narrow_part_of_day(g: Captures, ctx: ResolveContext) -> Resolution | None:
    """ "by mid afternoon": that part of the day the passage is about, with its modifier."""
    found = dayparts.part_of_day_in_context(g, ctx)
    return replace(found, mod=mod_of(g["mod"])) if found else None


_APPROXIMATE = {"about", "around", "approximately", "roughly", "some", "or so", "or two", "or three"}


@reads("dmod", "orso", "ago", "num", "unit")
def _shifted(g: Captures, ctx: ResolveContext) -> Resolution | None:
    """ "two days ago", with a hedge ("about", "or so") marked APPROX; "more than" stays unmarked."""
    found = relative.shifted(g, ctx)
    hedges = {" ".join((g[k] or "").lower().split()) for k in ("dmod", "orso")}
    return replace(found, mod="APPROX") if found and hedges & _APPROXIMATE and not found.mod else found


@reads("relc", "num", "unit", "dmod")
def _in_from_dct(g: Captures, ctx: ResolveContext) -> Resolution | None:
    """ "in 3 weeks" counts from the DCT; "in a quarter that produced a loss" is a kind of period
    (a relative clause follows), no distance from anywhere."""
    if g["relc"]:
        return None if g["num"].lower() in ("a", "an") else spans.plain_duration(g, ctx)
    return relative.in_from_dct(g, ctx)


@reads("podrel", "pod", "podrel2")
def _relative_part_of_day(g: Captures, ctx: ResolveContext) -> Resolution | None:
    """ "last night", "this morning"; "tonight" and "overnight" name their part of the day themselves."""
    podrel = g["podrel"] or g["podrel2"]
    return dayparts.relative_part_of_day(Captures(podrel=podrel, pod=g["pod"] or g["podrel2"], mod=None), ctx)


@reads("dayword", "mod")
def _day_word(g: Captures, ctx: ResolveContext) -> Resolution | None:
    """ "yesterday", "late tomorrow"; "tonight" is a part of the day."""
    if g["dayword"].lower() == "tonight":
        return dayparts.relative_part_of_day(Captures(podrel="tonight", pod="tonight", mod=g["mod"]), ctx)
    return relative.day_word(g, ctx)


# "overnight clinic", "overnight shift": a kind of thing that runs at night, not a night of the story
# ("overnight losses in New York" still dates the losses).
_OVERNIGHT_KINDS = (
    r"(?i:clinics?|shifts?|stays?|flights?|care|hours|parking|camps?|bags?|trains?|buses|bus|"
    r"delivery|shipping|trips?|visits?|guests?|staff|nurses?|workers?|shelters?|programs?|"
    r"services?|rates?|lending|loans?|funding|repo|oats|sensation|success)"
)


RELATIVE_RULES: tuple[Rule, ...] = (
    Rule(
        "time_clock",
        rf"{B}(?P<x>(?P<clock>{CLOCK})(?:\s+{ZONE})?(?:,?\s+(?:(?i:on)\s+)?(?:{DAYWORD}|{MONTH_DAY}|{DAY_MONTH}|{WEEKDAY_REF}))?)(?![\w])",
        dayparts.clock_time,
        (
            Ex("The polls close at 8 p.m. ET.", "8 p.m. ET", "2024-04-13T20:00"),
            Ex("The launch came at 11:30 p.m. Friday.", "11:30 p.m. Friday", "2024-04-12T23:30"),
            Ex("He spoke at noon yesterday.", "noon yesterday", "2024-04-12T12:00"),
            Ex("The treaty expires at midnight on Dec. 31.", "midnight on Dec. 31", "2024-12-31T24:00"),
            Ex(
                "Polls closed Tuesday night. At 11:42 p.m. ET the race was called.", "11:42 p.m. ET", "2024-04-09T23:42"
            ),
            Ex("The match kicks off at 8pm on Saturday 3 May.", "8pm on Saturday 3 May", "2025-05-03T20:00"),
        ),
        negatives=("The score was 3-2 at the half.", "Give 110 percent."),
    ),
    Rule(
        "part_of_day_named",
        rf"{B}(?P<x>(?:{MOD}(?:\s+|-|(?<=[Mm][Ii][Dd])(?=[a-z])))?(?:(?:{DAYWORD}|{WEEKDAY_REF}|(?P<month>{MONTH})\s*(?P<day>{DAY}))\s+(?P<pod>{PART_OF_DAY})|(?P<pod>{PART_OF_DAY})\s+(?:(?i:on)\s+)?(?:{WEEKDAY_REF}|(?P<dayword>(?i:today|yesterday|tomorrow))))){E}",
        dayparts.part_of_day,
        (
            Ex("Biden rushed back on Saturday afternoon.", "Saturday afternoon", "2024-04-13TAF"),
            Ex("They met Saturday night.", "Saturday night", "2024-04-13TNI"),
            Ex("Fighting resumed early Friday morning.", "early Friday morning", "2024-04-12TMO"),
            Ex("The storm hit yesterday evening.", "yesterday evening", "2024-04-12TEV"),
            Ex("We will announce it tomorrow morning.", "tomorrow morning", "2024-04-14TMO"),
            Ex("The count should be finished by midday Thursday.", "midday Thursday", "2024-04-18TMI"),
            Ex("In London at mid-afternoon yesterday, shares were up.", "mid-afternoon yesterday", "2024-04-12TAF"),
        ),
        negatives=("He watched Saturday Night Live.",),
        unwritten=("year",),
    ),
    Rule(
        "part_of_day_of_date",
        rf"{B}(?P<x>(?i:the)\s+(?P<pod>{PART_OF_DAY})\s+(?i:of)\s+(?:(?P<month>{MONTH})\s*(?P<day>{DAY})(?:,?\s+(?P<year>{YEAR}))?|{WEEKDAY_REF})){E}",
        dayparts.part_of_day,
        (
            Ex("He was last seen on the evening of March 2.", "the evening of March 2", "2024-03-02TEV"),
            Ex("on the morning of Friday", "the morning of Friday", "2024-04-12TMO"),
        ),
        unwritten=("dayword", "mod"),
    ),
    Rule(
        "part_of_day_relative",
        rf"{B}(?P<x>(?:(?P<podrel>(?i:last|this))\s+(?P<pod>{PART_OF_DAY})|(?P<podrel2>(?i:tonight|overnight(?!\s+(?:[a-z-]+\s+){{0,2}}{_OVERNIGHT_KINDS}\b)))))(?![\w-])",
        _relative_part_of_day,
        (
            Ex("Rockets fell last night.", "last night", "2024-04-12TNI"),
            Ex("The minister said this morning that", "this morning", "2024-04-13TMO"),
            Ex("He will speak tonight.", "tonight", "2024-04-13TNI"),
            Ex("Rockets were fired overnight.", "overnight", "2024-04-12TNI"),
            Ex(
                "London shares fell Friday, depressed by overnight losses in New York.",
                "overnight",
                "1989-10-26TNI",
                dct="1989-10-30",
            ),
            Ex("The crew will stay overnight.", "overnight", "2024-04-13TNI"),
        ),
        negatives=(
            "The hospital will shut its overnight urgent care clinic.",
            "Nurses work the overnight shift.",
            "The overnight rate rose.",
        ),
    ),
    Rule(
        "part_of_day_in_context",
        r"(?<=\b(?i:in|by|during|until|through|into|late\s+in|early\s+in|later\s+in)\s)(?P<x>(?i:the)\s+(?P<pod>(?i:morning|afternoon|evening|night)))(?!\w)",
        dayparts.part_of_day_in_context,
        (
            Ex(
                "Crowds gathered on June 14 and had left by the evening.",
                "the evening",
                "2024-06-14TEV",
                dct="2024-07-01",
            ),
        ),
    ),
    Rule(
        "part_of_day_mod_in_context",
        r"(?<=\b(?i:in|by|at|during|until|till|through|into|since|before|after|around|from)\s)(?P<x>(?P<mod>(?i:mid|early|late))(?:[-\s]|(?<=[Mm][Ii][Dd]))(?P<pod>(?i:morning|afternoon|evening)))(?![\w-])",
        narrow_part_of_day,
        (
            Ex(
                "By mid afternoon, official sources were saying the operation was over.",
                "mid afternoon",
                "2024-04-13TAF",
            ),
            Ex("Shares slipped in mid-morning trading.", "mid-morning", "2024-04-13TMO"),
            Ex(
                "The strike began on June 14. By late evening, buses stopped.",
                "late evening",
                "2024-06-14TEV",
                dct="2024-07-01",
            ),
        ),
        negatives=("The mid-morning show was cancelled.",),
    ),
    Rule(
        "weekend",
        rf"{B}(?P<x>(?P<rel>(?i:this\s+past|this\s+coming|last|this|next|past|coming|the))\s+(?P<unit>(?i:weekend))){E}",
        relative.relative_unit,
        (
            Ex(
                "Shoppers came out last weekend.",
                "last weekend",
                "2024-W14-WE",
                earliest="2024-04-06",
                latest="2024-04-07",
            ),
            Ex("Crowds gathered over the weekend.", "the weekend", "2024-W15-WE"),
        ),
        unwritten=("mod",),
    ),
    Rule(
        "within_unit",
        rf"{B}(?P<x>(?P<side>(?i:earlier|later))\s+(?i:this|in\s+the)\s+(?P<unit>(?i:week|month|year|decade|quarter))){E}",
        relative.within_unit,
        (
            Ex(
                "Earlier this year the firm cut jobs.",
                "Earlier this year",
                "2024",
                earliest="2024-01-01",
                latest="2024-04-13",
            ),
            Ex(
                "The report is due later this month.",
                "later this month",
                "2024-04",
                earliest="2024-04-13",
                latest="2024-04-30",
            ),
        ),
    ),
    Rule(
        "relative_unit_mod",
        rf"{B}(?P<x>{MOD}[-\s]\s*(?P<rel>(?i:last|this|next|the))\s+(?P<unit>(?i:week|month|year|decade|quarter|century))){E}",
        relative.relative_unit,
        (
            Ex("The deal closed late last year.", "late last year", "2023", earliest="2023-09-01", latest="2023-12-31"),
            Ex(
                "The deal closed late last week.",
                "late last week",
                "2024-W14",
                earliest="2024-04-05",
                latest="2024-04-07",
            ),
            Ex(
                "They meet at the beginning of next week.",
                "the beginning of next week",
                "2024-W16",
                earliest="2024-04-15",
                latest="2024-04-17",
            ),
            Ex(
                "A ruling is expected by the end of the month.",
                "the end of the month",
                "2024-04",
                earliest="2024-04-21",
                latest="2024-04-30",
            ),
        ),
        priority=1,
    ),
    Rule(
        "relative_unit",
        rf"{B}(?P<x>(?:(?i:the)\s+(?=(?i:current|latest)))?(?P<rel>(?i:last|this|next|current|coming|previous|latest))\s+(?:(?i:fiscal|financial|calendar)\s+)?(?P<unit>(?i:week|month|year|decade|quarter|century)|qtr|wk|mo|yr)){E}(?!\s+(?i:or|and)\s+(?i:so|two|more))",
        relative.relative_unit,
        (
            Ex(
                "And last week, Gen. Kurilla traveled to Israel.",
                "last week",
                "2024-W14",
                earliest="2024-04-01",
                latest="2024-04-07",
            ),
            Ex("Unemployment rose last month.", "last month", "2023-12", dct="2024-01-05"),
            Ex("Plans for next yr are set.", "next yr", "2025"),
            Ex("Elections are due next year.", "next year", "2025"),
            Ex("This year has been hard.", "This year", "2024"),
            Ex("Profit will rise next quarter.", "next quarter", "2024-Q3"),
            Ex("Analysts said the current fiscal year will be difficult.", "the current fiscal year", "2024"),
            Ex(
                "The bank posted a loss for the latest quarter.", "the latest quarter", "2024-Q1", by="reporting_period"
            ),
            Ex("Sales this qtr are up.", "this qtr", "2024-Q2"),
            Ex("Stocks Fall Sharply This Week", "This Week", "2024-W15"),
        ),  # a Title Case headline
        # a capitalised unit word mid-sentence is a programme's name (names.py)
        negatives=(
            'Baker, speaking on ABC News\' "This Week," said no.',
            'He appeared on "This Week With David Brinkley" on Sunday.',
        ),
        unwritten=("mod",),
    ),
    Rule(
        "day_word",
        rf"{B}(?P<x>(?:{MOD}\s+)?{DAYWORD}){E}",
        _day_word,
        (
            Ex("Officials said today that", "today", "2024-04-13"),
            Ex("The vote was held yesterday.", "yesterday", "2024-04-12"),
            Ex("Voting ends tomorrow.", "tomorrow", "2024-04-14"),
            Ex("Shares closed late yesterday at $14.", "late yesterday", "2024-04-12"),
            Ex("The vote failed. Today, the market fell.", "Today", "2024-04-13"),
        ),
        negatives=("The talks continue in Geneva. This is VOA Today.", "He reads USA Today at work."),
    ),
    Rule(
        "shift_from_dct",
        # "about two years ago", "a week or so ago", "a day or two ago": the hedge is part of the expression
        rf"{B}(?P<x>(?:(?P<dmod>{DURATION_MOD})\s+)?(?P<num>{NUMBER}|{VAGUE})\s+(?P<unit>{UNIT_ANY})"
        r"(?:\s+(?P<orso>(?i:or\s+so|or\s+two|or\s+three|or\s+more)))?\s+(?:(?P<ago>(?i:ago))|(?i:from\s+now)))(?![\w])",
        _shifted,
        (
            Ex("Then, a week or so ago, the general picked a plan.", "a week or so ago", "2024-04-06"),
            Ex("A day or two ago, it rained.", "A day or two ago", "2024-04-12"),
            Ex("The firm was founded about two years ago.", "about two years ago", "2022"),
            Ex("The plant closed two days ago.", "two days ago", "2024-04-11"),
            Ex("They will vote three weeks from now.", "three weeks from now", "2024-05-04"),
            Ex("It began 10 years ago.", "10 years ago", "2014"),
        ),
    ),
    Rule(
        "in_from_dct",
        rf"(?<=\b(?i:in)\s)(?P<x>(?P<num>{NUMBER})\s+(?P<unit>{UNIT_ANY})){E}(?![\s-]+(?i:ago|from\s+now|later|earlier|time|of|after|before|or)\b)"
        r"(?:(?=\s+(?P<relc>(?i:that|which|when|where|in\s+which|during\s+which))\b))?",
        _in_from_dct,
        (
            Ex("The parts will arrive in 3 weeks.", "3 weeks", "2024-05-04"),
            Ex("The parts arrive in 2 wks.", "2 wks", "2024-04-27"),
            Ex("The stock would be redeemed in five years.", "five years", "2029"),
            Ex("The bridge was built in three weeks.", "three weeks", "P3W"),
            Ex("It will be built in three years that will test us.", "three years", "P3Y"),
        ),
        negatives=(
            "Taxes would be minimal in a quarter that produced such a big loss.",
            "Prices will rise in a year when wages stall.",
        ),
        priority=1,
        unwritten=("dmod",),
    ),
    Rule(
        "weekday_relative",
        rf"{B}(?P<x>(?:{MOD}[-\s])?{WEEKDAY_REF}){E}",
        dayparts.weekday,
        (
            Ex("officials met on Saturday", "Saturday", "2024-04-13"),
            Ex("Biden kept his promise on Friday", "Friday", "2024-04-12"),
            Ex("The leaders will meet on Friday.", "Friday", "2024-04-19"),
            Ex("The vote is on Monday.", "Monday", "2024-04-15"),
            Ex("THE VOTE IS ON MONDAY", "MONDAY", "2024-04-15"),
            Ex("They talked last Thursday.", "last Thursday", "2024-04-11"),
            Ex("The board meets next Monday.", "next Monday", "2024-04-15"),
            Ex("The storm made landfall late Wednesday.", "late Wednesday", "2024-04-10"),
            Ex("see you Tues", "Tues", "2024-04-16"),
        ),
        negatives=(
            "She reads the Sunday Times.",
            "They went to Friday prayers.",
            "Sunday Morning aired.",
            "Markets fell on Black Monday.",
            "Results came in on Super Tuesday.",
        ),
        priority=-4,
        unwritten=("dayword",),
    ),
)
