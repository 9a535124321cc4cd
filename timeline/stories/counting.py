"""How many sources report a story event: distinct articles, distinct outlets, and mentions.

A source is an article. Two sentences of one AP story that tell the same happening are one
source with two mentions; three articles from AP, AP and Reuters are three sources from two
outlets. Every place that states a count (the story chart and table, the exports, the admin)
reads it from ``source_count`` so none re-derives it its own way. Plain Python, no Django.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar

T = TypeVar("T")


@lru_cache(maxsize=4096)
def outlet_of(source: str) -> str:
    """The outlet an article's source names: a URL's host without ``www.``, else the source itself
    (cached: thousands of mentions share a few sources)."""
    lowered = source.strip()
    for scheme in ("https://", "http://"):
        if lowered.lower().startswith(scheme):
            host = lowered[len(scheme) :].split("/", 1)[0].split("@")[-1].split(":")[0].lower()
            return host.removeprefix("www.")
    return lowered


@dataclass(frozen=True)
class SourceCount:
    """``articles`` distinct articles, ``outlets`` distinct named outlets among them, ``mentions``
    sentences; ``unnamed`` articles came with no source, so their outlet is unknown."""

    articles: int
    outlets: int
    mentions: int
    unnamed: int = 0

    @property
    def sources(self) -> str:
        """ "3 articles from 2 outlets"; an outlet is never guessed for an article without a source."""
        articles = _plural(self.articles, "article")
        if self.articles <= 1 or not self.outlets:
            return articles
        if self.unnamed:
            return f"{articles} ({_plural(self.outlets, 'named outlet')})"
        return f"{articles} from {_plural(self.outlets, 'outlet')}"

    @property
    def mentions_label(self) -> str:
        return _plural(self.mentions, "mention")

    @property
    def label(self) -> str:
        """The sources, then the mentions where they are not one per article: "1 article · 2 mentions"."""
        return self.sources if self.mentions == self.articles else f"{self.sources} · {self.mentions_label}"


def source_count(mentions: Iterable[tuple[int, str]]) -> SourceCount:
    """The count of a story event's mentions, each given as (article id, the article's source)."""
    outlet_by_article: dict[int, str] = {}
    total = 0
    for article_id, source in mentions:
        total += 1
        outlet_by_article.setdefault(article_id, outlet_of(source or ""))
    named = {outlet.casefold() for outlet in outlet_by_article.values() if outlet}
    unnamed = sum(1 for outlet in outlet_by_article.values() if not outlet)
    return SourceCount(articles=len(outlet_by_article), outlets=len(named), mentions=total, unnamed=unnamed)


def by_article(mentions: Sequence[T], article_of: Callable[[T], int]) -> list[list[T]]:
    """``mentions`` gathered per article, articles in order of first mention: one entry per source."""
    grouped: dict[int, list[T]] = {}
    for mention in mentions:
        grouped.setdefault(article_of(mention), []).append(mention)
    return list(grouped.values())


def _plural(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"
