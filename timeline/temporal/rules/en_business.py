"""English rules for business shorthand: "FY2024", "FY24", "H1 2025", "2H24", "Q4 FY24", "3Q24",
and the office deadlines "EOD", "COB", "EOW", "EOM", "EOY". Examples use DCT 2024-04-13 (a
Saturday) unless they say otherwise."""

from __future__ import annotations

from timeline.temporal.resolve import absolute, relative
from timeline.temporal.resolve.common import Groups
from timeline.temporal.resolve.context import ResolveContext
from timeline.temporal.rules.base import Example as Ex
from timeline.temporal.rules.base import Rule
from timeline.temporal.rules.fragments import B, E
from timeline.temporal.timex import Resolution

# A year after "FY", "H1" or "Q3": four digits, or two ("FY24", "Q3'24").
_SHORT_YEAR = r"(?:FY|fy)?\s?['’]?(?P<year>(?:19|20)\d\d|\d\d)"
_DEADLINES = {
    "eod": ("day", "END"),
    "cob": ("day", "END"),
    "eow": ("week", "END"),
    "eom": ("month", "END"),
    "eoy": ("year", "END"),
}


def _full_year(written: str, ctx: ResolveContext) -> str:
    """ "24" is 2024 when that is no more than 20 years past the DCT, else 1924."""
    if len(written) == 4:
        return written
    year = 2000 + int(written)
    return str(year if year <= ctx.dct.year + 20 else year - 100)


def _with_year(resolver):
    def resolve(g: Groups, ctx: ResolveContext) -> Resolution | None:
        return resolver({**g, "year": _full_year(g["year"], ctx)}, ctx)

    return resolve


def _deadline(g: Groups, ctx: ResolveContext) -> Resolution | None:
    unit, mod = _DEADLINES[g["deadline"].lower()]
    found = relative.calendar_unit(ctx.dct, unit, 0)
    if found is None:
        return None
    return Resolution(found.type, found.value, found.earliest, found.latest, found.granularity, mod)


BUSINESS_RULES: tuple[Rule, ...] = (
    Rule(
        "fiscal_year_short",
        rf"{B}(?P<x>(?:FY|fy)\s?['’]?(?P<year>(?:19|20)\d\d|\d\d)){E}",
        _with_year(absolute.year_alone),
        (
            Ex("Guidance for FY2024 was cut.", "FY2024", "2024"),
            Ex("FY24 revenue rose 8%.", "FY24", "2024"),
            Ex("The FY 1999 budget passed.", "FY 1999", "1999", dct="1998-10-01"),
        ),
        negatives=("The FYI memo went out.", "Flight FY123 landed."),
        priority=1,
    ),
    Rule(
        "half_year_short",
        rf"{B}(?P<x>(?:[Hh](?P<h1>[12])|(?P<h2>[12])[Hh])\s?{_SHORT_YEAR}){E}",
        _with_year(
            lambda g, ctx: absolute.half(
                {**g, "ordinal": "first" if (g.get("h1") or g.get("h2")) == "1" else "second"}, ctx
            )
        ),
        (
            Ex("Results for H1 2025 beat forecasts.", "H1 2025", "2025-H1"),
            Ex("Margins improved in 2H24.", "2H24", "2024-H2"),
        ),
        negatives=("The H1B visa rules changed.", "Take the 1H train."),
        priority=1,
    ),
    Rule(
        "quarter_short",
        rf"{B}(?P<x>(?:[Qq](?P<q1>[1-4])|(?P<q2>[1-4])[Qq])\s?{_SHORT_YEAR}){E}",
        _with_year(lambda g, ctx: absolute.quarter({**g, "qnum": g.get("q1") or g.get("q2")}, ctx)),
        (
            Ex("Sales in Q4 FY24 fell.", "Q4 FY24", "2024-Q4"),
            Ex("The chip ships in 3Q24.", "3Q24", "2024-Q3"),
            Ex("Q1'25 guidance was raised.", "Q1'25", "2025-Q1"),
        ),
        priority=2,
    ),
    Rule(
        "office_deadline",
        rf"{B}(?P<x>(?P<deadline>EOD|COB|EOW|EOM|EOY)){E}",
        _deadline,
        (
            Ex("Send the draft by EOD.", "EOD", "2024-04-13"),
            Ex("Numbers are due EOM.", "EOM", "2024-04"),
            Ex("Wrap it up by EOW.", "EOW", "2024-W15"),
        ),
        negatives=("The cob loaf was fresh.",),
    ),
)
