"""Composite regex phrases shared by the English rules (weekday references, month-days, modifiers)."""

from __future__ import annotations

from timeline.temporal.rules.fragments import DAY, MONTH, WEEKDAY, YEAR

DURATION_MOD = r"(?i:about|around|approximately|roughly|some|nearly|almost|less\s+than|fewer\s+than|just\s+under|up\s+to|at\s+most|no\s+more\s+than|more\s+than|just\s+over|over|at\s+least)"
MOD = r"(?P<mod>(?i:early|mid|late|(?:the\s+)?end\s+of|(?:the\s+)?start\s+of|(?:the\s+)?beginning\s+of|(?:the\s+)?middle\s+of))"
DAYWORD = (
    r"(?P<dayword>(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|yesterday|tomorrow|tonight))"
)
WEEKDAY_REF = rf"(?:(?P<rel>(?i:last|next|this\s+coming|this\s+past|this))\s+)?(?P<weekday>{WEEKDAY})"
MONTH_DAY = rf"(?:(?P<weekday>{WEEKDAY}),?\s+)?(?P<month>{MONTH})\s*(?P<day>{DAY})(?:,?\s+(?P<year>{YEAR}))?"
DAY_MONTH = rf"(?:(?P<weekday>{WEEKDAY}),?\s+)?(?:the\s+)?(?P<day>{DAY})(?:\s+of)?\s+(?P<month>{MONTH})(?:,?\s+(?P<year>{YEAR}))?"
YEAR_REF = rf"(?:(?i:of\s+)?(?P<year>{YEAR})|(?P<yrel>(?i:this|last|next|the|current|previous))\s+(?i:year))"
