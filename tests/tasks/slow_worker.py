"""A Celery app for the kill and restart tests: the real engine, made slower, so a batch is
still running when the test kills the worker or restarts Redis.

    celery -A tests.tasks.slow_worker worker   (TEST_ENGINE_DELAY seconds per article, default 0.4)
"""

from __future__ import annotations

import os
import time
from datetime import date

from timeline import temporal
from timeline.temporal.types import Extraction
from webapp.celery import app

__all__ = ["app"]
_real_extract = temporal.extract


def _slow_extract(text: str, dct: date | None, prefer: str = "auto") -> Extraction:
    time.sleep(float(os.environ.get("TEST_ENGINE_DELAY", "0.4")))
    return _real_extract(text, dct, prefer)


temporal.extract = _slow_extract
