"""Hostile text through the real import service: either a clear refusal with nothing
stored, or rows whose offsets, values and ranges still tell the truth about the text."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.reliability.engine_checks import impossible_calendar_part
from tests.reliability.test_engine_hostile_text import adversarial_text, dcts
from timeline.exceptions import DuplicateArticle, ImportRejected
from timeline.models import Article, Event, Sentence
from timeline.services import article_import
from timeline.temporal.timex import is_timex_value

pytestmark = pytest.mark.django_db


def stored_problems(article: Article) -> list[str]:
    text = article.text
    problems = []
    for s in Sentence.objects.filter(article=article):
        if text[s.start : s.end] != s.text:
            problems.append(f"sentence {s.index} [{s.start}:{s.end}] != {s.text!r}")
    for e in article.expressions.select_related("sentence"):
        if text[e.start : e.end] != e.text:
            problems.append(f"expression {e.text!r} [{e.start}:{e.end}] != {text[e.start : e.end]!r}")
        if not (e.sentence.start <= e.start and e.end <= e.sentence.end):
            problems.append(f"expression {e.text!r} outside its sentence")
        if not is_timex_value(e.value) or impossible_calendar_part(e.value):
            problems.append(f"expression {e.text!r} has value {e.value!r}")
        if e.earliest > e.latest:
            problems.append(f"expression {e.text!r} ends before it starts")
    for event in Event.objects.filter(article=article).select_related("sentence", "expression"):
        if event.expression is None or event.sentence_id != event.expression.sentence_id:
            problems.append(f"event {event.title!r} is not linked to its sentence's expression")
        elif (event.earliest, event.latest, event.value) != (event.expression.earliest, event.expression.latest,
                                                             event.expression.value):  # fmt: skip
            problems.append(f"event {event.title!r} is dated differently from its expression")
    return problems


@settings(max_examples=40, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])  # fmt: skip
@given(body=adversarial_text, dct=dcts, title=st.text(max_size=400))
def test_hostile_text_is_refused_cleanly_or_stored_truthfully(body: str, dct: date | None, title: str) -> None:
    Article.objects.all().delete()  # examples share the test's transaction
    text = f"{body}\nOfficials met on Friday, April 12, 2024, and will meet again next week. {body}"
    try:
        article = article_import(text=text, title=title, published=dct)
    except DuplicateArticle:
        raise AssertionError("the database was emptied; nothing can be a duplicate") from None
    except ImportRejected as refused:
        assert str(refused) and Article.objects.count() == 0 and Sentence.objects.count() == 0
        assert "\x00" in text + title, str(refused)
        return
    article.refresh_from_db()
    assert article.text == text.replace("\r\n", "\n").replace("\r", "\n")
    assert len(article.title) <= 300 and article.title.strip()
    assert stored_problems(article) == []
    assert (
        article.expressions.filter(text="Friday, April 12, 2024").exists()
        or article.expressions.filter(text__contains="April 12, 2024").exists()
    )


@pytest.mark.parametrize("field", ["title", "source"])
def test_a_nul_character_in_title_or_source_is_refused_on_every_database(field: str, fake_engine) -> None:
    # PostgreSQL cannot store NUL in a text column; SQLite can. Both refuse it up front.
    fields = {"text": "Officials met on Friday.", "title": "Talks", "source": "Wire"} | {field: "Wire\x00 copy"}
    with pytest.raises(ImportRejected, match=f"The {field} contains a NUL character"):
        article_import(**fields)
    assert Article.objects.count() == 0 and fake_engine.calls == []
