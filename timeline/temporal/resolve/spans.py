"""Durations and vague references: "the past week", "for three hours", "the coming hours", "now"."""

from __future__ import annotations

from datetime import date

from timeline.temporal.lexicon import PARTS_OF_DAY, UNIT_DAYS, UNITS, VAGUE_QUANTITIES, WEEKDAYS, number_value
from timeline.temporal.resolve.captures import Captures, reads
from timeline.temporal.resolve.common import unit_name
from timeline.temporal.resolve.context import ResolveContext
from timeline.temporal.timex import Resolution, add_days, add_months, open_future, open_past
from timeline.temporal.types import DATE, DURATION, SET

PAST_WORDS = {"past", "last", "previous", "recent", "preceding"}
FUTURE_WORDS = {"next", "coming", "following", "upcoming"}


def duration_value(quantity: float | None, unit: str) -> str:
    """TIMEX3 duration: (3, "day") -> "P3D", (2, "hour") -> "PT2H", (None, "day") -> "PXD"."""
    letter, is_time, _ = UNITS[unit]
    if unit == "fortnight" and quantity is not None:
        quantity *= 2  # TIMEX3 has no fortnight: "a fortnight" is P2W
    if quantity is None:
        amount = "X"
    elif quantity == int(quantity):
        amount = str(int(quantity))
    else:
        amount = f"{quantity:g}"
    return f"PT{amount}{letter}" if is_time else f"P{amount}{letter}"


def shift_by(day: date, quantity: float, unit: str, sign: int) -> date:
    """``day`` moved by a quantity of units, by the calendar ("the past month" = same day last month)."""
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}.get(unit)
    if months is not None and quantity == int(quantity):
        return add_months(day, sign * int(quantity) * months)
    days = quantity * UNIT_DAYS[unit]
    whole = int(days) if unit in ("second", "minute", "hour") else int(round(days))
    return add_days(day, sign * whole)


@reads("rel", "unit", "num")
def anchored_span(g: Captures, ctx: ResolveContext) -> Resolution | None:
    """ "the past week" (DCT-7..DCT), "the next three days", "the coming hours" (FUTURE_REF)."""
    relation = g["rel"].lower()
    unit = unit_name(g["unit"])
    quantity_text = (g["num"] or "").lower()
    plural = g["unit"].lower().endswith("s") and unit != g["unit"].lower()
    if relation == "recent" and plural and not quantity_text:
        # "recent years" is a stretch of unstated length ending now: TimeML's PXY, not PAST_REF
        return Resolution(DURATION, duration_value(None, unit), shift_by(ctx.dct, 3, unit, -1), ctx.dct, UNITS[unit][2])
    if quantity_text in VAGUE_QUANTITIES or (plural and not quantity_text):
        if quantity_text and quantity_text not in ("recent",):
            quantity = None  # "the past few days": PXD over a bounded window
        else:
            return open_past(ctx.dct) if relation in PAST_WORDS else open_future(ctx.dct)
    else:
        quantity = number_value(quantity_text) if quantity_text else 1.0
        if quantity is None:
            return None
    amount = quantity if quantity is not None else 3  # "the past few days": about three
    if relation in PAST_WORDS:
        start, end = shift_by(ctx.dct, amount, unit, -1), ctx.dct
    else:
        start, end = ctx.dct, shift_by(ctx.dct, amount, unit, 1)
    return Resolution(DURATION, duration_value(quantity, unit), start, end, UNITS[unit][2])


@reads("unit", "num", "dmod")
def plain_duration(g: Captures, ctx: ResolveContext) -> Resolution | None:
    """ "three hours", "a decade", "48-hour", "Hours" (before ...): a length, placed at the anchor."""
    unit = unit_name(g["unit"])
    quantity_text = (g["num"] or "").lower()
    if quantity_text and quantity_text not in VAGUE_QUANTITIES:
        quantity = number_value(quantity_text)
        if quantity is None:
            return None
    else:
        quantity = None
    day, anchor = ctx.local_day(sentences_back=1)  # a bare length sits on the day being told about
    mod = DURATION_MODS.get(" ".join((g["dmod"] or "").lower().split()), "")
    return Resolution(DURATION, duration_value(quantity, unit), day, day, UNITS[unit][2], mod, anchor)


