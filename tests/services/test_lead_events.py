"""The article's undated news is stored on the article's date with its evidence, shown and exported as such."""

from __future__ import annotations

from datetime import date
from html import escape

import pytest
from django.urls import reverse

from timeline.exports.document import article_document
from timeline.exports.json_export import document_json
from timeline.services import article_import, article_reanalyse
from timeline.temporal.lead import LEAD_CONFIDENCE, LEAD_EVIDENCE

TEXT = (
    "Apple releases volume limit for iPod\n\n"
    "Apple has released an application that limits the volume of its iPod players. "
    "The update was demanded by several health groups. "
    "The first iPod went on sale on October 23, 2001."
)

pytestmark = pytest.mark.django_db


def test_lead_news_is_stored_on_the_article_date_with_evidence_and_survives_reanalysis(client) -> None:
    article = article_import(text=TEXT, title="", published=date(2006, 4, 5))
    undated = article.events.filter(expression__isnull=True).order_by("sentence__index")
    assert [(e.earliest, e.latest, e.granularity) for e in undated] == [(date(2006, 4, 5),) * 2 + ("day",)] * 3
    assert undated[1].evidence == LEAD_EVIDENCE and undated[1].confidence == LEAD_CONFIDENCE
    dated = article.events.get(expression__isnull=False)
    assert (dated.earliest, dated.evidence, dated.confidence) == (date(2001, 10, 23), "", 1.0)
    ids = sorted(article.events.values_list("pk", flat=True))
    article_reanalyse(article=article)
    assert sorted(article.events.values_list("pk", flat=True)) == ids  # stable keys without a phrase too
    page = client.get(reverse("event-detail", args=[undated[1].pk])).content.decode()
    assert escape(LEAD_EVIDENCE) in page and "no time phrase" in page
    mentions = [m for e in document_json(article_document(article=article))["events"] for m in e["mentions"]]
    assert sorted((m["phrase_start"] is None) for m in mentions) == [False, True, True, True]


def test_without_an_article_date_the_news_stays_out() -> None:
    article = article_import(text=TEXT.split("\n\n")[1].split(". ")[0] + ".", title="Apple news")
    assert article.published is None and not article.events.exists()
