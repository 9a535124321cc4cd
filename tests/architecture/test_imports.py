"""The import rules of the code, read from the source: one way down the layers, no upward import."""

from __future__ import annotations

import pytest

from tests.architecture.import_graph import ImportEdge, cycles, import_edges, project_modules
from tests.architecture.layers import LAYERS, layer_of


@pytest.fixture(scope="module")
def edges():
    return import_edges()


def test_every_module_is_in_a_layer():
    for module in project_modules():
        layer_of(module)  # raises LookupError naming a module no layer holds


def test_no_module_imports_a_layer_above_its_own(edges):
    upward = [
        f"{e.source}:{e.line} imports {e.target} ({' / '.join(LAYERS[layer_of(e.target)])} is above "
        f"{' / '.join(LAYERS[layer_of(e.source)])})"
        for e in edges
        if layer_of(e.target) < layer_of(e.source)
    ]
    assert upward == []


def test_the_domain_never_imports_the_web_interface(edges):
    assert [
        f"{e.source}:{e.line}" for e in edges if e.source.startswith("timeline") and e.target.startswith("webapp")
    ] == []


def test_the_layer_rule_catches_an_upward_import():
    """The check itself: an engine module importing the core app would be reported."""
    assert layer_of("timeline.temporal.extract") > layer_of("timeline.models") > layer_of("webapp.urls")
    assert layer_of("timeline.stories.models") < layer_of("timeline.services")
    with pytest.raises(LookupError):
        layer_of("elsewhere.module")


# Imports inside functions, each with the reason it cannot sit at the top of its module.
DEFERRED_IMPORTS = {
    ("timeline.entities.apps", "timeline.entities.signals"): "AppConfig.ready: receivers connect once models load",
    ("timeline.stories.apps", "timeline.stories.signals"): "AppConfig.ready: receivers connect once models load",
    ("timeline.jobs.apps", "timeline.jobs.dispatch"): "AppConfig.ready: the sender of queued items connects",
    ("timeline.entities.signals", "timeline.entities.services"): "spaCy loads only when a story is read",
    ("timeline.stories.signals", "timeline.stories.services"): "grouping (scikit-learn) loads only when used",
    ("webapp.celery", "timeline.temporal.nlp"): "the Celery app is built before Django's apps are ready",
    ("timeline.temporal.nlp", "timeline.temporal.attribute_table"): "registers a spaCy factory: loads with spaCy",
    ("webapp.celery", "timeline.jobs.recovery"): "the Celery app is built before Django's apps are ready",
}


def test_no_import_cycle_anywhere(edges):
    assert cycles(edges) == []


def test_imports_inside_functions_are_the_known_deferred_ones(edges):
    hidden = {(e.source, e.target) for e in edges if e.nested}
    assert hidden - DEFERRED_IMPORTS.keys() == set(), "import at module level, or add the pair with its reason"
    assert DEFERRED_IMPORTS.keys() - hidden == set(), "a deferred import is gone: drop it from the list"


def test_the_cycle_finder_finds_a_cycle():
    loop = [ImportEdge("a", "b", 1, False), ImportEdge("b", "c", 1, False), ImportEdge("c", "a", 1, True)]
    assert cycles(loop) == [["a", "b", "c"]]
    assert cycles(loop[:2]) == []
