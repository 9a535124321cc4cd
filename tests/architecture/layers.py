"""The layers of the code, top to bottom: a module may import its own layer and those below it.

A layer is a list of packages (dotted prefixes); ``timeline`` alone means the core app's own
root modules (models, services, selectors, signals, admin, management) and its helper packages.
"""

from __future__ import annotations

LAYERS: tuple[tuple[str, ...], ...] = (
    ("webapp",),  # the Django project and the web interface
    ("timeline.management",),  # entry points: the commands
    ("timeline.jobs", "timeline.exports", "timeline.entities"),  # apps built on stories
    ("timeline.stories",),
    ("timeline", "timeline.admin", "timeline.analysis", "timeline.display"),  # the core app
    ("timeline.evaluation",),  # scoring the engine on gold files and TimeML
    ("timeline.ingest", "timeline.timeml"),  # reading input; TimeML in and out
    ("timeline.temporal",),  # the engine: no Django
)


def layer_of(module: str) -> int:
    """The index of the layer holding ``module`` (the longest matching package wins)."""
    best, best_length = -1, -1
    for index, packages in enumerate(LAYERS):
        for package in packages:
            if (module == package or module.startswith(package + ".")) and len(package) > best_length:
                best, best_length = index, len(package)
    if best < 0:
        raise LookupError(f"{module} is in no layer: add its package to LAYERS")
    return best
