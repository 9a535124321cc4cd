"""A story's key dates: the few happenings most widely reported, each with its best sentence.

Ranked by distinct articles, then distinct outlets, then how central they are (how many
articles tell them in their lead, the first ``LEAD_CHARS`` characters), then mentions; shown
in time order. Only dated happenings a reader can put on a calendar qualify: a span of at
most ``MAX_SPAN_DAYS`` days with both ends known. Plain Python, no Django: the story page and
the exports hand in their own rows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from timeline.stories.counting import SourceCount, source_count
from timeline.temporal.types import OPEN_END, OPEN_START

KEY_DATES = 5
LEAD_CHARS = 500  # a sentence starting this early in its article is in its lead
MAX_SPAN_DAYS = 31
BEST_SENTENCE_CHARS = (20, 320)  # shorter is a fragment, longer a run-on
_SMALL_WORDS = frozenset({"the", "and", "for", "with", "from", "that", "thi", "was", "were", "ha", "have", "said"})


@dataclass(frozen=True)
class MentionText:
    """One mention: its article, the article's source, the sentence and where it starts."""

    article_id: int
    source: str
    sentence: str
    position: int | None = None


@dataclass(frozen=True)
class Candidate:
    event_id: int
    title: str
    earliest: date
    latest: date
    mentions: tuple[MentionText, ...]
    value: str = ""
    granularity: str = "day"


@dataclass(frozen=True)
class KeyDate:
    event_id: int
    title: str
    earliest: date
    latest: date
    value: str
    granularity: str
    count: SourceCount
    lead_articles: int
    sentence: str
    reason: str


def key_dates(candidates: Iterable[Candidate], limit: int = KEY_DATES) -> list[KeyDate]:
    """The ``limit`` best-reported dated happenings, in time order."""
    # Reported by one article only, a happening is no key date: a one-article story has none.
    ranked = sorted(
        (k for c in candidates if _is_datable(c) for k in [_key_date(c)] if k.count.articles > 1), key=_rank
    )
    return sorted(ranked[:limit], key=lambda k: (k.earliest, k.latest, k.event_id))


def _is_datable(candidate: Candidate) -> bool:
    if candidate.earliest == OPEN_START or candidate.latest == OPEN_END or not candidate.mentions:
        return False
    return (candidate.latest - candidate.earliest).days <= MAX_SPAN_DAYS


def _key_date(candidate: Candidate) -> KeyDate:
    count = source_count((m.article_id, m.source) for m in candidate.mentions)
    lead = len({m.article_id for m in candidate.mentions if m.position is not None and m.position < LEAD_CHARS})
    reason = f"{count.label}; in the lead of {lead} article{'s' if lead != 1 else ''}"
    return KeyDate(
        event_id=candidate.event_id,
        title=candidate.title,
        earliest=candidate.earliest,
        latest=candidate.latest,
        value=candidate.value,
        granularity=candidate.granularity,
        count=count,
        lead_articles=lead,
        sentence=best_sentence(candidate.mentions, candidate.title),
        reason=reason,
    )


def _rank(key: KeyDate) -> tuple:
    return (
        -key.count.articles,
        -key.count.outlets,
        -key.lead_articles,
        -key.count.mentions,
        key.earliest,
        key.event_id,
    )


def best_sentence(mentions: Iterable[MentionText], title: str = "") -> str:
    """The sentence that tells it best: of a readable length, sharing most words with the title
    (a sentence about the funeral also names the bombing, but says less of it), earliest in its article."""
    title_words = _words(title)
    shortest, longest = BEST_SENTENCE_CHARS

    def rank(mention: MentionText) -> tuple:
        readable = shortest <= len(mention.sentence.strip()) <= longest
        shared = len(title_words & _words(mention.sentence))
        return (not readable, -shared, mention.position is None, mention.position or 0, len(mention.sentence))

    chosen = min(mentions, key=rank, default=None)
    return " ".join(chosen.sentence.split()) if chosen else ""


def _words(text: str) -> set[str]:
    """Content words, lower-cased, with a plural or past ending trimmed ("explodes" ~ "exploded")."""
    return {re.sub(r"(?:es|ed|s|d)$", "", w) for w in re.findall(r"[a-z]{3,}", text.lower())} - _SMALL_WORDS


def candidates_from_rows(grouped: Iterable[tuple[dict, list[dict]]]) -> list[Candidate]:
    """Candidates from the story selectors' mention rows grouped per story event (``by_story_event``)."""
    return [
        Candidate(
            event_id=first["story_event_id"],
            title=first["story_event__title"],
            earliest=first["story_event__earliest"],
            latest=first["story_event__latest"],
            mentions=tuple(
                MentionText(
                    row["event__article_id"],
                    row["event__article__source"] or "",
                    row["event__sentence__text"] or "",
                    row["event__sentence__start"],
                )
                for row in rows
            ),
            value=first["story_event__value"],
            granularity=first["story_event__granularity"],
        )
        for first, rows in grouped
    ]
