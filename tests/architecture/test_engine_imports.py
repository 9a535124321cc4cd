"""The engine's import graph: no cycles among its modules, every import at module level."""

from __future__ import annotations

from tests.architecture.import_graph import ImportEdge, cycles, import_edges
from tests.architecture.test_imports import DEFERRED_IMPORTS

ENGINE = "timeline.temporal"


def _engine_edges() -> list[ImportEdge]:
    return [e for e in import_edges() if e.source.startswith(ENGINE) and e.target.startswith(ENGINE)]


def test_engine_has_no_import_cycle() -> None:
    assert [c for c in cycles(_engine_edges()) if any(m.startswith(ENGINE) for m in c)] == []


def test_engine_imports_nothing_inside_functions_but_the_known_deferred_ones() -> None:
    hidden = [
        f"{e.source}:{e.line} -> {e.target}"
        for e in import_edges()
        if e.source.startswith(ENGINE) and e.nested and (e.source, e.target) not in DEFERRED_IMPORTS
    ]
    assert hidden == []
