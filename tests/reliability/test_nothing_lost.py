"""Nothing a curator did is lost: not to an engine upgrade, not to deleting another article."""

from __future__ import annotations

import dataclasses
import functools
from datetime import date, timedelta

import pytest
from django.forms.models import model_to_dict
from django.urls import reverse

from tests.factories import make_event
from timeline import temporal
from timeline.models import Article, Event, Sentence, TemporalExpression
from timeline.services import (
    article_import,
    article_reanalyse,
    event_merge,
    event_set_dates,
    event_set_status,
    event_update,
)
from timeline.temporal.extract import RULES_BY_NAME
from timeline.temporal.rules.en import RULES

pytestmark = pytest.mark.django_db

DROPPED_RULE = "relative_unit"  # "last week"
CHANGED_RULE = "weekday_relative"  # "Saturday", "Friday"
A_WEEK = timedelta(days=7)


def _snapshot(event: Event) -> dict:
    event.refresh_from_db()
    return model_to_dict(event, exclude=["sentence", "expression"]) | {"updated": event.updated}


def _a_week_later(resolve):
    """The changed rule: the same resolver, dated a week later (the "upgrade")."""

    @functools.wraps(resolve)  # keeps the groups the resolver declares it reads
    def later(groups, ctx):
        found = resolve(groups, ctx)
        if found is None:
            return None
        earliest, latest = found.earliest + A_WEEK, found.latest + A_WEEK
        value = earliest.isoformat() if found.granularity == "day" else found.value
        return dataclasses.replace(found, earliest=earliest, latest=latest, value=value)

    return later


def test_an_engine_upgrade_keeps_every_curated_field_merge_and_status(seed_article, monkeypatch):
    other = article_import(text="Envoys met in Oman on Friday, April 12, 2024.", title="Oman talks",
                           published=date(2024, 4, 13))  # fmt: skip
    by_phrase: dict[str, list[Event]] = {}
    for event in (
        seed_article.events.filter(expression__isnull=False).select_related("expression").order_by("expression__start")
    ):
        by_phrase.setdefault(event.expression.text, []).append(event)
    (october,) = by_phrase["October 7"]
    (oct_short,) = by_phrase["Oct. 7"]
    (friday,) = by_phrase["Friday"]
    (last_week,) = by_phrase["last week"]
    (coming,) = by_phrase["the coming hours"]
    (afternoon,) = by_phrase["Saturday afternoon"]
    saturdays = by_phrase["Saturday"]
    event_set_dates(event=october, earliest=date(2023, 10, 6), latest=date(2023, 10, 8))
    event_update(event=friday, title="Biden keeps his promise to Israel", notes="Confirmed by the pool report.")
    event_update(event=saturdays[0], granularity="part_of_day", value="2024-04-13TEV")
    event_set_status(events=[last_week], status=Event.Status.APPROVED)
    event_set_status(events=[coming], status=Event.Status.HIDDEN)
    event_merge(events=[oct_short], into=october)
    event_merge(events=[other.events.get()], into=afternoon)  # across articles
    touched = [october, oct_short, friday, last_week, coming, afternoon, saturdays[0], other.events.get()]
    before = [_snapshot(e) for e in touched]
    untouched_saturdays = [e.key for e in saturdays[1:]]
    assert last_week.expression.rule == DROPPED_RULE and friday.expression.rule == CHANGED_RULE

    with monkeypatch.context() as upgrade:  # the real engine with one rule gone and another changed
        changed = RULES_BY_NAME[CHANGED_RULE]
        upgrade.setitem(
            RULES_BY_NAME, CHANGED_RULE, dataclasses.replace(changed, resolver=_a_week_later(changed.resolver))
        )
        remaining = tuple(rule for rule in RULES if rule.name != DROPPED_RULE)
        assert len(remaining) == len(RULES) - 1, f"rule {DROPPED_RULE} is gone; pick another"
        upgrade.setattr(temporal, "extract", functools.partial(temporal.extract, rules=remaining))
        article_reanalyse(article=seed_article)

    assert [_snapshot(e) for e in touched] == before
    # The upgrade really happened: untouched weekday events moved a week, "last week" is no longer found.
    kept = Event.objects.filter(article=seed_article, key__in=untouched_saturdays)
    assert kept.count() == len(untouched_saturdays)
    # The rule's readings moved a week; an event the phrase dates ("at" it) moved with them, a report
    # or a plan around it keeps the date its relation gives.
    saturdays_read = seed_article.expressions.filter(rule=CHANGED_RULE, text="Saturday")
    assert saturdays_read.exists() and {e.earliest for e in saturdays_read} == {date(2024, 4, 20)}
    assert all(e.relation != "at" or e.earliest == date(2024, 4, 20) for e in kept)
    assert not seed_article.expressions.filter(rule=DROPPED_RULE).exists()
    last_week.refresh_from_db()  # kept whether another reading found its phrase or none did
    assert last_week.expression is None or last_week.expression.rule != DROPPED_RULE
    friday.refresh_from_db()
    assert friday.expression.text == "Friday" and friday.earliest == date(2024, 4, 12)  # not moved: curated
    assert oct_short.merged_into_id == october.pk and other.events.get().merged_into_id == afternoon.pk
    keys = list(seed_article.events.values_list("key", flat=True))
    assert len(keys) == len(set(keys)), "a kept event was duplicated by its replacement"


def test_delete_asks_first_then_removes_that_articles_rows_only(admin_client):
    doomed = make_event(title="Doomed event")
    survivor = make_event(title="Survivor event", status=Event.Status.APPROVED, curated=True)
    make_event(article=survivor.article, title="Second survivor")
    event_merge(events=[survivor], into=doomed)  # a merge across the two articles
    counts = (Sentence.objects.filter(article=survivor.article).count(),
              TemporalExpression.objects.filter(article=survivor.article).count())  # fmt: skip
    url = reverse("admin:timeline_article_delete", args=[doomed.article_id])

    confirm = admin_client.get(url).content.decode()
    assert "Are you sure" in confirm and "Doomed event" in confirm and "Survivor event" not in confirm
    assert Article.objects.count() == 2  # asking deleted nothing

    assert admin_client.post(url, {"post": "yes"}).status_code == 302
    assert list(Article.objects.all()) == [survivor.article]
    assert not Event.objects.filter(article_id=doomed.article_id).exists()
    assert not Sentence.objects.filter(article_id=doomed.article_id).exists()
    survivor.refresh_from_db()
    assert (survivor.status, survivor.curated, survivor.title) == ("approved", True, "Survivor event")
    assert survivor.merged_into is None  # its merge target is gone; the event itself is not
    assert survivor.article.events.count() == 2
    assert (Sentence.objects.filter(article=survivor.article).count(),
            TemporalExpression.objects.filter(article=survivor.article).count()) == counts  # fmt: skip


def test_bulk_delete_action_confirms_before_deleting(admin_client):
    first, second, kept = make_event(), make_event(), make_event()
    changelist = reverse("admin:timeline_article_changelist")
    selected = {"action": "delete_selected", "_selected_action": [first.article_id, second.article_id]}
    confirm = admin_client.post(changelist, selected)
    assert confirm.status_code == 200 and "Are you sure" in confirm.content.decode()
    assert Article.objects.count() == 3
    admin_client.post(changelist, selected | {"post": "yes"})
    assert list(Article.objects.all()) == [kept.article] and list(Event.objects.all()) == [kept]
