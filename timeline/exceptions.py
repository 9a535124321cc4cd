"""Errors the write layer raises; each carries a message fit to show a person.

Input errors (``ImportRejected``, ``FileRejected``) are defined where input is read, in
``timeline.ingest.errors``, and named here too so callers of the services find them in one place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError

from timeline.ingest.errors import FileRejected, ImportRejected

if TYPE_CHECKING:
    from timeline.models import Article

__all__ = ["DuplicateArticle", "FileRejected", "ImportRejected", "MergeRejected"]


class DuplicateArticle(ImportRejected):
    """The same text (up to whitespace) is already stored as ``article``.

    Callers can offer to open or re-analyse the existing article instead.
    """

    def __init__(self, article: Article) -> None:
        self.article = article
        super().__init__(f'This text is already imported as "{article.title}" (article {article.pk}).')


class MergeRejected(ValidationError):
    """The requested merge would lose events or create a cycle."""
