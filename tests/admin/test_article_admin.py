"""Article admin: edits and deletes go through services; adding is not offered."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from tests.factories import make_article, make_event, make_extraction
from timeline.models import Article, Event

pytestmark = pytest.mark.django_db


def test_editing_the_dct_in_the_admin_reanalyses(admin_client, fake_engine):
    text = "Iran attacked on Saturday."
    article = make_article(text=text, title="Strike", published=date(2024, 4, 13))
    fake_engine.result = make_extraction(text, [("Saturday", date(2024, 4, 20))], dct=date(2024, 4, 20))
    url = reverse("admin:timeline_article_change", args=[article.pk])
    data = {
        "title": "Strike", "source": "CNN", "published": "2024-04-20",
        "events-TOTAL_FORMS": 0, "events-INITIAL_FORMS": 0,
        "expressions-TOTAL_FORMS": 0, "expressions-INITIAL_FORMS": 0,
        "sentences-TOTAL_FORMS": 0, "sentences-INITIAL_FORMS": 0,
    }  # fmt: skip
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    article.refresh_from_db()
    assert (article.source, article.published, article.dct_inferred) == ("CNN", date(2024, 4, 20), False)
    assert fake_engine.calls == [(text, date(2024, 4, 20), "auto")]
    assert article.events.get().earliest == date(2024, 4, 20)


def test_add_is_not_offered_and_delete_uses_the_service(admin_client):
    assert admin_client.get(reverse("admin:timeline_article_add")).status_code == 403
    event = make_event()
    other = make_event()
    url = reverse("admin:timeline_article_delete", args=[event.article_id])
    assert admin_client.post(url, {"post": "yes"}).status_code == 302
    assert list(Article.objects.all()) == [other.article]
    assert list(Event.objects.all()) == [other]


def test_reanalyse_action_on_articles(admin_client, fake_engine):
    text = "Talks on Monday."
    article = make_article(text=text)
    fake_engine.result = make_extraction(text, [("Monday", date(2024, 4, 15))])
    response = admin_client.post(
        reverse("admin:timeline_article_changelist"),
        {"action": "reanalyse_articles", "_selected_action": [article.pk]},
        follow=True,
    )
    assert "Re-analysed 1 article(s)." in response.content.decode()
    assert article.events.get().value == "2024-04-15"
