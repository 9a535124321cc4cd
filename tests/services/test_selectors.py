"""Selectors: what the chart and lists read, in one query each."""

from __future__ import annotations

from datetime import date

import pytest

from tests.factories import make_article, make_event
from timeline.models import Article, Event
from timeline.selectors import article_list, event_get, event_list, expression_list
from timeline.services import event_merge, event_set_status

pytestmark = pytest.mark.django_db


def test_event_list_hides_hidden_and_merged_and_counts_merges(django_assert_num_queries):
    article = make_article()
    root = make_event(article=article, earliest=date(2024, 4, 13), title="root")
    merged = make_event(article=article, earliest=date(2024, 4, 14), title="merged")
    hidden = make_event(article=article, earliest=date(2024, 4, 15), title="hidden")
    event_merge(events=[merged], into=root)
    event_set_status(events=[hidden], status=Event.Status.HIDDEN)
    make_event(article=article, earliest=date(2024, 4, 12), title="first")

    with django_assert_num_queries(1):
        rows = [(e.title, e.merged_count, e.article.title, e.sentence.text, e.expression.text) for e in event_list()]
    assert [r[:2] for r in rows] == [("first", 0), ("root", 1)]
    assert rows[1][2:] == (article.title, root.sentence.text, "Saturday")
    assert [e.title for e in event_list(include_hidden=True)] == ["first", "root", "hidden"]


def test_event_list_filters_by_article_and_overlapping_range():
    one, two = make_article(), make_article()
    make_event(article=one, earliest=date(2024, 1, 1), latest=date(2024, 1, 31), title="january")
    make_event(article=one, earliest=date(2024, 3, 10), title="march")
    make_event(article=two, earliest=date(2024, 1, 15), title="other article")
    assert [e.title for e in event_list(article_ids=[one.pk])] == ["january", "march"]
    assert [e.title for e in event_list(start=date(2024, 1, 31), end=date(2024, 2, 28))] == ["january"]
    assert [e.title for e in event_list(article_ids=[two.pk], end=date(2024, 1, 14))] == []


def test_article_list_counts_shown_events_without_loading_text(django_assert_num_queries):
    article = make_article(text="long text " * 100)
    shown = make_event(article=article)
    event_set_status(events=[make_event(article=article)], status=Event.Status.HIDDEN)
    event_merge(events=[make_event(article=article)], into=shown)
    empty = make_article()
    with django_assert_num_queries(1):
        counts = {a.pk: (a.event_count, a.expression_count) for a in article_list()}
    assert counts == {article.pk: (1, 3), empty.pk: (0, 0)}
    assert "text" in article_list().first().get_deferred_fields()


def test_event_get_and_expression_list():
    event = make_event(phrase="April 13")
    fetched = event_get(pk=event.pk)
    assert fetched == event and fetched.expression.text == "April 13"
    with pytest.raises(Event.DoesNotExist):
        event_get(pk=event.pk + 1000)
    assert [e.text for e in expression_list(article=event.article)] == ["April 13"]


def test_article_list_is_newest_first_with_undated_last_and_ties_broken_by_id():
    from django.utils import timezone

    make_article(title="older", published=date(2024, 4, 1))
    make_article(title="undated", published=None)
    make_article(title="newest", published=date(2024, 4, 20))
    same_day = [make_article(title=f"same day {n}", published=date(2024, 4, 10)) for n in range(3)]
    # Same date and same creation time: only the id can order them.
    Article.objects.filter(pk__in=[a.pk for a in same_day]).update(created=timezone.now())
    titles = [a.title for a in article_list()]
    assert titles == ["newest", "same day 2", "same day 1", "same day 0", "older", "undated"]
