"""News pages to article text: code and its attributes never become words of the title or the text."""

from __future__ import annotations

import pytest

from timeline.ingest.article_input import article_input_from_paste
from timeline.ingest.html import html_to_article

BODY = "<p>The council voted on Monday to approve the new budget for the city after a long debate.</p>"

# (page, the title a reader sees): what a browser shows of the headline, without code.
TITLES = [
    (f"<html><body><article><h1>Council vote <script>alert(2)</script></h1>{BODY}</article></body></html>",
     "Council vote"),
    (f'<h1 onclick="steal()">Council votes <img src=x onerror=alert(1)></h1>{BODY}', "Council votes"),
    (f"<h1>Council votes<style>h1{{color:red}}</style><noscript>Enable JavaScript</noscript></h1>{BODY}",
     "Council votes"),
    (f"<h1>Council votes &lt;img src=x onerror=alert(1)&gt;</h1>{BODY}", "Council votes"),
]  # fmt: skip


@pytest.mark.parametrize(("page", "title"), TITLES)
def test_the_title_holds_no_code_or_attributes(page, title):
    article = html_to_article(page)
    assert article.title == title
    assert "budget for the city" in article.text


def test_scripts_styles_and_noscript_are_no_article_text():
    page = (f"<html><body><script>var tracking = 1;</script><noscript>Enable JavaScript</noscript>"
            f"<style>p {{ color: red }}</style><article><h1>Council votes</h1>{BODY}</article></body></html>")  # fmt: skip
    text = html_to_article(page).text
    assert "tracking" not in text and "Enable JavaScript" not in text and "color" not in text
    assert "budget for the city" in text


def test_meta_tags_still_give_title_author_and_date():
    page = ('<!doctype html><html><head><meta property="og:title" content="Council approves budget">'
            '<meta property="article:published_time" content="1998-08-07T10:00:00Z">'
            f'<meta name="author" content="Jane Doe"></head><body>{BODY}</body></html>')  # fmt: skip
    article = html_to_article(page)
    assert (article.title, article.byline, article.published) == ("Council approves budget", "Jane Doe", "1998-08-07")


FRAGMENT = (
    "<p>Police said <b>Monday</b> that two <i>suspects</i> were <a>arrested</a> on Sunday.</p>"
    "<p>The trial will open on <strong>Sept. 14</strong>.</p>"
)


def test_a_fragment_keeps_inline_markup_as_words_and_blocks_as_paragraphs():
    article = html_to_article(FRAGMENT)
    assert article.text == (
        "Police said Monday that two suspects were arrested on Sunday.\n\nThe trial will open on Sept. 14."
    )
    assert article.title == "" and article.published == ""


def test_a_fragment_opening_with_a_heading_gives_the_title_and_drops_code():
    article = html_to_article(
        "<div><h1>Two <em>suspects</em> held</h1><p>Police said <b>Monday</b>.<br>They were"
        "<script>alert(1)</script> <img src=x onerror=alert(1)> charged.</p><ul><li>One</li><li>Two</li></ul></div>"
    )
    assert article.title == "Two suspects held"
    assert article.text == "Two suspects held\n\nPolice said Monday.\n\nThey were charged.\n\nOne\n\nTwo"
    assert "alert" not in article.text and "onerror" not in article.text


def test_a_pasted_fragment_imports_as_two_sentences_not_one_tag_per_line():
    given = article_input_from_paste(FRAGMENT)
    assert given.text.split("\n\n") == [
        "Police said Monday that two suspects were arrested on Sunday.",
        "The trial will open on Sept. 14.",
    ]
