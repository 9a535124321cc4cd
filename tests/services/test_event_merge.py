"""event_merge and event_unmerge: survivors keep their dates, chains, cycles, undo."""

from __future__ import annotations

from datetime import date

import pytest

from tests.factories import make_article, make_event
from timeline.exceptions import MergeRejected
from timeline.services import event_merge, event_set_dates, event_unmerge

pytestmark = pytest.mark.django_db


def test_merge_points_others_at_the_survivor_which_keeps_its_own_dates():
    target = make_event(earliest=date(2024, 4, 13))
    early = make_event(article=target.article, earliest=date(2024, 4, 10), latest=date(2024, 4, 11))
    late = make_event(article=target.article, earliest=date(2024, 4, 20))

    result = event_merge(events=[early, late], into=target)

    assert result.pk == target.pk
    target.refresh_from_db()
    # A merge says "the same happening", not "the happening spans all their dates".
    assert (target.earliest, target.latest, target.value) == (date(2024, 4, 13), date(2024, 4, 13), "2024-04-13")
    assert not target.curated
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
    assert (target.earliest, target.latest, target.value) == (
        date(2024, 4, 13),
        date(2024, 4, 14),
        "2024-04-13/2024-04-14",
    )


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


def test_unmerge_shows_the_events_on_their_own_again_and_keeps_them_curated():
    survivor = make_event(earliest=date(2024, 4, 13))
    first = make_event(article=survivor.article, earliest=date(2024, 4, 12))
    second = make_event(article=make_article(), earliest=date(2024, 4, 14))
    event_merge(events=[first, second], into=survivor)

    unmerged = event_unmerge(events=[first, survivor])

    assert [e.pk for e in unmerged] == [first.pk]  # the survivor was not merged: left alone
    for event in (first, second, survivor):
        event.refresh_from_db()
    assert first.merged_into is None and first.curated and "merged_into" in first.curated_fields
    assert first.earliest == date(2024, 4, 12)
    assert second.merged_into_id == survivor.pk  # not selected: still merged
    assert survivor.merged_into is None and not survivor.curated


def test_unmerge_of_nothing_merged_changes_nothing():
    event = make_event()
    assert event_unmerge(events=[event]) == []
    assert event_unmerge(events=[]) == []
    event.refresh_from_db()
    assert not event.curated and event.curated_fields == []
