"""English rules for business shorthand: "FY2024", "FY24", "H1 2025", "2H24", "Q4 FY24", "3Q24",
and the office deadlines "EOD", "COB", "EOW", "EOM", "EOY". Examples use DCT 2024-04-13 (a
Saturday) unless they say otherwise."""

from __future__ import annotations

from timeline.temporal.resolve import absolute, relative
from timeline.temporal.resolve.captures import Captures, reads
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


@reads("year")
def _fiscal_year(g: Captures, ctx: ResolveContext) -> Resolution | None:
    return absolute.year_alone(Captures(year=_full_year(g["year"], ctx), mod=None), ctx)


@reads("h1", "h2", "year")
def _half_year(g: Captures, ctx: ResolveContext) -> Resolution | None:
    ordinal = "first" if (g["h1"] or g["h2"]) == "1" else "second"
    return absolute.half(Captures(ordinal=ordinal, year=_full_year(g["year"], ctx), yrel=None), ctx)


@reads("q1", "q2", "year")
def _quarter(g: Captures, ctx: ResolveContext) -> Resolution | None:
    year = _full_year(g["year"], ctx)
    return absolute.quarter(Captures(ordinal=None, qnum=g["q1"] or g["q2"], year=year, yrel=None), ctx)


@reads("deadline")
def _deadline(g: Captures, ctx: ResolveContext) -> Resolution | None:
    unit, mod = _DEADLINES[g["deadline"].lower()]
    found = relative.calendar_unit(ctx.dct, unit, 0)
    if found is None:
        return None
    return Resolution(found.type, found.value, found.earliest, found.latest, found.granularity, mod)


BUSINESS_RULES: tuple[Rule, ...] = (
    Rule(
        "fiscal_year_short",
        rf"{B}(?P<x>(?:FY|fy)\s?['’]?(?P<year>(?:19|20)\d\d|\d\d)){E}",
        _fiscal_year,
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
        _half_year,
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
        _quarter,
        (
            Ex("Sales in Q4 FY24 fell.", "Q4 FY24", "2024-Q4"),
            Ex("Sales in Q3 2023 were flat.", "Q3 2023", "2023-Q3"),
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