DURATION_MODS = {
    "about": "APPROX",
    "around": "APPROX",
    "approximately": "APPROX",
    "roughly": "APPROX",
    "some": "APPROX",
    "nearly": "LESS_THAN",
    "almost": "LESS_THAN",
    "less than": "LESS_THAN",
    "fewer than": "LESS_THAN",
    "under": "LESS_THAN",
    "just under": "LESS_THAN",
    "up to": "EQUAL_OR_LESS",
    "at most": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS",
    "more than": "MORE_THAN",
    "over": "MORE_THAN",
    "just over": "MORE_THAN",
    "at least": "EQUAL_OR_MORE",
}


@reads("vague")
def vague(g: Captures, ctx: ResolveContext) -> Resolution | None:
    word = " ".join(g["vague"].lower().split())
    if word in (
        "recently",
        "lately",
        "in the past",
        "the past",
        "previously",
        "in recent years",
        "in recent months",
        "in recent weeks",
        "in recent days",
        "recent years",
        "recent months",
        "recent weeks",
        "recent days",
        "the early days",
        "the first days",
        "the early weeks",
        "the early months",
        "the first weeks",
        "the first months",
    ):
        return open_past(ctx.dct)
    if word in ("soon", "in the future", "the future", "shortly", "the coming days", "the coming weeks"):
        return open_future(ctx.dct)
    return Resolution(DATE, "PRESENT_REF", ctx.dct, ctx.dct, "day")


SET_VALUES = {
    "daily": "P1D",
    "weekly": "P1W",
    "monthly": "P1M",
    "annually": "P1Y",
    "yearly": "P1Y",
    "hourly": "PT1H",
    "nightly": "P1D",
    "quarterly": "P1Q",
    "weekends": "XXXX-WXX-WE",
}


@reads("setword", "num", "weekday", "pod", "weekdays", "unit")
def recurring(g: Captures, ctx: ResolveContext) -> Resolution | None:
    """ "every Monday" (XXXX-WXX-1), "every Saturday morning" (XXXX-WXX-6TMO), "daily" (P1D).

    A regularity is not a place on the timeline: its range is the DCT, where it is asserted.
    """
    word = (g["setword"] or "").lower()
    quantity = (g["num"] or "").lower()
    if word in SET_VALUES:
        value = SET_VALUES[word]
    elif g["weekday"]:
        value = f"XXXX-WXX-{WEEKDAYS[g['weekday'].lower().rstrip('.')] + 1}"
        if g["pod"]:
            value += f"T{PARTS_OF_DAY[g['pod'].lower()]}"
    elif g["pod"]:
        value = f"XXXX-XX-XXT{PARTS_OF_DAY[g['pod'].lower()]}"
    elif g["weekdays"]:
        value = "P1D"  # TIMEX3 has no value for working days; the day is the grain
    else:
        amount = None if quantity in VAGUE_QUANTITIES else (number_value(quantity) if quantity else 1)
        value = duration_value(amount, unit_name(g["unit"]))
    return Resolution(SET, value, ctx.dct, ctx.dct, "day")


# Half of a unit in the next smaller one, so "two and a half years" is P2Y6M as TimeML writes it.
HALF_UNIT = {
    "year": (6, "M", False),
    "decade": (5, "Y", False),
    "century": (50, "Y", False),
    "month": (15, "D", False),
    "day": (12, "H", True),
    "hour": (30, "M", True),
    "minute": (30, "S", True),
}


@reads("unit", "num")
def half_duration(g: Captures, ctx: ResolveContext) -> Resolution | None:
    """ "a minute and a half" (PT1M30S), "2 1/2 years" (P2Y6M), "six-and-a-half hours" (PT6H30M)."""
    unit = unit_name(g["unit"])
    quantity = 1.0 if g["num"].lower() in ("a", "an") else number_value(g["num"])
    if unit not in HALF_UNIT or quantity is None or quantity != int(quantity):
        return None
    amount, letter, smaller_is_time = HALF_UNIT[unit]
    whole_letter, whole_is_time, granularity = UNITS[unit]
    whole = f"{int(quantity)}{whole_letter}"
    if whole_is_time:
        value = f"PT{whole}{amount}{letter}"
    elif smaller_is_time:
        value = f"P{whole}T{amount}{letter}"
    else:
        value = f"P{whole}{amount}{letter}"
    day, anchor = ctx.local_day(sentences_back=1)
    return Resolution(DURATION, value, day, day, granularity, "", anchor)
