"""Why input cannot become an article; ``str(exc)`` is fit to show a person."""

from __future__ import annotations


class ImportRejected(ValueError):
    """The article cannot be imported as given; ``str(exc)`` says why."""


class FileRejected(ImportRejected):
    """An uploaded or imported file cannot be read as an article."""
