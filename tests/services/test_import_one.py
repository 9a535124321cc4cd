"""import_one: the one write of every import path, with one outcome type."""

from __future__ import annotations

from datetime import date

import pytest

from tests.factories import make_extraction
from timeline.analysis.drafts import article_draft
from timeline.models import Article
from timeline.services import DUPLICATE, IMPORTED, REFUSED, import_one

pytestmark = pytest.mark.django_db

TEXT = "Talks began on Monday. Ministers met on Tuesday. A deal came on Wednesday."
DAYS = [("Monday", date(2024, 4, 8)), ("Tuesday", date(2024, 4, 9)), ("Wednesday", date(2024, 4, 10))]


def _draft(text: str = TEXT):
    return article_draft(text=text, title="Talks", published=date(2024, 4, 13), source="AP")


def test_a_new_text_is_imported_with_its_events_and_no_warning():
    outcome = import_one(draft=_draft(), extraction=make_extraction(TEXT, DAYS))
    assert outcome.status == IMPORTED and outcome.events == 3 and outcome.warnings == ()
    assert Article.objects.get() == outcome.article and outcome.article.events.count() == 3


def test_the_same_text_again_is_a_duplicate_naming_the_original():
    first = import_one(draft=_draft(), extraction=make_extraction(TEXT, DAYS)).article
    again = import_one(draft=_draft("Talks  began on Monday.  Ministers met on Tuesday. A deal came on Wednesday."),
                       extraction=make_extraction(TEXT, DAYS))  # fmt: skip
    assert again.status == DUPLICATE and again.article == first and Article.objects.count() == 1


def test_unusually_many_events_warn_on_every_path(settings):
    settings.TIMELINE_MANY_EVENTS = 2
    outcome = import_one(draft=_draft(), extraction=make_extraction(TEXT, DAYS))
    assert outcome.status == IMPORTED and len(outcome.warnings) == 1
    assert "3 events from one text is unusually many (more than 2)" in outcome.warnings[0]


def test_past_the_event_cap_the_text_is_refused_whole(settings):
    settings.TIMELINE_MAX_EVENTS = 2
    outcome = import_one(draft=_draft(), extraction=make_extraction(TEXT, DAYS))
    assert outcome.status == REFUSED and outcome.article is None and "more than the 2" in outcome.reason
    assert Article.objects.count() == 0  # nothing half-stored
