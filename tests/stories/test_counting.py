"""Counting a story event's sources: distinct articles, distinct outlets, mentions, and the words for them."""

from __future__ import annotations

import pytest

from timeline.stories.counting import SourceCount, by_article, outlet_of, source_count

# (mentions as (article id, source), articles, outlets, mentions, label)
CASES = [
    ([(1, "AP")], 1, 1, 1, "1 article"),
    # One AP story telling the happening in two sentences: one source, two mentions.
    ([(1, "AP"), (1, "AP")], 1, 1, 2, "1 article · 2 mentions"),
    ([(1, "AP"), (2, "Reuters"), (3, "Xinhua")], 3, 3, 3, "3 articles from 3 outlets"),
    # Two AP stories and a Reuters one, AP telling it twice: 3 articles, 2 outlets, 4 mentions.
    ([(1, "AP"), (1, "AP"), (2, "ap"), (3, "Reuters")], 3, 2, 4, "3 articles from 2 outlets · 4 mentions"),
    # A URL counts by its host, with or without www.
    ([(1, "https://www.apnews.com/a/1"), (2, "http://apnews.com/b")], 2, 1, 2, "2 articles from 1 outlet"),
    # An article without a source has no known outlet: never counted as one, never guessed.
    ([(1, "AP"), (2, ""), (3, "Reuters")], 3, 2, 3, "3 articles (2 named outlets)"),
    ([(1, ""), (2, "  ")], 2, 0, 2, "2 articles"),
    ([], 0, 0, 0, "0 articles"),
]


@pytest.mark.parametrize(("mentions", "articles", "outlets", "total", "label"), CASES)
def test_source_count(mentions, articles, outlets, total, label) -> None:
    count = source_count(mentions)
    assert (count.articles, count.outlets, count.mentions) == (articles, outlets, total)
    assert count.label == label
    assert count.articles <= count.mentions


def test_thirteen_articles_telling_it_in_seventeen_sentences_are_thirteen_sources() -> None:
    mentions = [(n, f"Outlet {n % 5}") for n in range(13)] + [(n, f"Outlet {n % 5}") for n in range(4)]
    count = source_count(mentions)
    assert count == SourceCount(articles=13, outlets=5, mentions=17)
    assert count.label == "13 articles from 5 outlets · 17 mentions"


def test_big_numbers_are_grouped() -> None:
    assert (
        SourceCount(articles=1200, outlets=3, mentions=1500).label == "1,200 articles from 3 outlets · 1,500 mentions"
    )


@pytest.mark.parametrize(
    ("source", "outlet"),
    [
        ("https://www.apnews.com/article/x", "apnews.com"),
        ("http://user@News.Example.org:8080/p", "news.example.org"),
        ("  Xinhua ", "Xinhua"),
        ("", ""),
    ],
)
def test_outlet_of(source, outlet) -> None:
    assert outlet_of(source) == outlet


def test_by_article_keeps_the_order_of_first_mention() -> None:
    mentions = [("a", 2), ("b", 1), ("c", 2), ("d", 3)]
    assert by_article(mentions, lambda m: m[1]) == [[("a", 2), ("c", 2)], [("b", 1)], [("d", 3)]]
