"""Thin models: the named entities spaCy found in a stored sentence."""

from __future__ import annotations

from django.db import models


class SentenceEntity(models.Model):
    """A person, organisation or place named in a sentence (as written there)."""

    class Kind(models.TextChoices):
        PERSON = "person", "person"
        ORGANISATION = "organisation", "organisation"
        PLACE = "place", "place"

    sentence = models.ForeignKey("timeline.Sentence", on_delete=models.CASCADE, related_name="entities")
    text = models.CharField(max_length=200, db_index=True)
    kind = models.CharField(max_length=12, choices=Kind.choices)

    class Meta:
        ordering = ["sentence", "text"]
        constraints = [
            models.UniqueConstraint(fields=["sentence", "text", "kind"], name="sentence_entity_unique"),
            models.CheckConstraint(condition=~models.Q(text=""), name="sentence_entity_text_not_empty"),
        ]

    def __str__(self) -> str:
        return f"{self.text} ({self.kind})"


class EntityScan(models.Model):
    """A sentence already read for entities (so one that names none is not read again)."""

    sentence = models.OneToOneField("timeline.Sentence", on_delete=models.CASCADE, related_name="entity_scan")
    scanned = models.DateTimeField(auto_now_add=True)
