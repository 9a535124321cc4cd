"""article_reanalyse keeps every event a person touched, and every event's id while its sentence and phrase remain."""

from __future__ import annotations

from datetime import date

import pytest
from django.forms.models import model_to_dict

from tests.factories import make_extraction
from timeline.models import Article, Event, EventTombstone, Sentence, TemporalExpression
from timeline.services import (
    article_import,
    article_reanalyse,
    event_merge,
    event_set_dates,
    event_set_status,
    event_update,
)

pytestmark = pytest.mark.django_db

TEXT = (
    "Iran attacked on Saturday. Biden met aides on Sunday. Talks resume on Monday. "
    "Markets fell on Tuesday. Envoys flew in on Wednesday. A vote is due on Thursday."
)
DAYS = ["Saturday", "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday"]


def _extraction(days: list[str] = DAYS, shift: int = 0):
    return make_extraction(TEXT, [(d, date(2024, 4, 13 + DAYS.index(d) + shift)) for d in days])


def _snapshot(event: Event) -> dict:
    """Every field a person may have set, plus identity; links are compared separately."""
    event.refresh_from_db()
    data = model_to_dict(event, exclude=["sentence", "expression"])
    data["updated"] = event.updated
    return data


def _curate(article: Article) -> dict[str, Event]:
    by_day = {e.expression.text: e for e in article.events.select_related("expression")}
    event_set_dates(event=by_day["Saturday"], earliest=date(2024, 4, 12), latest=date(2024, 4, 14))
    event_set_status(events=[by_day["Sunday"]], status=Event.Status.APPROVED)
    event_set_status(events=[by_day["Monday"]], status=Event.Status.HIDDEN)
    event_merge(events=[by_day["Wednesday"]], into=by_day["Tuesday"])
    event_update(event=by_day["Thursday"], notes="Check with the AP wire.")
    return by_day


def test_curated_events_survive_field_for_field_and_are_relinked(fake_engine):
    fake_engine.result = _extraction()
    article = article_import(text=TEXT, title="t", published=date(2024, 4, 13))
    events = _curate(article)
    before = {day: _snapshot(e) for day, e in events.items()}

    fake_engine.result = _extraction()
    article_reanalyse(article=article)

    for day, event in events.items():
        assert _snapshot(event) == before[day], day
        assert event.expression.text == day and event.expression.article == article
        assert event.sentence == event.expression.sentence
    assert Event.objects.filter(article=article).count() == 6
    assert fake_engine.calls[-1] == (TEXT, date(2024, 4, 13), "auto")


def test_uncurated_events_are_replaced_while_curated_survive_a_different_result(fake_engine):
    fake_engine.result = _extraction()
    article = article_import(text=TEXT, title="t", published=date(2024, 4, 13))
    events = _curate(article)
    proposed_untouched = set(Event.objects.filter(article=article, curated=False, merged_events__isnull=True)
                             .values_list("pk", flat=True))  # fmt: skip
    before = {day: _snapshot(e) for day, e in events.items()}
    old_sentences = set(Sentence.objects.filter(article=article).values_list("pk", flat=True))

    # The engine now finds Saturday (dated differently), Monday, and Thursday only.
    fake_engine.result = _extraction(["Saturday", "Monday", "Thursday"], shift=7)
    article_reanalyse(article=article)

    for day, event in events.items():
        assert _snapshot(event) == before[day], day
    for day in ("Saturday", "Monday", "Thursday"):
        assert events[day].expression.text == day and events[day].expression.earliest.day >= 20
    for day in ("Sunday", "Wednesday"):  # their phrases are gone: kept, unlinked
        assert events[day].sentence is None and events[day].expression is None
    # Tuesday was the merge target: untouched by hand but kept; its phrase vanished too.
    assert events["Tuesday"].expression is None
    assert not Event.objects.filter(pk__in=proposed_untouched - {events["Tuesday"].pk}).exists()
    assert not Sentence.objects.filter(pk__in=old_sentences).exists()
    # No duplicates for keys that already have a surviving event; nothing new appeared.
    assert Event.objects.filter(article=article).count() == 6
    assert TemporalExpression.objects.filter(article=article).count() == 3


def test_new_phrases_produce_new_proposed_events(fake_engine):
    fake_engine.result = _extraction(["Saturday"])
    article = article_import(text=TEXT, title="t", published=date(2024, 4, 13))
    saturday = article.events.get()
    fake_engine.result = _extraction(["Saturday", "Sunday"])
    article_reanalyse(article=article)
    assert article.events.get(expression__text="Saturday").pk == saturday.pk  # same sentence and phrase: same id
    assert sorted(article.events.values_list("expression__text", "status")) == [
        ("Saturday", "proposed"), ("Sunday", "proposed"),
    ]  # fmt: skip


def test_given_dct_is_kept_and_inferred_dct_is_inferred_again(fake_engine):
    fake_engine.result = make_extraction(TEXT, [], dct=date(2024, 4, 13), dct_inferred=True)
    inferred = article_import(text=TEXT, title="t")
    fake_engine.result = make_extraction(TEXT, [], dct=date(2024, 4, 14), dct_inferred=True)
    article_reanalyse(article=inferred)
    assert fake_engine.calls[-1][1] is None
    inferred.refresh_from_db()
    assert inferred.published == date(2024, 4, 14) and inferred.dct_inferred

    given = article_import(text=TEXT + " More.", title="t2", published=date(2020, 1, 1))
    article_reanalyse(article=given, prefer="past")
    assert fake_engine.calls[-1][1:] == (date(2020, 1, 1), "past")
    given.refresh_from_db()
    assert given.published == date(2020, 1, 1) and not given.dct_inferred


