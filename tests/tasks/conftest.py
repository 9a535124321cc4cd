"""Fixtures for tests against real Celery workers on the real Redis (127.0.0.1:6379).

Each test session uses its own queue name, so parallel runs by other people never take
each other's tasks. A Redis that cannot be reached fails the tests loudly.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import redis

from tests.tasks import workers as worker_module
from tests.tasks.workers import RedisWatch, Worker, start_worker, worker_database_url
from webapp.celery import app as celery_app

REDIS_URL = os.environ.get("TIMELINE_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
QUEUE = f"timeline-test-{uuid.uuid4().hex[:10]}"


@pytest.fixture(scope="session")
def redis_broker() -> Iterator[str]:
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=3).ping()
    except redis.RedisError as exc:
        pytest.fail(f"Redis is not reachable at {REDIS_URL} ({exc}): the worker tests need it running.", pytrace=False)
    before = (celery_app.conf.broker_url, celery_app.conf.task_default_queue)
    celery_app.conf.broker_url, celery_app.conf.task_default_queue = REDIS_URL, QUEUE
    yield REDIS_URL
    redis.Redis.from_url(REDIS_URL).delete(QUEUE)  # whatever this session left queued
    celery_app.conf.broker_url, celery_app.conf.task_default_queue = before


@pytest.fixture
def worker_env(redis_broker: str, transactional_db: None, settings, tmp_path: Path) -> dict[str, str]:
    """Environment for a worker subprocess; this test process sends its tasks to the same queue."""
    settings.TIMELINE_TASK_RUNNER = "celery"
    env = {key: value for key, value in os.environ.items() if not key.startswith(("CELERY_", "DJANGO_TEST"))}
    return env | {
        "DJANGO_SETTINGS_MODULE": "webapp.settings", "DATABASE_URL": worker_database_url(),
        "CELERY_BROKER_URL": redis_broker, "TIMELINE_QUEUE": QUEUE, "PYTHONUNBUFFERED": "1",
    }  # fmt: skip


@pytest.fixture
def workers(worker_env: dict[str, str], tmp_path: Path) -> Iterator[Callable[..., Worker]]:
    """``workers(name, **options)`` starts a worker; every one is stopped when the test ends."""
    started: list[Worker] = []
    worker_module.WATCH = RedisWatch(worker_env["CELERY_BROKER_URL"])

    def start(name: str, **options: object) -> Worker:
        worker = start_worker(env=worker_env, name=name, logdir=tmp_path, **options)
        started.append(worker)
        return worker

    yield start
    worker_module.WATCH = None
    for worker in started:
        worker.stop()
