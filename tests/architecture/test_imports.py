"""The import rules of the code, read from the source: one way down the layers, no upward import."""

from __future__ import annotations

import pytest

from tests.architecture.import_graph import import_edges, project_modules
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
