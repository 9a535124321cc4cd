"""Errors the write layer raises; each carries a message fit to show a person."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError

if TYPE_CHECKING:
    from timeline.models import Article


class ImportRejected(ValueError):
    """The article cannot be imported as given; ``str(exc)`` says why."""


class FileRejected(ImportRejected):
    """An uploaded or imported file cannot be read as an article."""


class DuplicateArticle(ImportRejected):
    """The same text (up to whitespace) is already stored as ``article``.

    Callers can offer to open or re-analyse the existing article instead.
    """

    def __init__(self, article: Article) -> None:
        self.article = article
        super().__init__(f'This text is already imported as "{article.title}" (article {article.pk}).')


class MergeRejected(ValidationError):
    """The requested merge would lose events or create a cycle."""
