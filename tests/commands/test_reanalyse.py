"""reanalyse --all | --story NAME | --article ID: in place, ids and curation kept, clear errors."""

from __future__ import annotations

from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tests.factories import make_extraction
from timeline import temporal
from timeline.models import Article
from timeline.services import article_import, event_update
from timeline.stories.services import story_add_articles, story_get_or_create

pytestmark = pytest.mark.django_db

FIRST = "Iran attacked on Saturday. Biden met aides on Sunday."
SECOND = "Markets fell on Monday."


@pytest.fixture
def two_articles(fake_engine, monkeypatch):
    fake_engine.result = make_extraction(FIRST, [("Saturday", date(2024, 4, 13)), ("Sunday", date(2024, 4, 14))])
    first = article_import(text=FIRST, title="first", published=date(2024, 4, 13))
    fake_engine.result = make_extraction(SECOND, [("Monday", date(2024, 4, 15))])
    second = article_import(text=SECOND, title="second", published=date(2024, 4, 13))
    fake_engine.calls.clear()

    def by_text(text, dct, prefer="auto"):
        fake_engine.calls.append((text, dct, prefer))
        if text == FIRST:
            return make_extraction(FIRST, [("Saturday", date(2024, 4, 13)), ("Sunday", date(2024, 4, 21))])
        return make_extraction(SECOND, [("Monday", date(2024, 4, 15))])

    monkeypatch.setattr(temporal, "extract", by_text)
    return first, second, fake_engine


def _run(*args: str) -> str:
    out = StringIO()
    call_command("reanalyse", *args, "--no-progress", stdout=out, stderr=StringIO())
    return out.getvalue()


def test_all_reanalyses_every_article_keeping_ids_and_curation(two_articles):
    first, second, engine = two_articles
    ids = set(first.events.values_list("pk", flat=True)) | set(second.events.values_list("pk", flat=True))
    saturday = first.events.get(expression__text="Saturday")
    event_update(event=saturday, title="Iran attacks Israel")

    assert "Re-analysed 2 article(s), failed 0." in _run("--all")

    assert {text for text, _, _ in engine.calls} == {FIRST, SECOND}
    assert set(first.events.values_list("pk", flat=True)) | set(second.events.values_list("pk", flat=True)) == ids
    saturday.refresh_from_db()
    assert saturday.title == "Iran attacks Israel"
    assert first.events.get(expression__text="Sunday").earliest == date(2024, 4, 21)


def test_story_and_article_select_their_articles(two_articles):
    first, second, engine = two_articles
    story_add_articles(story=story_get_or_create(name="Embassy bombings"), articles=[second])
    _run("--story", "Embassy bombings")
    assert [text for text, _, _ in engine.calls] == [SECOND]
    _run("--story", "embassy-bombings")  # the slug works too
    _run("--article", str(first.pk), "--prefer", "past")
    assert engine.calls[-1] == (FIRST, date(2024, 4, 13), "past")


def test_since_selects_the_articles_published_on_or_after_the_date(two_articles):
    first, second, engine = two_articles
    Article.objects.filter(pk=first.pk).update(published=date(2024, 3, 1))
    assert "Re-analysed 1 article(s)" in _run("--since", "2024-04-01")
    assert [text for text, _, _ in engine.calls] == [SECOND]
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        _run("--since", "April")


@pytest.mark.parametrize(
    "args, message",
    [(["--story", "Nope"], "No story is called 'Nope'."), (["--article", "999999"], "No article has id 999999.")],
)
def test_unknown_story_or_article_is_a_clear_error(two_articles, args, message):
    with pytest.raises(CommandError, match=message):
        _run(*args)


def test_exactly_one_selection_is_required(db):
    with pytest.raises(CommandError):
        _run()
    with pytest.raises(CommandError):
        _run("--all", "--article", "1")
