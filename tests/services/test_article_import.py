"""article_import: validation, duplicates, and what gets written."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_extraction
from timeline.analysis.rows import event_key
from timeline.exceptions import DuplicateArticle, ImportRejected
from timeline.models import Article, Event, Sentence, TemporalExpression
from timeline.services import article_import
from timeline.temporal.errors import InputError

pytestmark = pytest.mark.django_db

TEXT = "Iran attacked on Saturday. Biden met aides on Sunday. Talks resume on Saturday."


def _dated() -> list[tuple[str, date]]:
    return [("Saturday", date(2024, 4, 13)), ("Sunday", date(2024, 4, 14)), ("Saturday", date(2024, 4, 20))]


@pytest.mark.parametrize("text", ["", "   \n\t  "])
def test_empty_text_is_rejected_without_calling_the_engine(fake_engine, text):
    with pytest.raises(ImportRejected, match="empty"):
        article_import(text=text, title="x")
    assert fake_engine.calls == []
    assert Article.objects.count() == 0


def test_too_long_text_is_rejected(fake_engine, settings):
    settings.TIMELINE_MAX_TEXT_CHARS = 20
    with pytest.raises(ImportRejected, match="21 characters; the limit is 20"):
        article_import(text="x" * 21, title="x")
    assert fake_engine.calls == []


def test_nul_and_lone_surrogate_are_rejected(fake_engine):
    with pytest.raises(ImportRejected, match="NUL character at position 3"):
        article_import(text="abc\x00def", title="x")
    with pytest.raises(ImportRejected, match="invalid character at position 2"):
        article_import(text="ab\ud800cd", title="x")


def test_engine_input_error_becomes_import_rejected(fake_engine, monkeypatch):
    def refuse(text, dct, prefer="auto"):
        raise InputError("The DCT 0001-01-01 is out of range.")

    monkeypatch.setattr("timeline.temporal.extract", refuse, raising=False)
    with pytest.raises(ImportRejected, match="out of range"):
        article_import(text=TEXT, title="x", published=date(1, 1, 1))
    assert Article.objects.count() == 0


def test_import_writes_article_sentences_expressions_and_events(fake_engine):
    fake_engine.result = make_extraction(TEXT, _dated(), titles={"Sunday": "Biden meets aides"})
    article = article_import(text=TEXT, title="  Iran   strike ", published=date(2024, 4, 13), source=" CNN ")

    assert fake_engine.calls == [(TEXT, date(2024, 4, 13), "auto")]
    article.refresh_from_db()
    assert (article.title, article.source, article.text) == ("Iran strike", "CNN", TEXT)
    assert (article.published, article.dct_inferred, article.engine_mode) == (date(2024, 4, 13), False, "blank")
    assert article.analysed is not None
    assert list(Sentence.objects.filter(article=article).values_list("index", "text")) == [
        (0, "Iran attacked on Saturday."), (1, "Biden met aides on Sunday."), (2, "Talks resume on Saturday."),
    ]  # fmt: skip
    expressions = list(TemporalExpression.objects.filter(article=article).order_by("index"))
    assert [(e.text, e.start, e.sentence.index, e.earliest) for e in expressions] == [
        ("Saturday", 17, 0, date(2024, 4, 13)), ("Sunday", 46, 1, date(2024, 4, 14)), ("Saturday", 70, 2, date(2024, 4, 20)),
    ]  # fmt: skip
    assert expressions[0].anchor is None and expressions[1].anchor == expressions[0]
    events = list(Event.objects.filter(article=article).order_by("earliest"))
    assert [(e.title, e.earliest, e.latest, e.value, e.granularity, e.status, e.curated) for e in events] == [
        ("About Saturday", date(2024, 4, 13), date(2024, 4, 13), "2024-04-13", "day", "proposed", False),
        ("Biden meets aides", date(2024, 4, 14), date(2024, 4, 14), "2024-04-14", "day", "proposed", False),
        ("About Saturday", date(2024, 4, 20), date(2024, 4, 20), "2024-04-20", "day", "proposed", False),
    ]
    assert [e.expression for e in events] == expressions
    assert events[0].key == event_key("Iran attacked on Saturday.", "Saturday", 1)
    assert len({e.key for e in events}) == 3


def test_repeated_phrase_in_the_same_sentence_gets_distinct_keys(fake_engine):
    text = "Talks on Monday and again Monday."
    fake_engine.result = make_extraction(text, [("Monday", date(2024, 4, 15)), ("Monday", date(2024, 4, 15))])
    article = article_import(text=text, title="t")
    keys = list(article.events.values_list("key", flat=True))
    assert sorted(keys) == sorted([event_key(text, "Monday", 1), event_key(text, "Monday", 2)])


def test_inferred_dct_and_evidence_are_stored(fake_engine):
    fake_engine.result = make_extraction(TEXT, _dated(), dct=date(2024, 4, 13), dct_inferred=True)
    article = article_import(text=TEXT, title="t")
    assert fake_engine.calls[0][1] is None
    article.refresh_from_db()
    assert article.published == date(2024, 4, 13) and article.dct_inferred
    assert article.dct_evidence == "Saturday, April 13, 2024" and article.dct_confidence == 0.9


def test_blank_title_is_taken_from_the_text(fake_engine):
    fake_engine.result = make_extraction(TEXT, [])
    # No headline above the body: the lead sentence is the title, not the whole first line.
    assert article_import(text=TEXT, title="  ").title == "Iran attacked on Saturday."


def test_duplicate_up_to_whitespace_is_refused_before_analysis(fake_engine):
    fake_engine.result = make_extraction(TEXT, _dated())
    first = article_import(text=TEXT, title="first")
    with pytest.raises(DuplicateArticle) as caught:
        article_import(text="  " + TEXT.replace(" ", "\n  ") + "\n", title="second")
    assert caught.value.article == first
    assert "already imported" in str(caught.value)
    assert len(fake_engine.calls) == 1
    assert Article.objects.count() == 1


def test_failed_write_leaves_nothing_behind(fake_engine):
    bad = make_extraction(TEXT, _dated())
    bad.events.append(bad.events[0].__class__(sentence=99, expression=0, title="dangling"))
    fake_engine.result = bad
    with pytest.raises(KeyError):
        article_import(text=TEXT, title="t")
    assert (Article.objects.count(), Sentence.objects.count(), Event.objects.count()) == (0, 0, 0)


def test_write_uses_bulk_inserts(fake_engine):
    many = " ".join(f"Item {i} on Saturday." for i in range(50))
    fake_engine.result = make_extraction(many, [("Saturday", date(2024, 4, 13))] * 50)
    with CaptureQueriesContext(connection) as queries:
        article = article_import(text=many, title="t")
    assert article.events.count() == 50
    assert len(queries) < 20
