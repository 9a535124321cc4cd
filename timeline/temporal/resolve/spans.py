"""Durations and vague references: "the past week", "for three hours", "the coming hours", "now"."""

from __future__ import annotations

from timeline.temporal.lexicon import UNIT_DAYS, UNITS, VAGUE_QUANTITIES, number_value
from timeline.temporal.resolve.absolute import Groups
from timeline.temporal.resolve.context import ResolveContext
from timeline.temporal.resolve.relative import unit_name
from timeline.temporal.timex import Resolution, add_days, open_future, open_past
from timeline.temporal.types import DATE, DURATION, SET

PAST_WORDS = {"past", "last", "previous", "recent", "preceding"}
FUTURE_WORDS = {"next", "coming", "following", "upcoming"}


def duration_value(quantity: float | None, unit: str) -> str:
    """TIMEX3 duration: (3, "day") -> "P3D", (2, "hour") -> "PT2H", (None, "day") -> "PXD"."""
    letter, is_time, _ = UNITS[unit]
    if quantity is None:
        amount = "X"
    elif quantity == int(quantity):
        amount = str(int(quantity))
    else:
        amount = f"{quantity:g}"
    return f"PT{amount}{letter}" if is_time else f"P{amount}{letter}"


def span_days(quantity: float, unit: str) -> int:
    return max(int(round(quantity * UNIT_DAYS[unit])), 0)


def anchored_span(g: Groups, ctx: ResolveContext) -> Resolution | None:
    """ "the past week" (DCT-7..DCT), "the next three days", "the coming hours" (FUTURE_REF)."""
    relation = g["rel"].lower()
    unit = unit_name(g["unit"])
    quantity_text = (g.get("num") or "").lower()
    plural = g["unit"].lower().endswith("s") and unit != g["unit"].lower()
    if quantity_text in VAGUE_QUANTITIES or (plural and not quantity_text):
        if quantity_text and quantity_text not in ("recent",):
            quantity = None  # "the past few days": PXD over a bounded window
        else:
            return open_past(ctx.dct) if relation in PAST_WORDS else open_future(ctx.dct)
    else:
        quantity = number_value(quantity_text) if quantity_text else 1.0
        if quantity is None:
            return None
    window = span_days(quantity if quantity is not None else 3, unit)
    if relation in PAST_WORDS:
        start, end = add_days(ctx.dct, -window), ctx.dct
    else:
        start, end = ctx.dct, add_days(ctx.dct, window)
    return Resolution(DURATION, duration_value(quantity, unit), start, end, UNITS[unit][2])


def plain_duration(g: Groups, ctx: ResolveContext) -> Resolution | None:
    """ "three hours", "a decade", "48-hour", "Hours" (before ...): a length, placed at the anchor."""
    unit = unit_name(g["unit"])
    if unit not in UNITS:
        return None
    quantity_text = (g.get("num") or "").lower()
    if quantity_text and quantity_text not in VAGUE_QUANTITIES:
        quantity = number_value(quantity_text)
        if quantity is None:
            return None
    else:
        quantity = None
    # A bare length says nothing about when; it sits on the DCT (events carry their own date).
    day = ctx.dct
    return Resolution(DURATION, duration_value(quantity, unit), day, day, UNITS[unit][2])


def vague(g: Groups, ctx: ResolveContext) -> Resolution | None:
    word = " ".join(g["vague"].lower().split())
    if word in ("recently", "lately", "in the past", "the past", "previously", "in recent years",
                "in recent months", "in recent weeks", "in recent days", "recent years", "recent months",
                "recent weeks", "recent days", "the early days", "the first days", "the early weeks",
                "the early months", "the first weeks", "the first months"):
        return open_past(ctx.dct)
    if word in ("soon", "in the future", "the future", "shortly", "the coming days", "the coming weeks"):
        return open_future(ctx.dct)
    return Resolution(DATE, "PRESENT_REF", ctx.dct, ctx.dct, "day")


SET_VALUES = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
              "hourly": "PT1H", "nightly": "P1D", "quarterly": "P1Q"}


def recurring(g: Groups, ctx: ResolveContext) -> Resolution | None:
    """ "every Monday" (XXXX-WXX-1), "each year" (P1Y), "daily" (P1D)."""
    from timeline.temporal.lexicon import WEEKDAYS
    from timeline.temporal.types import OPEN_END, OPEN_START

    word = (g.get("setword") or "").lower()
    if word in SET_VALUES:
        value = SET_VALUES[word]
    elif g.get("weekday"):
        value = f"XXXX-WXX-{WEEKDAYS[g['weekday'].lower().rstrip('.')] + 1}"
    else:
        value = duration_value(1, unit_name(g["unit"]))
    return Resolution(SET, value, OPEN_START, OPEN_END, "open")


__all__ = ["anchored_span", "plain_duration", "vague", "recurring", "DATE"]
