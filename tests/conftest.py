"""Shared fixtures: a controllable fake engine and the real seed article."""

from __future__ import annotations

from datetime import date

import pytest

from timeline import temporal
from timeline.models import Article
from timeline.temporal.types import Extraction


class FakeEngine:
    """Stands in for ``timeline.temporal.extract``; returns ``result`` and records calls."""

    def __init__(self) -> None:
        self.result: Extraction | None = None
        self.calls: list[tuple[str, date | None, str]] = []

    def __call__(self, text: str, dct: date | None, prefer: str = "auto") -> Extraction:
        self.calls.append((text, dct, prefer))
        assert self.result is not None, "set fake_engine.result first"
        return self.result


@pytest.fixture
def fake_engine(monkeypatch: pytest.MonkeyPatch) -> FakeEngine:
    fake = FakeEngine()
    monkeypatch.setattr(temporal, "extract", fake, raising=False)
    return fake


@pytest.fixture
def seed_article(db: None) -> Article:
    """The seed article imported through the real engine (DCT left to inference)."""
    from timeline.management.commands.load_seed import seed_article_import

    article, created = seed_article_import()
    assert created
    return article
