"""Thin models: fields, Meta, constraints. Behaviour lives in services/selectors."""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.urls import reverse

from timeline.temporal.types import GRANULARITIES

GRANULARITY_CHOICES = [(g, g.replace("_", " ")) for g in GRANULARITIES]


# The largest value a primary key (64-bit signed) can hold: a larger id names no row and must
# never reach a query (SQLite and PostgreSQL both refuse it with an error, not an empty answer).
MAX_ID = 2**63 - 1


class Article(models.Model):
    title = models.CharField(max_length=300)
    source = models.CharField(max_length=500, blank=True, default="")
    url = models.URLField(max_length=500, blank=True, default="")
    place = models.CharField(max_length=200, blank=True, default="", help_text="From the dateline, when there is one.")
    text = models.TextField()
    published = models.DateField(null=True, blank=True, help_text="The document creation time (DCT).")
    dct_inferred = models.BooleanField(default=False)
    dct_evidence = models.CharField(max_length=500, blank=True, default="")
    dct_confidence = models.FloatField(null=True, blank=True)
    content_hash = models.CharField(max_length=64, unique=True)
    engine_mode = models.CharField(max_length=20, blank=True, default="")
    created = models.DateTimeField(auto_now_add=True)
    analysed = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-published", "-created"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("article-timeline", args=[self.pk])


class Sentence(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="sentences")
    index = models.PositiveIntegerField()
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    text = models.TextField()

    class Meta:
        ordering = ["article", "index"]
        constraints = [
            models.UniqueConstraint(fields=["article", "index"], name="sentence_unique_index"),
            models.CheckConstraint(condition=Q(start__lte=F("end")), name="sentence_start_lte_end"),
        ]

    def __str__(self) -> str:
        return self.text[:80]


class TemporalExpression(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="expressions")
    sentence = models.ForeignKey(Sentence, on_delete=models.CASCADE, related_name="expressions")
    index = models.PositiveIntegerField(help_text="Position among the article's expressions.")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    text = models.CharField(max_length=300)
    type = models.CharField(max_length=10)
    value = models.CharField(max_length=40)
    mod = models.CharField(max_length=20, blank=True, default="")
    earliest = models.DateField()
    latest = models.DateField()
    granularity = models.CharField(max_length=20, choices=GRANULARITY_CHOICES)
    anchor = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="anchored",
        help_text="Empty when anchored to the article's DCT.",
    )
    rule = models.CharField(max_length=80, blank=True, default="")
    evidence = models.TextField(blank=True, default="", help_text="Why the engine resolved it this way.")

    class Meta:
        ordering = ["article", "start"]
        constraints = [
            models.CheckConstraint(condition=Q(earliest__lte=F("latest")), name="expression_earliest_lte_latest"),
            models.CheckConstraint(condition=Q(start__lt=F("end")), name="expression_start_lt_end"),
        ]

    def __str__(self) -> str:
        return f"{self.text} = {self.value}"


class Event(models.Model):
    class Status(models.TextChoices):
        PROPOSED = "proposed", "proposed"
        APPROVED = "approved", "approved"
        HIDDEN = "hidden", "hidden"

    class Relation(models.TextChoices):
        AT = "at", "dated at its time"
        BOUNDARY = "boundary", "bounded by its time"
        PLANNED = "planned", "planned"
        REPORTED = "reported", "reported"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="events")
    sentence = models.ForeignKey(Sentence, on_delete=models.SET_NULL, null=True, blank=True, related_name="events")
    expression = models.ForeignKey(
        TemporalExpression, on_delete=models.SET_NULL, null=True, blank=True, related_name="events"
    )
    # Stable identity across re-analyses: a hash of (sentence text, phrase, occurrence), unique per
    # article, so re-analysis updates the same row (same id) whenever the sentence and phrase remain.
    key = models.CharField(max_length=64, db_index=True)
    title = models.CharField(max_length=300)
    earliest = models.DateField(db_index=True)
    latest = models.DateField(db_index=True)
    value = models.CharField(max_length=40, blank=True, default="")
    granularity = models.CharField(max_length=20, choices=GRANULARITY_CHOICES, default="day")
    relation = models.CharField(
        max_length=10,
        choices=Relation.choices,
        default=Relation.AT,
        help_text="How the event relates to its time phrase: dated at it, bounded by it, planned for it, or a report of it.",
    )
    relation_reason = models.CharField(
        max_length=300, blank=True, default="", help_text="Why the event takes its date."
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PROPOSED, db_index=True)
    # Set when no time expression dates the event (the article's news, on its publication date).
    evidence = models.TextField(blank=True, default="", help_text="Why the event has its date, without a phrase.")
    confidence = models.FloatField(default=1.0, help_text="1 for a time expression's date, lower for the article's.")
    curated = models.BooleanField(default=False, help_text="A person changed this event; re-analysis keeps it.")
    curated_fields = models.JSONField(default=list, blank=True)
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="merged_events"
    )
    notes = models.TextField(blank=True, default="")
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["earliest", "latest", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(earliest__lte=F("latest")),
                name="event_earliest_lte_latest",
                violation_error_code="earliest_after_latest",
                violation_error_message="The latest date must be on or after the earliest date.",
            ),
            models.CheckConstraint(condition=~Q(merged_into=F("id")), name="event_not_merged_into_itself"),
            models.UniqueConstraint(fields=["article", "key"], name="event_unique_key_per_article"),
        ]
        indexes = [models.Index(fields=["article", "earliest"], name="event_article_earliest")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("event-detail", args=[self.pk])


class EventTombstone(models.Model):
    """An event re-analysis removed because its sentence or phrase is gone from the article.

    Its old page redirects to the article with a note instead of answering 404.
    ``event_id`` is a plain integer: the event row no longer exists.
    """

    event_id = models.PositiveIntegerField(unique=True)
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="event_tombstones")
    title = models.CharField(max_length=300)
    removed = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-removed"]

    def __str__(self) -> str:
        return f"event {self.event_id} ({self.title})"
