"""Thin models for stories: fields, Meta, constraints. Behaviour lives in services/selectors."""

from __future__ import annotations

from django.db import models
from django.urls import reverse


class Story(models.Model):
    """A named collection of articles; an article can belong to several stories."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=220, unique=True)
    description = models.TextField(blank=True, default="")
    articles = models.ManyToManyField("timeline.Article", related_name="stories", blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "stories"

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("story-detail", args=[self.slug])


class StoryEvent(models.Model):
    """One happening in a story, reported by one or more article events (its mentions).

    ``confidence`` and ``evidence`` say why the mentions were put together; a curator's
    changes (title, dates, status, confirmed grouping) set ``curated`` and survive
    re-analysis and new articles joining the story.
    """

    class Status(models.TextChoices):
        PROPOSED = "proposed", "proposed"
        APPROVED = "approved", "approved"
        HIDDEN = "hidden", "hidden"

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="story_events")
    title = models.CharField(max_length=300)
    earliest = models.DateField(db_index=True)
    latest = models.DateField(db_index=True)
    value = models.CharField(max_length=40, blank=True, default="")
    granularity = models.CharField(max_length=20, default="day")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PROPOSED, db_index=True)
    confidence = models.FloatField(default=1.0, help_text="How sure the grouping of its mentions is (0-1).")
    evidence = models.TextField(blank=True, default="", help_text="Why its mentions were put together.")
    curated = models.BooleanField(default=False, help_text="A person changed this story event.")
    curated_fields = models.JSONField(default=list, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["story", "earliest", "latest", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(earliest__lte=models.F("latest")),
                name="story_event_earliest_lte_latest",
                violation_error_message="The latest date must be on or after the earliest date.",
            ),
            models.CheckConstraint(
                condition=models.Q(confidence__gte=0) & models.Q(confidence__lte=1),
                name="story_event_confidence_0_1",
            ),
        ]
        indexes = [models.Index(fields=["story", "earliest"], name="story_event_story_earliest")]

    def __str__(self) -> str:
        return self.title


class StoryMention(models.Model):
    """An article event reported as part of a story event; an event is in a story at most once."""

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="mentions")
    story_event = models.ForeignKey(StoryEvent, on_delete=models.CASCADE, related_name="mentions")
    event = models.ForeignKey("timeline.Event", on_delete=models.CASCADE, related_name="story_mentions")
    confirmed = models.BooleanField(default=False, help_text="A curator confirmed it belongs here.")
    score = models.FloatField(default=1.0, help_text="Similarity to the story event when it was grouped.")

    class Meta:
        ordering = ["story_event", "id"]
        constraints = [
            models.UniqueConstraint(fields=["story", "event"], name="story_mention_unique_event"),
        ]

    def __str__(self) -> str:
        return f"{self.event} in {self.story_event}"


class RejectedPairing(models.Model):
    """A curator said these two events are different happenings: never propose them together again.

    Events keep their ids across re-analysis (stable ids), so the pair survives it;
    ``event_low_id < event_high_id`` keeps one row per pair.
    """

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="rejected_pairings")
    event_low = models.ForeignKey("timeline.Event", on_delete=models.CASCADE, related_name="+")
    event_high = models.ForeignKey("timeline.Event", on_delete=models.CASCADE, related_name="+")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["story", "event_low", "event_high"], name="rejected_pairing_unique"),
            models.CheckConstraint(
                condition=models.Q(event_low__lt=models.F("event_high")), name="rejected_pairing_ordered"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.event_low_id} != {self.event_high_id}"


class EventFeatures(models.Model):
    """What grouping read from an event's sentence (action, participants, names), stored so a regroup
    after a restart does not parse every sentence of the story again. ``digest`` names the sentence,
    the phrase offsets and the feature code's version it was computed from; a different digest means
    stale, and it is recomputed."""

    event = models.OneToOneField(
        "timeline.Event", on_delete=models.CASCADE, primary_key=True, related_name="story_features"
    )
    digest = models.CharField(max_length=64)
    data = models.JSONField()

    class Meta:
        verbose_name_plural = "event features"

    def __str__(self) -> str:
        return f"features of event {self.event_id}"