def test_cross_article_merge_target_survives_reanalysis(fake_engine):
    fake_engine.result = _extraction(["Saturday"])
    first = article_import(text=TEXT, title="first", published=date(2024, 4, 13))
    fake_engine.result = make_extraction("Other story on Saturday.", [("Saturday", date(2024, 4, 13))])
    second = article_import(text="Other story on Saturday.", title="second", published=date(2024, 4, 13))
    target = first.events.get()
    event_merge(events=[second.events.get()], into=target)

    fake_engine.result = _extraction(["Saturday"])
    article_reanalyse(article=first)
    assert Event.objects.filter(pk=target.pk).exists()
    assert second.events.get().merged_into_id == target.pk


def test_reanalysing_the_seed_keeps_curation(seed_article):
    """The real engine, twice over the seed article, with every kind of curation in between."""
    events = list(seed_article.events.order_by("id"))
    phrased = [e for e in events if e.expression_id is not None]  # the curations below follow their phrase
    assert len(phrased) >= 6, "the seed article should yield several events"
    dated, approved, hidden, merged, target, noted = phrased[:6]
    event_set_dates(event=dated, earliest=date(2024, 4, 1), latest=date(2024, 4, 2))
    event_set_status(events=[approved], status=Event.Status.APPROVED)
    event_set_status(events=[hidden], status=Event.Status.HIDDEN)
    event_merge(events=[merged], into=target)
    event_update(event=noted, notes="Confirm with the Pentagon.")
    curated = [dated, approved, hidden, merged, target, noted]
    before = [_snapshot(e) for e in curated]
    links_before = [(e.sentence.text, e.expression.text) for e in curated]
    total = seed_article.events.count()

    article_reanalyse(article=seed_article)

    assert [_snapshot(e) for e in curated] == before
    assert [(e.sentence.text, e.expression.text) for e in curated] == links_before
    assert seed_article.events.count() == total
    # Same text, same engine: every uncurated event keeps its id too.
    assert set(seed_article.events.values_list("pk", flat=True)) == {e.pk for e in events}


def test_untouched_events_keep_their_id_and_take_the_new_dates_and_title(fake_engine):
    fake_engine.result = _extraction()
    article = article_import(text=TEXT, title="t", published=date(2024, 4, 13))
    ids = dict(article.events.values_list("expression__text", "pk"))

    fake_engine.result = make_extraction(
        TEXT, [(d, date(2024, 5, 1 + i)) for i, d in enumerate(DAYS)], titles={"Monday": "Talks resume again"}
    )
    article_reanalyse(article=article)

    after = {e.expression.text: e for e in article.events.select_related("expression")}
    assert {day: e.pk for day, e in after.items()} == ids
    assert after["Saturday"].earliest == date(2024, 5, 1) and after["Thursday"].latest == date(2024, 5, 6)
    assert after["Monday"].title == "Talks resume again"


def test_same_sentence_and_phrase_twice_are_told_apart_by_occurrence(fake_engine):
    text = "It rained on Monday and again on Monday. Dry on Tuesday."
    fake_engine.result = make_extraction(text, [("Monday", date(2024, 4, 15)), ("Monday", date(2024, 4, 15))])
    article = article_import(text=text, title="t", published=date(2024, 4, 13))
    first, second = article.events.order_by("expression__start")
    assert first.key != second.key
    event_update(event=second, notes="The second Monday.")

    fake_engine.result = make_extraction(
        text, [("Monday", date(2024, 4, 15)), ("Monday", date(2024, 4, 15)), ("Tuesday", date(2024, 4, 16))]
    )
    article_reanalyse(article=article)
    again = list(article.events.order_by("expression__start"))
    assert [e.pk for e in again[:2]] == [first.pk, second.pk]
    assert again[1].notes == "The second Monday." and again[2].expression.text == "Tuesday"


def test_an_event_whose_phrase_vanished_leaves_a_tombstone(fake_engine):
    fake_engine.result = _extraction(["Saturday", "Sunday"])
    article = article_import(text=TEXT, title="t", published=date(2024, 4, 13))
    sunday = article.events.get(expression__text="Sunday")
    fake_engine.result = _extraction(["Saturday"])
    article_reanalyse(article=article)
    assert not Event.objects.filter(pk=sunday.pk).exists()
    tombstone = EventTombstone.objects.get(event_id=sunday.pk)
    assert tombstone.article == article and tombstone.title == sunday.title
    # A new event never takes a removed event's id.
    fake_engine.result = _extraction(["Saturday", "Sunday"])
    article_reanalyse(article=article)
    assert article.events.get(expression__text="Sunday").pk > sunday.pk


def test_event_keys_are_unique_per_article_in_the_database(fake_engine):
    from django.db import IntegrityError, transaction

    fake_engine.result = _extraction(["Saturday", "Sunday"])
    article = article_import(text=TEXT, title="t", published=date(2024, 4, 13))
    saturday, sunday = article.events.order_by("earliest")
    sunday.key = saturday.key
    with pytest.raises(IntegrityError), transaction.atomic():
        sunday.save()
