"""Search across stories, happenings and articles: every word must match; results escaped."""

from __future__ import annotations

from datetime import date

import pytest

from tests.factories import make_article, make_event, make_story, make_story_event
from timeline import selectors
from timeline.stories import selectors as story_selectors

pytestmark = pytest.mark.django_db


@pytest.fixture
def coverage():
    bombing = make_article(
        title="Embassy bombing in Tesmar",
        text="A truck bomb exploded outside the embassy in Tesmar on Friday. Police arrested two suspects.",
        published=date(1998, 8, 8),
    )
    harbour = make_article(title="Harbour closes", text="The harbour closed on Monday after the storm.")
    story = make_story(name="Tesmar embassy bombing", articles=[bombing])
    event = make_event(article=bombing, title="Truck bomb explodes outside embassy", earliest=date(1998, 8, 7))
    make_story_event(story=story, events=[event], title="Truck bomb explodes outside embassy")
    return bombing, harbour, story


def test_every_word_must_match_in_title_or_text(coverage):
    bombing, harbour, _ = coverage
    assert list(selectors.article_search(query="Tesmar police")) == [bombing]
    assert list(selectors.article_search(query="harbour storm")) == [harbour]
    assert list(selectors.article_search(query="harbour Tesmar")) == []
    assert list(selectors.article_search(query="  ")) == [] and selectors.query_words("a , !") == []


def test_stories_and_happenings_match_their_names_and_titles(coverage):
    _, _, story = coverage
    assert list(story_selectors.story_search(query="embassy tesmar")) == [story]
    assert [e.title for e in story_selectors.story_event_search(query="truck embassy")] == [
        "Truck bomb explodes outside embassy"
    ]


def test_the_page_lists_each_kind_with_a_snippet_around_the_words(client, coverage):
    page = client.get("/search/", {"q": "arrested"}).content.decode()
    assert "Embassy bombing in Tesmar" in page and "Police arrested two suspects." in page
    assert "Harbour closes" not in page and "No story name holds these words." in page


def test_the_page_escapes_the_query_and_article_text(client, db):
    hostile = "<img src=x onerror=alert(1)>"
    make_article(title=f"Talks {hostile}", text=f"Talks resume {hostile} on Monday.")
    page = client.get("/search/", {"q": f"talks {hostile}"}).content.decode()
    assert hostile not in page and "&lt;img src=x onerror=alert(1)&gt;" in page


def test_a_query_of_only_short_words_says_so(client, db):
    assert "at least one word" in client.get("/search/", {"q": "a b"}).content.decode()
