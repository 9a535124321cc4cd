"""A story event's title and dates from its mentions (pure functions over plain values)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from timeline.temporal.reporting import STORY_TITLE_REPORTING

MAX_TITLE_CHARS = 70
# "Police say", "FBI officials said", "according to": titles about the reporting, not the happening.
_REPORTING = STORY_TITLE_REPORTING


@dataclass(frozen=True)
class TitleCandidate:
    title: str
    centrality: float  # the mention's average score to the rest of its group


def title_problems(title: str) -> int:
    """How many signs of an unclear title: cut off, too long, about the reporting, too short."""
    words = title.split()
    return sum((
        title.endswith("…"),
        len(title) > MAX_TITLE_CHARS,
        bool(_REPORTING.search(title)),
        len(words) < 3,
    ))  # fmt: skip


def best_title(candidates: Sequence[TitleCandidate]) -> str:
    """The clearest title: fewest problems, then the most central mention, then the shortest."""
    if not candidates:
        return ""
    best = min(candidates, key=lambda c: (title_problems(c.title), -c.centrality, len(c.title), c.title))
    return tidy_title(best.title)


def tidy_title(title: str) -> str:
    """ "Pilots vote to strike ," -> "Pilots vote to strike": no space before punctuation, none trailing."""
    title = re.sub(r"\s+([,;:.!?])", r"\1", " ".join(title.split()))
    return title.rstrip(",;: ") or title


@dataclass(frozen=True)
class DatedMention:
    earliest: date
    latest: date
    value: str
    granularity: str


def consensus_date(mentions: Sequence[DatedMention]) -> DatedMention:
    """The range most mentions give; ties go to the narrowest, then the earliest."""
    counts = Counter((m.earliest, m.latest) for m in mentions)
    (earliest, latest), _ = min(counts.items(), key=lambda item: (-item[1], (item[0][1] - item[0][0]).days, item[0]))
    return next(m for m in mentions if (m.earliest, m.latest) == (earliest, latest))
