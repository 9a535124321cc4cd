"""Writes for entities: read the sentences of a story's mentions once and store what spaCy names."""

from __future__ import annotations

from django.db import transaction

from timeline.entities.models import EntityScan, SentenceEntity
from timeline.entities.recognise import entities_in
from timeline.models import Sentence
from timeline.stories.models import Story
from timeline.temporal.nlp import load_pipeline


def story_entities_refresh(*, story: Story) -> int:
    """Find the entities of every event sentence of the story's articles not read before;
    returns how many sentences were read. Safe to call again: read sentences are skipped.

    Event sentences of the articles, not only of the mentions, so it can run before or
    after the story's grouping. Without the spaCy model nothing is recorded (the
    sentences are read again once it is installed).
    """
    if load_pipeline().parser is None:
        return 0
    sentences = list(
        Sentence.objects.filter(article__stories=story, events__isnull=False, entity_scan__isnull=True)
        .distinct()
        .only("id", "text")
    )
    if not sentences:
        return 0
    rows: list[SentenceEntity] = []
    for sentence, found in zip(sentences, entities_in(s.text for s in sentences)):
        rows += [SentenceEntity(sentence=sentence, text=text, kind=kind) for text, kind in sorted(found)]
    with transaction.atomic():
        SentenceEntity.objects.bulk_create(rows, ignore_conflicts=True)
        EntityScan.objects.bulk_create([EntityScan(sentence=s) for s in sentences], ignore_conflicts=True)
    return len(sentences)
