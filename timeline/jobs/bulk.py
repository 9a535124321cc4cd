"""Bulk import: many articles (files, or manifest entries) through one spaCy stream, one transaction per article.

Files are read and checked one by one, analysed together by ``extract_many`` (one
``nlp.pipe`` over every article's sentences, optionally in worker processes) and
each result is written by ``services.article_store`` in its own transaction, so an
interruption keeps every article already written and a rerun skips them by hash.
"""

from __future__ import annotations

import itertools
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from timeline import selectors, services, temporal
from timeline.analysis.drafts import ArticleDraft, article_draft
from timeline.exceptions import ImportRejected
from timeline.ingest.article_input import ArticleInput
from timeline.services import import_one
from timeline.temporal.batch import BatchItem, BatchResult, extract_many
from timeline.temporal.errors import InputError
from timeline.temporal.types import Extraction

IMPORTED, DUPLICATE, FAILED = "imported", "duplicate", "failed"
# extract_many holds every article of a stream (with its parsed sentences, about 0.6 MB)
# until the stream ends, so a long run is cut into streams of this many articles.
STREAM_ARTICLES = 200


@dataclass(frozen=True)
class BulkOutcome:
    """What became of one article: ``detail`` names the duplicate's original or the failure's reason;
    ``article_id`` is the stored article (new, or the one a duplicate repeats)."""

    name: str
    status: str
    detail: str = ""
    words: int = 0
    warnings: tuple[str, ...] = ()
    crash: str = ""  # traceback of an unexpected error, for the operator
    read_seconds: float = 0.0  # reading, decoding and checking the file
    write_seconds: float = 0.0  # the database transaction
    article_id: int | None = None


@dataclass(frozen=True)
class ArticleSource:
    """One article to import: ``name`` for the summary, ``load`` reads and checks it (raising
    ``ImportRejected``) when its turn comes, so a long run never holds every text at once."""

    name: str
    load: Callable[[], ArticleInput]


@dataclass(frozen=True)
class _Pending:
    name: str
    draft: ArticleDraft
    warnings: tuple[str, ...]
    read_seconds: float


def import_items(
    items: Iterable[ArticleSource], *, prefer: str = "auto", workers: int = 1, batch_size: int = 64
) -> Iterator[BulkOutcome]:
    """Import ``items`` through one engine stream, yielding one outcome per item as soon as it is settled.

    Reading problems and duplicates (of stored articles or of an earlier item in the
    same run) are reported without reaching the engine.
    """
    settled: deque[BulkOutcome] = deque()
    pending = _drafts(items, settled)
    for item, extraction, problem in _analyse(pending, prefer, workers, batch_size):
        yield from _drain(settled)
        if extraction is None:
            yield problem
        else:
            yield _store(item, extraction)
    yield from _drain(settled)


def _drain(settled: deque[BulkOutcome]) -> Iterator[BulkOutcome]:
    while settled:
        yield settled.popleft()


def _drafts(items: Iterable[ArticleSource], settled: deque[BulkOutcome]) -> Iterator[_Pending]:
    """Checked drafts of the new texts; every other item is settled on the side."""
    first_seen: dict[str, tuple[str, date | None]] = {}
    for item in items:
        name, started = item.name, time.perf_counter()
        try:
            given = item.load()
            draft = article_draft(
                text=given.text, title=given.title, published=given.published, source=given.source,
                url=given.url, place=given.place,
            )  # fmt: skip
        except ImportRejected as exc:
            settled.append(BulkOutcome(name, FAILED, str(exc), read_seconds=time.perf_counter() - started))
            continue
        stored = selectors.article_with_hash(digest=draft.content_hash)
        spent = time.perf_counter() - started
        if stored is not None:
            detail = f"article {stored.pk}" + _other_date(stored.published, draft.published)
            settled.append(BulkOutcome(name, DUPLICATE, detail, read_seconds=spent, article_id=stored.pk))
        elif draft.content_hash in first_seen:
            earlier, earlier_date = first_seen[draft.content_hash]
            same = f"same text as {earlier}" + _other_date(earlier_date, draft.published)
            settled.append(BulkOutcome(name, DUPLICATE, same, read_seconds=spent))
        else:
            first_seen[draft.content_hash] = (name, draft.published)
            yield _Pending(name, draft, given.warnings, spent)


