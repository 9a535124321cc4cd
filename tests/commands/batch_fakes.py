"""Put a per-article fake engine behind both import paths (single ``extract`` and the bulk stream)."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from datetime import date

import pytest

from timeline.temporal.batch import BatchItem, BatchResult
from timeline.temporal.errors import InputError
from timeline.temporal.types import Extraction

ExtractOne = Callable[[str, date | None, str], Extraction]


def as_batch_engine(extract_one: ExtractOne, read_ahead: int = 1) -> Callable[..., Iterator[BatchResult]]:
    """A stand-in for ``extract_many`` built from a per-article fake.

    Like the real stream it takes ``read_ahead`` articles before answering the first
    (spaCy batches sentences), and an unexpected exception in ``extract_one`` ends
    the whole stream, as it would inside ``nlp.pipe``.
    """

    def fake_many(items: Iterable[BatchItem], *, n_process: int = 1, batch_size: int = 64) -> Iterator[BatchResult]:
        source = iter(items)
        while batch := list(itertools.islice(source, read_ahead)):
            for item in batch:
                try:
                    yield BatchResult(item.key, extraction=extract_one(item.text, item.dct, item.prefer))
                except InputError as error:
                    yield BatchResult(item.key, error=error)

    return fake_many


def install_engine(monkeypatch: pytest.MonkeyPatch, extract_one: ExtractOne, read_ahead: int = 1) -> None:
    """Route the single-article path and the bulk stream to ``extract_one``."""
    monkeypatch.setattr("timeline.temporal.extract", extract_one, raising=False)
    monkeypatch.setattr("timeline.jobs.bulk.analyse_batch", as_batch_engine(extract_one, read_ahead))
