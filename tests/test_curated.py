"""``timeline.analysis.curated``: one record of a curator's changes for events and story events."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError

from timeline.analysis.curated import apply_edits, mark_curated, range_value


def test_marking_adds_to_the_fields_already_curated_once_each_in_order():
    row = SimpleNamespace(curated=False, curated_fields=["title", "status"])
    mark_curated(row, ["earliest", "title"])
    assert row.curated and row.curated_fields == ["earliest", "status", "title"]
    untouched = SimpleNamespace(curated=False, curated_fields=None)  # as loaded from an old row
    mark_curated(untouched, ["notes"])
    assert untouched.curated_fields == ["notes"]


def test_a_hand_set_range_reads_as_one_day_or_a_span():
    assert range_value(date(2025, 3, 11), date(2025, 3, 11)) == "2025-03-11"
    assert range_value(date(2025, 3, 11), date(2025, 3, 12)) == "2025-03-11/2025-03-12"


def test_edits_set_only_what_changed_and_refuse_dates_that_run_backwards():
    row = SimpleNamespace(title="Dam fails", status="proposed", earliest=date(2025, 3, 11), latest=date(2025, 3, 12))
    assert apply_edits(row, {"title": "Dam fails", "status": "approved"}) == ["status"]
    assert row.status == "approved"
    with pytest.raises(ValidationError, match="on or after the earliest"):
        apply_edits(row, {"earliest": date(2025, 3, 13)})
