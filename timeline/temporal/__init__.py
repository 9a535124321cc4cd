"""The temporal engine: plain Python (spaCy + dateparser), no Django.

>>> from timeline.temporal import extract
>>> extract("Officials met on Saturday.", "2024-04-13").expressions[0].value
'2024-04-13'

``extract`` loads the engine (its rules, dateparser and spaCy) on first use,
so importing the plain types here, as the Django models and admin do, starts nothing heavy and
``manage.py`` commands start quickly.
"""

from __future__ import annotations

import sys
from importlib import import_module
from types import ModuleType
from typing import TYPE_CHECKING, Any

from timeline.temporal.errors import InputError
from timeline.temporal.limits import PREFERENCES
from timeline.temporal.types import DctEvidence, EventCandidate, Extraction, Sentence, TimeExpression

if TYPE_CHECKING:
    from timeline.temporal.extract import extract

__all__ = [
    "extract",
    "PREFERENCES",
    "Extraction",
    "TimeExpression",
    "Sentence",
    "DctEvidence",
    "EventCandidate",
    "InputError",
]
_LOADED_ON_USE = {"extract": "timeline.temporal.extract"}


def __getattr__(name: str) -> Any:
    if name not in _LOADED_ON_USE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(_LOADED_ON_USE[name]), name)
    globals()[name] = value  # later look-ups (and a test's monkeypatch) see a plain attribute
    return value


class _EnginePackage(ModuleType):
    """Importing the submodule ``timeline.temporal.extract`` makes Python bind the package's
    ``extract`` to that module, hiding the function of the same name; bind the function instead."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _LOADED_ON_USE and isinstance(value, ModuleType):
            value = getattr(value, name)
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _EnginePackage
