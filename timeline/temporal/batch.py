"""Many articles through one spaCy ``nlp.pipe`` stream (batching, optional worker processes)."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from timeline.temporal.errors import InputError
from timeline.temporal.extract import PreparedArticle, finish_article, prepare_article
from timeline.temporal.nlp import Pipeline, load_pipeline
from timeline.temporal.parse import annotate
from timeline.temporal.types import Extraction

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass(frozen=True)
class BatchItem:
    """One article to analyse; ``key`` comes back with its result."""

    key: Any
    text: str | bytes
    dct: date | datetime | str | None = None
    prefer: str = "auto"
    doc_type: str = "auto"  # "news", "narrative" or "auto" (decided from the text)


@dataclass
class BatchResult:
    key: Any
    extraction: Extraction | None = None
    error: InputError | None = None


@dataclass
class _Pending:
    key: Any
    prepared: PreparedArticle | None
    error: InputError | None = None
    docs: dict[int, Doc] = field(default_factory=dict)

    @property
    def complete(self) -> bool:
        return self.prepared is None or len(self.docs) == len(self.prepared.plan.parse)


def extract_many(
    items: Iterable[BatchItem], *, n_process: int = 1, batch_size: int = 64, pipeline: Pipeline | None = None
) -> Iterator[BatchResult]:
    """Results in input order; a bad article yields its InputError and the stream goes on.

    Sentences of all articles flow through a single ``nlp.pipe`` call, so the model
    runs in large batches (and in ``n_process`` worker processes when asked).
    """
    pipeline = pipeline or load_pipeline()
    queue: deque[_Pending] = deque()
    by_id: dict[int, _Pending] = {}  # articles whose sentences are in flight, by id(pending)

    def sentences() -> Iterator[tuple[str, tuple[tuple[int, int], bool]]]:
        for item in items:
            try:
                prepared = prepare_article(item.text, item.dct, item.prefer, pipeline=pipeline, doc_type=item.doc_type)
            except InputError as error:
                queue.append(_Pending(item.key, None, error))
                continue
            pending = _Pending(item.key, prepared)
            queue.append(pending)
            for index in prepared.plan.parse:
                yield prepared.sentences[index].text, ((id(pending), index), index in prepared.plan.entities)

    def flush() -> Iterator[BatchResult]:
        while queue and queue[0].complete:
            done = queue.popleft()
            by_id.pop(id(done), None)  # finished articles must not pile up in memory
            if done.prepared is None:
                yield BatchResult(done.key, error=done.error)
            else:
                yield BatchResult(done.key, extraction=finish_article(done.prepared, done.docs))

    if pipeline.parser is None:
        for _ in sentences():
            pass  # blank mode: nothing to parse
        yield from flush()
        return
    stream = annotate(pipeline.parser, sentences(), n_process=n_process, batch_size=batch_size)
    for doc, (pending_id, index) in stream:
        if pending_id not in by_id:
            by_id.update({id(p): p for p in queue})
        by_id[pending_id].docs[index] = doc
        yield from flush()
    yield from flush()
