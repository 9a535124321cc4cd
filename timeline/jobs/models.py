"""Thin models for queued work: a batch of import items, each stored before any task is sent.

The database is the truth about what is pending: a task only carries an item's id, so a
lost message (broker restart, killed worker) is found again and re-queued. An item being
analysed holds a lease (its worker, when taken, a heartbeat): one whose lease lapsed is
sent again, and a copy of a task whose lease still stands does nothing.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q


class ImportBatch(models.Model):
    """Files, pastes or re-analyses asked for together; progress is counted from its items."""

    class Kind(models.TextChoices):
        IMPORT = "import", "import"
        REANALYSE = "reanalyse", "re-analysis"

    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.IMPORT)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="import_batches")  # fmt: skip
    story = models.ForeignKey("stories.Story", null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="import_batches")  # fmt: skip
    created = models.DateTimeField(auto_now_add=True)
    finished = models.DateTimeField(null=True, blank=True, help_text="When its last item was settled.")

    class Meta:
        ordering = ["-created", "-id"]
        verbose_name_plural = "import batches"
        constraints = [models.CheckConstraint(condition=Q(kind__in=["import", "reanalyse"]), name="batch_kind_valid")]

    def __str__(self) -> str:
        return f"Batch {self.pk} ({self.get_kind_display()})"


class ImportItem(models.Model):
    """One article to import (its text and metadata) or to re-analyse, and what became of it."""

    class State(models.TextChoices):
        QUEUED = "queued", "queued"
        ANALYSING = "analysing", "analysing"
        IMPORTED = "imported", "imported"
        DUPLICATE = "duplicate", "duplicate"
        REFUSED = "refused", "refused"
        REANALYSED = "reanalysed", "re-analysed"

    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField()
    name = models.CharField(max_length=300, help_text="The file name, or what the text was.")
    text = models.TextField(blank=True, default="")
    title = models.CharField(max_length=300, blank=True, default="")
    published = models.DateField(null=True, blank=True)
    source = models.CharField(max_length=500, blank=True, default="")
    url = models.URLField(max_length=500, blank=True, default="")
    place = models.CharField(max_length=200, blank=True, default="")
    prefer = models.CharField(max_length=10, default="auto")
    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED, db_index=True)
    reason = models.TextField(blank=True, default="", help_text="Why it was refused, or which article it duplicates.")
    warning = models.TextField(blank=True, default="")
    article = models.ForeignKey("timeline.Article", null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="import_items")  # fmt: skip
    events = models.PositiveIntegerField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0, help_text="Times a worker started it.")
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True, db_index=True)
    started = models.DateTimeField(null=True, blank=True, help_text="When its current lease was taken.")
    lease_owner = models.CharField(max_length=300, blank=True, default="",
                                   help_text="host:pid of the worker analysing it (see timeline.jobs.leases).")  # fmt: skip
    lease_heartbeat = models.DateTimeField(null=True, blank=True, help_text="When that worker last showed life.")
    finished = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["batch", "position"]
        constraints = [
            models.UniqueConstraint(fields=["batch", "position"], name="import_item_unique_position"),
            models.CheckConstraint(
                condition=Q(state__in=["queued", "analysing", "imported", "duplicate", "refused", "reanalysed"]),
                name="import_item_state_valid",
            ),
            models.CheckConstraint(condition=Q(prefer__in=["auto", "past", "future"]), name="import_item_prefer_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.state})"


# Waiting for a task, or being analysed by one; every other state is final: no task changes it again.
PENDING_STATES = (ImportItem.State.QUEUED, ImportItem.State.ANALYSING)
FINAL_STATES = tuple(state for state in ImportItem.State if state not in PENDING_STATES)
