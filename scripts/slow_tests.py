"""Add to tests/slow_tests.txt every test whose call, setup or teardown took over 3 s.

    .venv/bin/python -m pytest -p no:cacheprovider --durations=0 --durations-min=3 tests > /tmp/durations.txt
    .venv/bin/python scripts/slow_tests.py /tmp/durations.txt

Reads pytest's "slowest durations" lines; a test listed there is marked ``slow`` by
tests/conftest.py, so ``scripts/test.sh --fast`` leaves it out of the inner loop.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LINE = re.compile(r"^\s*(?P<seconds>[0-9.]+)s (?:call|setup|teardown)\s+(?P<nodeid>\S.*?)\s*$")
THRESHOLD_SECONDS = 3.0
HEADER = (
    "# Tests over 3 s (on a quiet or a loaded machine), marked slow by tests/conftest.py; see scripts/slow_tests.py.\n"
)


def slow_ids(report: str) -> list[str]:
    found = {m["nodeid"] for m in map(LINE.match, report.splitlines()) if m and float(m["seconds"]) > THRESHOLD_SECONDS}
    return sorted(found)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__)
        return 2
    # Kept with those listed before: a test slow on a loaded machine stays out of the fast loop.
    listed = ROOT / "tests" / "slow_tests.txt"
    before = {line for line in listed.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")}
    ids = sorted(before | set(slow_ids(Path(argv[1]).read_text(encoding="utf-8"))))
    listed.write_text(HEADER + "".join(f"{i}\n" for i in ids), encoding="utf-8")
    print(f"{len(ids)} slow tests listed in tests/slow_tests.txt ({len(ids) - len(before)} new)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
