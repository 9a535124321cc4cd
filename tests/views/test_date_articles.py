"""Dating the undated articles of a story (or of every import) in one form, then re-analysing them."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from tests.factories import make_article, make_extraction, make_story
from timeline.models import Article

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(make_client):
    return make_client("editor", "timeline.change_article")


@pytest.fixture
def story():
    dated = make_article(title="Dated wire")
    first = make_article(title="Undated wire one", published=None, text="Police arrested two men on Saturday.")
    second = make_article(title="Undated wire two", published=None, text="The embassy reopened on Monday.")
    return make_story(name="Embassy", articles=[dated, first, second]), first, second


def test_the_story_page_names_its_undated_articles_and_links_the_form(client, editor, story):
    story, first, second = story
    page = client.get(reverse("story-detail", args=[story.slug])).content.decode()
    assert "2 articles of this story have no publication date" in page and "Undated wire one" in page
    assert reverse("story-dates", args=[story.slug]) not in page  # readers may not date them
    assert (
        reverse("story-dates", args=[story.slug])
        in editor.get(reverse("story-detail", args=[story.slug])).content.decode()
    )


def test_one_form_dates_each_or_all_and_queues_their_reanalysis(
    editor, story, fake_engine, settings, django_capture_on_commit_callbacks
):
    settings.TIMELINE_TASK_RUNNER = "inline"
    story, first, second = story
    fake_engine.result = make_extraction(first.text, [])
    url = reverse("story-dates", args=[story.slug])
    form = editor.get(url).content.decode()
    assert "Undated wire one" in form and "Undated wire two" in form and "Dated wire" not in form
    with django_capture_on_commit_callbacks(execute=True):
        response = editor.post(url, {f"article_{first.pk}": "1998-08-08", "everyone": "1998-08-07"})
    assert response.status_code == 302 and "/batches/" in response["Location"]
    dates = dict(Article.objects.filter(pk__in=[first.pk, second.pk]).values_list("title", "published"))
    assert dates == {"Undated wire one": date(1998, 8, 8), "Undated wire two": date(1998, 8, 7)}
    assert not Article.objects.get(pk=first.pk).dct_inferred and len(fake_engine.calls) == 2


def test_an_impossible_date_saves_nothing_and_says_why(editor, story):
    story, first, second = story
    response = editor.post(reverse("story-dates", args=[story.slug]), {f"article_{first.pk}": "0999-12-31"})
    assert response.status_code == 200 and "out of range" in response.content.decode()
    assert Article.objects.filter(published__isnull=True).count() == 2


def test_a_blank_form_asks_for_a_date(editor, story):
    story, _, _ = story
    response = editor.post(reverse("story-dates", args=[story.slug]), {})
    assert "Give at least one date" in response.content.decode()
