"""The list of slow tests names tests that exist, so ``--fast`` never runs a renamed slow test."""

from __future__ import annotations

import re
from pathlib import Path

from scripts.slow_tests import slow_ids
from tests.conftest import slow_test_ids

ROOT = Path(__file__).resolve().parents[1]


def test_every_listed_slow_test_exists():
    for nodeid in slow_test_ids():
        path, _, name = nodeid.partition("::")
        function = re.sub(r"\[.*\]$", "", name)
        assert (ROOT / path).is_file(), nodeid
        assert re.search(rf"def {re.escape(function)}\(", (ROOT / path).read_text(encoding="utf-8")), nodeid


def test_slow_ids_reads_pytest_durations_over_three_seconds():
    report = (
        "============================= slowest durations =============================\n"
        "60.42s call     tests/a.py::test_long\n"
        "3.01s setup    tests/b.py::test_setup[x]\n"
        "2.99s call     tests/c.py::test_quick\n"
    )
    assert slow_ids(report) == ["tests/a.py::test_long", "tests/b.py::test_setup[x]"]
