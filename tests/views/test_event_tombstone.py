"""An event re-analysis removed: its old page redirects to the article with a note, never a bare 404."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from tests.factories import make_extraction
from timeline.services import article_import, article_reanalyse

pytestmark = pytest.mark.django_db

TEXT = "Iran attacked on Saturday. Biden met aides on Sunday."


def test_removed_event_redirects_to_its_article_with_a_note(client, fake_engine):
    fake_engine.result = make_extraction(
        TEXT, [("Saturday", date(2024, 4, 13)), ("Sunday", date(2024, 4, 14))], titles={"Sunday": "Biden <meets> aides"}
    )
    article = article_import(text=TEXT, title="t", published=date(2024, 4, 13))
    sunday = article.events.get(expression__text="Sunday")
    fake_engine.result = make_extraction(TEXT, [("Saturday", date(2024, 4, 13))])
    article_reanalyse(article=article)

    response = client.get(reverse("event-detail", args=[sunday.pk]), follow=True)
    assert response.redirect_chain == [(article.get_absolute_url(), 302)]
    body = response.content.decode()
    assert f"Event {sunday.pk}" in body and "no longer in this article" in body
    assert "Biden &lt;meets&gt; aides" in body and "<meets>" not in body


def test_an_id_that_never_existed_is_still_404(client):
    assert client.get(reverse("event-detail", args=[987654])).status_code == 404
