"""Uploaded files (and .zip archives of them) turned into batch items, each read or refused on its own.

Plain functions over Django's uploaded files; the reading itself is ``timeline.ingest.article_input``,
the same path as ``import_articles``. A file that cannot be read becomes a refused item
with its reason, so the batch page lists it beside the others.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import PurePath

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile

from timeline.exceptions import FileRejected
from timeline.ingest.archives import ArchiveLimits, read_zip
from timeline.ingest.article_input import ArticleInput, article_input_from_file
from timeline.jobs.services import ItemInput


@dataclass(frozen=True)
class Metadata:
    """What the form gives every file: a date, a source and a URL (empty: from the file)."""

    published: date | None = None
    source: str = ""
    url: str = ""


def is_archive(upload: UploadedFile) -> bool:
    return PurePath(upload.name or "").suffix.lower() == ".zip"


def items_from_uploads(uploads: list[UploadedFile], meta: Metadata) -> list[ItemInput]:
    """One item per file, or per article file inside each archive, in the order given."""
    items: list[ItemInput] = []
    limit = settings.TIMELINE_MAX_UPLOAD_BYTES
    for upload in uploads:
        name = PurePath(upload.name or "upload").name
        if upload.size > limit:  # the size Django already knows, before reading anything
            items.append(ItemInput(name=name, refused=f"{name}: the file is {upload.size:,} bytes; "
                                                      f"the limit is {limit:,} bytes."))  # fmt: skip
        elif is_archive(upload):
            items.extend(_archive_items(name, upload.read(), meta))
        else:
            items.append(_item(name, upload.read(), meta))
    return within_batch_limit(items, settings.TIMELINE_BATCH_MAX_BYTES)


def within_batch_limit(items: list[ItemInput], limit: int) -> list[ItemInput]:
    """The items in order until their texts together pass ``limit`` bytes; each one after is refused
    by name (archives expanded count at their expanded size)."""
    total, kept = 0, []
    for item in items:
        size = len(item.text.encode("utf-8")) if item.text else 0
        if size and total + size > limit:
            kept.append(ItemInput(name=item.name, refused=f"{item.name}: this upload's files together pass "
                                                           f"{limit:,} bytes; import the rest in another upload."))  # fmt: skip
            continue
        total += size
        kept.append(item)
    return kept


def read_one(data: bytes, name: str, *, title: str, meta: Metadata) -> ArticleInput:
    """One uploaded file read as today's single import does; raises ``FileRejected``."""
    return article_input_from_file(data, filename=name, title=title, published=meta.published, source=meta.source,
                                   url=meta.url, max_bytes=settings.TIMELINE_MAX_UPLOAD_BYTES)  # fmt: skip


def item_from_input(name: str, article: ArticleInput) -> ItemInput:
    return ItemInput(name=name, text=article.text, title=article.title, published=article.published,
                     source=article.source, url=article.url, place=article.place)  # fmt: skip


def _item(name: str, data: bytes, meta: Metadata) -> ItemInput:
    try:
        return item_from_input(name, read_one(data, name, title="", meta=meta))
    except FileRejected as exc:
        return ItemInput(name=name, refused=str(exc))


def _archive_items(name: str, data: bytes, meta: Metadata) -> list[ItemInput]:
    limits = ArchiveLimits(
        max_members=settings.TIMELINE_ZIP_MAX_MEMBERS, max_member_bytes=settings.TIMELINE_MAX_UPLOAD_BYTES,
        max_total_bytes=settings.TIMELINE_ZIP_MAX_TOTAL_BYTES, max_ratio=settings.TIMELINE_ZIP_MAX_RATIO,
    )  # fmt: skip
    try:
        members = read_zip(data, archive_name=name, limits=limits)
    except FileRejected as exc:
        return [ItemInput(name=name, refused=str(exc))]
    return [
        ItemInput(name=f"{name}: {m.name}", refused=m.refused) if m.refused else _item(m.name, m.data, meta)
        for m in members
    ]
