"""event_merge: targets, union of ranges, chains and cycles."""

from __future__ import annotations

from datetime import date

import pytest

from tests.factories import make_article, make_event
from timeline.exceptions import MergeRejected
from timeline.services import event_merge, event_set_dates

pytestmark = pytest.mark.django_db


def test_merge_points_others_at_target_and_widens_an_uncurated_target():
    target = make_event(earliest=date(2024, 4, 13))
    early = make_event(article=target.article, earliest=date(2024, 4, 10), latest=date(2024, 4, 11))
    late = make_event(article=target.article, earliest=date(2024, 4, 20))

    result = event_merge(events=[early, late], into=target)

    assert result.pk == target.pk
    target.refresh_from_db()
    assert (target.earliest, target.latest, target.curated) == (date(2024, 4, 10), date(2024, 4, 20), False)
    assert target.value == "2024-04-10/2024-04-20"
    for event in (early, late):
        event.refresh_from_db()
        assert event.merged_into_id == target.pk and event.curated and "merged_into" in event.curated_fields
        assert (event.earliest, event.latest) == ((date(2024, 4, 10), date(2024, 4, 11)) if event == early else
                                                  (date(2024, 4, 20), date(2024, 4, 20)))  # fmt: skip


def test_curated_target_keeps_its_range():
    target = make_event(earliest=date(2024, 4, 13))
    event_set_dates(event=target, earliest=date(2024, 4, 13), latest=date(2024, 4, 14))
    other = make_event(article=target.article, earliest=date(2024, 3, 1))
    event_merge(events=[other], into=target)
    target.refresh_from_db()
    assert (target.earliest, target.latest, target.value) == (date(2024, 4, 13), date(2024, 4, 14), "2024-04-13/2024-04-14")


def test_cross_article_merge_is_allowed():
    target = make_event()
    other = make_event(article=make_article())
    event_merge(events=[other], into=target)
    other.refresh_from_db()
    assert other.merged_into == target and other.article != target.article


def test_merging_into_itself_is_rejected():
    event = make_event()
    with pytest.raises(MergeRejected, match="into itself"):
        event_merge(events=[event], into=event)
    event.refresh_from_db()
    assert event.merged_into is None and not event.curated


def test_merging_nothing_is_rejected():
    with pytest.raises(MergeRejected, match="at least one"):
        event_merge(events=[], into=make_event())


def test_merge_into_a_merged_event_follows_the_chain_to_its_root():
    root = make_event()
    middle = make_event(article=root.article)
    newcomer = make_event(article=root.article)
    event_merge(events=[middle], into=root)

    result = event_merge(events=[newcomer], into=middle)

    assert result.pk == root.pk
    newcomer.refresh_from_db()
    assert newcomer.merged_into_id == root.pk


def test_merge_that_would_make_a_cycle_is_rejected():
    root = make_event()
    child = make_event(article=root.article)
    event_merge(events=[child], into=root)
    with pytest.raises(MergeRejected, match="cycle"):
        event_merge(events=[root], into=child)
    root.refresh_from_db()
    assert root.merged_into is None


def test_merging_a_target_flattens_its_children_onto_the_new_root():
    old_root = make_event()
    child = make_event(article=old_root.article)
    new_root = make_event(article=old_root.article)
    event_merge(events=[child], into=old_root)
    event_merge(events=[old_root], into=new_root)
    child.refresh_from_db()
    old_root.refresh_from_db()
    assert child.merged_into_id == new_root.pk and old_root.merged_into_id == new_root.pk


def test_events_may_be_a_generator_that_includes_the_target():
    target = make_event()
    other = make_event(article=target.article)
    event_merge(events=(e for e in [target, other]), into=target)
    other.refresh_from_db()
    target.refresh_from_db()
    assert other.merged_into_id == target.pk and target.merged_into is None
