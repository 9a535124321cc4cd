"""``selectors.batch_progress``: a batch's counts and item rows, read in one query."""

from __future__ import annotations

import pytest

from timeline.jobs import selectors, services
from timeline.jobs.models import ImportItem
from timeline.jobs.services import ItemInput

pytestmark = pytest.mark.django_db


def test_progress_counts_final_states_as_settled_in_one_query(
    django_capture_on_commit_callbacks, django_assert_num_queries
):
    with django_capture_on_commit_callbacks(execute=False):  # nothing runs: the states are set below
        batch = services.batch_create(items=[ItemInput(name=f"{n}.txt", text=f"Text {n}.") for n in range(4)])
    for name, state in (("1.txt", "analysing"), ("2.txt", "duplicate"), ("3.txt", "refused")):
        ImportItem.objects.filter(batch=batch, name=name).update(state=state)
    with django_assert_num_queries(1):
        progress = selectors.batch_progress(batch=batch)
    assert (progress.total, progress.settled, progress.finished, progress.percent) == (4, 2, False, 50)
    assert progress.counts == {"queued": 1, "analysing": 1, "duplicate": 1, "refused": 1}
    assert [item.name for item in progress.items] == ["0.txt", "1.txt", "2.txt", "3.txt"]


def test_since_a_cursor_only_items_that_can_have_changed_are_read(
    django_capture_on_commit_callbacks, django_assert_num_queries
):
    with django_capture_on_commit_callbacks(execute=False):
        batch = services.batch_create(items=[ItemInput(name=f"{n}.txt", text=f"Text {n}.") for n in range(5)])
    states = {"0.txt": "imported", "1.txt": "analysing", "2.txt": "queued", "3.txt": "refused", "4.txt": "queued"}
    for name, state in states.items():
        ImportItem.objects.filter(batch=batch, name=name).update(state=state)
    first = selectors.batch_progress(batch=batch)
    assert first.cursor == 1  # 0.txt is settled for good
    with django_assert_num_queries(2):
        later = selectors.batch_progress(batch=batch, since=first.cursor)
    assert [item.name for item in later.items] == ["1.txt", "3.txt"]  # still queued: nothing to tell
    assert (later.total, later.settled, later.cursor) == (5, 2, 1)
    ImportItem.objects.filter(batch=batch, name__in=["1.txt", "2.txt", "4.txt"]).update(state="imported")
    last = selectors.batch_progress(batch=batch, since=later.cursor)
    assert [item.name for item in last.items] == ["1.txt", "2.txt", "3.txt", "4.txt"] and last.finished
    assert last.cursor == 5 and selectors.batch_progress(batch=batch, since=last.cursor).items == []
