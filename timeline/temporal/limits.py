"""What the engine accepts, as plain constants (importing them loads nothing else of the engine)."""

from __future__ import annotations

from datetime import date

MAX_TEXT_CHARS = 5_000_000
# DCTs the resolvers can count from: "next decade" or "last Friday" from the calendar's
# first or last years would leave date's range (OverflowError) mid-article.
MIN_DCT = date(1000, 1, 1)
MAX_DCT = date(8999, 12, 31)
# How bare weekdays and months lean: from the evidence, or always to the past or the future.
PREFERENCES = ("auto", "past", "future")
