"""article_update (metadata, DCT change re-analyses) and article_delete (only its rows)."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from tests.factories import make_article, make_event, make_extraction
from timeline.models import Article, Event, Sentence, TemporalExpression
from timeline.services import article_delete, article_import, article_update, event_merge, event_set_status

pytestmark = pytest.mark.django_db

TEXT = "Iran attacked on Saturday. Biden met aides on Sunday."


def test_title_and_source_edit_does_not_call_the_engine(fake_engine):
    article = make_article()
    article_update(article=article, title="  New   title ", source=" AP ", published=article.published)
    article.refresh_from_db()
    assert (article.title, article.source) == ("New title", "AP")
    assert fake_engine.calls == []


def test_blank_title_is_rejected():
    article = make_article(title="Kept")
    with pytest.raises(ValidationError, match="title cannot be empty"):
        article_update(article=article, title=" ", source="", published=None)
    article.refresh_from_db()
    assert article.title == "Kept"


def test_changing_the_dct_reanalyses_with_the_given_date_and_keeps_curation(fake_engine):
    fake_engine.result = make_extraction(TEXT, [("Saturday", date(2024, 4, 13)), ("Sunday", date(2024, 4, 14))],
                                         dct=date(2024, 4, 13), dct_inferred=True)  # fmt: skip
    article = article_import(text=TEXT, title="t")
    approved = article.events.get(expression__text="Saturday")
    event_set_status(events=[approved], status=Event.Status.APPROVED)

    fake_engine.result = make_extraction(TEXT, [("Saturday", date(2024, 5, 4)), ("Sunday", date(2024, 5, 5))],
                                         dct=date(2024, 5, 4))  # fmt: skip
    article_update(article=article, title="t", source="", published=date(2024, 5, 4))

    assert fake_engine.calls[-1] == (TEXT, date(2024, 5, 4), "auto")
    article.refresh_from_db()
    assert (article.published, article.dct_inferred, article.dct_evidence) == (
        date(2024, 5, 4), False, "Set by a curator.",
    )  # fmt: skip
    approved.refresh_from_db()
    assert approved.earliest == date(2024, 4, 13) and approved.expression.earliest == date(2024, 5, 4)
    assert article.events.get(expression__text="Sunday").earliest == date(2024, 5, 5)


def test_delete_removes_only_that_article_and_unmerges_events_of_others():
    keep_article = make_article()
    doomed = make_event()
    survivor = make_event(article=keep_article)
    event_merge(events=[survivor], into=doomed)

    article_delete(article=doomed.article)

    assert list(Article.objects.all()) == [keep_article]
    assert Sentence.objects.filter(article=keep_article).count() == 1
    assert TemporalExpression.objects.count() == 1
    survivor.refresh_from_db()
    assert survivor.merged_into is None and survivor.curated
