"""Clock times: "3 p.m.", "10:30 a.m. ET", "15:00", "noon"."""

from __future__ import annotations

import re

_CLOCK = re.compile(r"(?P<h>\d{1,2})(?::(?P<m>\d{2}))?\s*(?P<ampm>[ap])?", re.IGNORECASE)


def clock_value(text: str) -> str | None:
    """ "3 p.m." -> "15:00"; None for an impossible time ("25:70")."""
    lowered = text.lower().replace(".", "").strip()
    if lowered == "noon":
        return "12:00"
    if lowered == "midnight":  # AP style: midnight belongs to the day that is ending ("midnight Friday")
        return "24:00"
    match = _CLOCK.match(lowered)
    if not match:
        return None
    hour, minute = int(match["h"]), int(match["m"] or 0)
    ampm = match["ampm"]
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm == "p" else 0)
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    return f"{hour:02d}:{minute:02d}"
