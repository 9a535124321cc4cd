"""The Celery app: ``celery -A webapp worker`` runs the import and re-analysis tasks.

Configured from Django settings (``CELERY_*``, themselves from the environment:
``CELERY_BROKER_URL``, ``DATABASE_URL``). Each worker process loads the spaCy
pipeline once when it starts, and a starting worker re-queues what was lost: items
whose lease lapsed (a killed worker; see ``timeline.jobs.leases``) and queued items
waiting longer than ``TIMELINE_RESUME_AFTER`` (a broker restart).
"""

from __future__ import annotations

import os
from datetime import timedelta
from typing import Any

from celery import Celery
from celery.signals import worker_process_init, worker_ready

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "webapp.settings")

app = Celery("webapp")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks(["timeline.jobs"])


@worker_process_init.connect
def load_engine(**_: Any) -> None:
    """Load the spaCy model in each pool process before its first task, not during it."""
    from timeline.temporal.nlp import load_pipeline

    load_pipeline()


@worker_ready.connect
def resume_pending(**_: Any) -> None:
    """Send again what a dead worker or a broker restart lost (the database says what is pending)."""
    from django.conf import settings

    from timeline.jobs.recovery import items_resume

    items_resume(older_than=timedelta(seconds=settings.TIMELINE_RESUME_AFTER))
