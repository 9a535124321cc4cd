"""An article without a date: a callout on its timeline, and a small form that dates and re-analyses it."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import make_article, make_extraction
from timeline.models import Article, Event

pytestmark = pytest.mark.django_db

TEXT = "The committee will meet next Tuesday. They talked about it on Friday."
CALLOUT = "No publication date: add one to resolve relative dates"


@pytest.fixture
def undated() -> Article:
    return make_article(title="Undated memo", text=TEXT, published=None)


def test_undated_article_shows_the_callout_with_a_form_for_signed_in_users(user_client, undated):
    html = user_client.get(reverse("article-timeline", args=[undated.pk])).content.decode()
    assert CALLOUT in html and "no events were found" in html
    form = html[html.index(f'action="{reverse("article-date", args=[undated.pk])}"') :]
    form = form[: form.index("</form>")]
    assert 'name="csrfmiddlewaretoken"' in form and 'type="date" name="published"' in form and "required" in form


def test_anonymous_visitors_see_the_callout_and_a_login_link_but_no_form(undated):
    html = Client().get(reverse("article-timeline", args=[undated.pk])).content.decode()
    assert CALLOUT in html and reverse("login") in html
    assert reverse("article-date", args=[undated.pk]) not in html


def test_dated_articles_show_no_callout(user_client):
    article = make_article(published=date(2024, 4, 13))
    assert CALLOUT not in user_client.get(reverse("article-timeline", args=[article.pk])).content.decode()


def test_posting_a_date_stores_it_reanalyses_and_returns_to_the_timeline(user_client, undated, fake_engine):
    fake_engine.result = make_extraction(TEXT, [("next Tuesday", date(2024, 4, 16)), ("Friday", date(2024, 4, 12))])
    url = reverse("article-date", args=[undated.pk])
    response = user_client.post(url, {"published": "2024-04-13"})
    assert response.status_code == 302 and response["Location"] == reverse("article-timeline", args=[undated.pk])
    assert fake_engine.calls == [(TEXT, date(2024, 4, 13), "auto")]
    undated.refresh_from_db()
    assert (undated.published, undated.dct_inferred, undated.dct_evidence) == (
        date(2024, 4, 13),
        False,
        "Set by a curator.",
    )
    assert Event.objects.filter(article=undated).count() == 2
    page = user_client.get(response["Location"]).content.decode()
    assert "Dated 13 April 2024 and re-analysed: 2 events." in page and CALLOUT not in page


@pytest.mark.parametrize("value", ["", "2024-02-30", "13/04/2024", "9500-01-01", "0999-12-31"])
def test_a_bad_date_is_refused_with_a_message_and_changes_nothing(user_client, undated, fake_engine, value):
    response = user_client.post(reverse("article-date", args=[undated.pk]), {"published": value}, follow=True)
    page = response.content.decode()
    assert response.redirect_chain[-1][0] == reverse("article-timeline", args=[undated.pk])
    assert "notice-error" in page and CALLOUT in page
    undated.refresh_from_db()
    assert undated.published is None and fake_engine.calls == []


def test_only_signed_in_users_may_post_and_only_by_post(user_client, undated, fake_engine):
    url = reverse("article-date", args=[undated.pk])
    response = Client().post(url, {"published": "2024-04-13"})  # ``client`` is the signed-in user_client
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    assert user_client.get(url).status_code == 405
    assert user_client.post(reverse("article-date", args=[999]), {"published": "2024-04-13"}).status_code == 404
    undated.refresh_from_db()
    assert undated.published is None and fake_engine.calls == []


def test_the_form_needs_its_csrf_token(django_user_model, undated, fake_engine):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(django_user_model.objects.create_user(username="csrf", password="pw-for-tests-only"))
    assert strict.post(reverse("article-date", args=[undated.pk]), {"published": "2024-04-13"}).status_code == 403
    undated.refresh_from_db()
    assert undated.published is None and fake_engine.calls == []