def _other_date(kept: date | None, given: date | None) -> str:
    """Says so when a duplicate text comes with another date than the one kept."""
    if given is None or given == kept:
        return ""
    return f"; same text with a different date: kept {kept.isoformat() if kept else 'no date'}, this one says {given}"


def _analyse(
    pending: Iterator[_Pending], prefer: str, workers: int, batch_size: int
) -> Iterator[tuple[_Pending, Extraction | None, BulkOutcome | None]]:
    """Stream the drafts through the batch engine, in order, ``STREAM_ARTICLES`` per stream.

    An unexpected engine error kills the whole stream and cannot say which article
    caused it, so the articles in flight are retried one at a time (the culprit
    fails, the others import) and a new stream starts after them.
    """
    while (first := next(pending, None)) is not None:
        in_flight: deque[_Pending] = deque()
        chunk = itertools.islice(itertools.chain([first], pending), STREAM_ARTICLES)
        try:
            stream = analyse_batch(_feed(chunk, in_flight, prefer), n_process=workers, batch_size=batch_size)
            for result in stream:
                item = in_flight.popleft()
                yield item, result.extraction, _engine_problem(item, result.error)
            continue
        except Exception:  # noqa: BLE001 — pinned on one article below, never swallowed
            if not in_flight:
                raise  # the engine failed before taking any article: nothing to retry
            stream_crash = traceback.format_exc()
        for item in in_flight:
            yield _analyse_alone(item, prefer, stream_crash)


def _feed(pending: Iterator[_Pending], in_flight: deque[_Pending], prefer: str) -> Iterator[BatchItem]:
    """Engine input; ``in_flight`` holds what the engine took and has not answered yet."""
    for item in pending:
        in_flight.append(item)
        yield BatchItem(key=item.name, text=item.draft.text, dct=item.draft.published, prefer=prefer)


def analyse_batch(items: Iterable[BatchItem], *, n_process: int, batch_size: int) -> Iterator[BatchResult]:
    """The batch engine; a module attribute so tests can put a fake engine in its place."""
    return extract_many(items, n_process=n_process, batch_size=batch_size)


def _analyse_alone(
    item: _Pending, prefer: str, stream_crash: str
) -> tuple[_Pending, Extraction | None, BulkOutcome | None]:
    try:
        return item, temporal.extract(item.draft.text, item.draft.published, prefer), None
    except InputError as exc:
        return item, None, _engine_problem(item, exc)
    except Exception as exc:  # noqa: BLE001 — reported as this file's failure with both tracebacks
        crash = f"{stream_crash}\nRetried alone:\n{traceback.format_exc()}"
        return item, None, BulkOutcome(item.name, FAILED, f"internal error {type(exc).__name__}: {exc}", crash=crash)


def _engine_problem(item: _Pending, error: InputError | None) -> BulkOutcome | None:
    return None if error is None else BulkOutcome(item.name, FAILED, str(error))


def _store(item: _Pending, extraction: Extraction) -> BulkOutcome:
    started = time.perf_counter()
    timing = {"read_seconds": item.read_seconds}
    try:
        outcome = import_one(draft=item.draft, extraction=extraction)
    except Exception as exc:  # noqa: BLE001 — the transaction rolled back; this file fails, the run goes on
        return BulkOutcome(
            item.name, FAILED, f"internal error {type(exc).__name__}: {exc}", crash=traceback.format_exc(), **timing
        )
    if outcome.status == services.REFUSED:
        return BulkOutcome(item.name, FAILED, outcome.reason, **timing)
    article = outcome.article
    if outcome.status == services.DUPLICATE:  # another process imported the same text meanwhile
        return BulkOutcome(item.name, DUPLICATE, f"article {article.pk}", article_id=article.pk, **timing)
    words = len(item.draft.text.split())
    return BulkOutcome(
        item.name,
        IMPORTED,
        f"article {article.pk}",
        words=words,
        warnings=(*item.warnings, *outcome.warnings),
        write_seconds=time.perf_counter() - started,
        article_id=article.pk,
        **timing,
    )
