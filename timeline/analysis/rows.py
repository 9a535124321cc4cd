"""Write one engine ``Extraction`` for an article: DCT fields, sentence and expression rows, events.

Used by the import (single and bulk) and re-analysis services inside their transactions.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass
from datetime import date

from django.db.models import Model, QuerySet
from django.utils import timezone

from timeline.models import Article, Event, EventTombstone, Sentence, TemporalExpression
from timeline.signals import send_article_analysed
from timeline.temporal.types import Extraction


def normalise_whitespace(text: str) -> str:
    return " ".join(text.split())


def content_hash(text: str) -> str:
    """sha256 of the text with runs of whitespace collapsed, so re-pastes are recognised."""
    return hashlib.sha256(normalise_whitespace(text).encode("utf-8")).hexdigest()


def event_key(sentence_text: str, expression_text: str, occurrence: int) -> str:
    """Stable identity of an engine event, independent of row ids and offsets."""
    material = "\x1f".join(
        (normalise_whitespace(sentence_text), normalise_whitespace(expression_text), str(occurrence))
    )
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


def fit(model: type, field_name: str, value: str) -> str:
    """Trim ``value`` to the column's max_length (PostgreSQL rejects longer strings)."""
    limit = model._meta.get_field(field_name).max_length
    return value if limit is None or len(value) <= limit else value[: limit - 1] + "…"


@dataclass
class WrittenRows:
    sentences: dict[int, Sentence]  # by engine sentence index
    expressions: list[TemporalExpression]  # by position in Extraction.expressions


def write_sentences_and_expressions(article: Article, extraction: Extraction) -> WrittenRows:
    """Bulk-insert the article's sentences and expressions, then link expression anchors."""
    created = Sentence.objects.bulk_create(
        Sentence(article=article, index=s.index, start=s.start, end=s.end, text=s.text) for s in extraction.sentences
    )
    sentences = {s.index: s for s in _with_keys(created, Sentence.objects.filter(article=article))}
    created_expressions = TemporalExpression.objects.bulk_create(
        TemporalExpression(
            article=article,
            sentence=sentences[e.sentence],
            index=position,
            start=e.start,
            end=e.end,
            text=fit(TemporalExpression, "text", e.text),
            type=fit(TemporalExpression, "type", e.type),
            value=fit(TemporalExpression, "value", e.value),
            mod=fit(TemporalExpression, "mod", e.mod),
            earliest=e.earliest,
            latest=e.latest,
            granularity=e.granularity,
            rule=fit(TemporalExpression, "rule", e.rule),
            evidence=e.evidence,
        )
        for position, e in enumerate(extraction.expressions)
    )
    stored = _with_keys(created_expressions, TemporalExpression.objects.filter(article=article))
    by_position = {row.index: row for row in stored}
    expressions = [by_position[position] for position in range(len(extraction.expressions))]
    # Anchors name an expression by its engine index ("e3"), which is normally its position.
    position_of = {e.index: position for position, e in enumerate(extraction.expressions)}
    anchored = []
    for source, row in zip(extraction.expressions, expressions):
        if source.anchor.startswith("e") and source.anchor[1:].isdigit() and int(source.anchor[1:]) in position_of:
            row.anchor = expressions[position_of[int(source.anchor[1:])]]
            anchored.append(row)
    TemporalExpression.objects.bulk_update(anchored, ["anchor"])
    return WrittenRows(sentences=sentences, expressions=expressions)


def _with_keys(created: list[Model], stored: QuerySet[Model]) -> list[Model]:
    """The rows ``bulk_create`` returned when the database reported their primary keys
    (SQLite 3.35+, PostgreSQL), else the same rows read back."""
    return created if all(row.pk is not None for row in created) else list(stored)


def draft_events(article: Article, extraction: Extraction, rows: WrittenRows) -> list[Event]:
    """Unsaved proposed events, one per engine candidate, dated as its relation to its time says."""
    occurrences: Counter[tuple[str, str]] = Counter()
    drafts = []
    for candidate in extraction.events:
        sentence = rows.sentences[candidate.sentence]
        expression = rows.expressions[candidate.expression] if candidate.expression is not None else None
        if expression is None and article.published is None:
            continue  # the news takes the article's date; without one it is never dated
        phrase = expression.text if expression is not None else ""
        pair = (normalise_whitespace(sentence.text), normalise_whitespace(phrase))
        occurrences[pair] += 1
        title = normalise_whitespace(candidate.title) or normalise_whitespace(sentence.text)
        earliest, latest, value, granularity = (
            extraction.event_dates(candidate)
            if expression is not None
            else (article.published, article.published, article.published.isoformat(), "day")
        )
        drafts.append(
            Event(
                article=article,
                sentence=sentence,
                expression=expression,
                key=event_key(sentence.text, phrase, occurrences[pair]),
                title=fit(Event, "title", title),
                earliest=earliest,
                latest=latest,
                value=fit(Event, "value", value),
                granularity=granularity,
                relation=candidate.relation,
                relation_reason=fit(Event, "relation_reason", candidate.reason),
                status=Event.Status.PROPOSED,
                evidence=candidate.evidence,
                confidence=candidate.confidence,
            )
        )
    return drafts


# What the engine decides about an event; an untouched event takes the new values on re-analysis.
ENGINE_EVENT_FIELDS = (
    "title",
    "earliest",
    "latest",
    "value",
    "granularity",
    "evidence",
    "confidence",
    "relation",
    "relation_reason",
)


def store_extraction(
    article: Article,
    extraction: Extraction,
    *,
    given_dct: date | None,
    existing: list[Event] | None = None,
    touched: set[int] | frozenset[int] = frozenset(),
) -> None:
    """Write the extraction's DCT, rows and events for ``article``.

    ``existing`` are the article's events before re-analysis (their sentences already
    deleted). Each one whose key the new analysis still produces keeps its row and id:
    it is re-linked, and updated from the engine unless its id is in ``touched`` (a
    person acted on it). An untouched event whose sentence or phrase is gone is deleted
    and leaves an ``EventTombstone``; a touched one stays, unlinked.
    Call inside a transaction: a failure half-way must leave nothing behind.
    """
    _store_dct(article, extraction, given_dct)
    rows = write_sentences_and_expressions(article, extraction)
    by_key = {event.key: event for event in existing or []}
    now = timezone.now()
    kept: list[Event] = []
    new_events: list[Event] = []
    for draft in draft_events(article, extraction, rows):
        event = by_key.pop(draft.key, None)
        if event is None:
            new_events.append(draft)
            continue
        event.sentence, event.expression = draft.sentence, draft.expression
        if event.pk not in touched and any(getattr(event, f) != getattr(draft, f) for f in ENGINE_EVENT_FIELDS):
            for name in ENGINE_EVENT_FIELDS:
                setattr(event, name, getattr(draft, name))
            event.updated = now  # bulk_update skips auto_now; a re-link alone is no change
        kept.append(event)
    gone = [event for event in by_key.values() if event.pk not in touched]
    EventTombstone.objects.bulk_create(
        EventTombstone(event_id=event.pk, article=article, title=event.title) for event in gone
    )
    Event.objects.filter(pk__in=[event.pk for event in gone]).delete()
    Event.objects.bulk_update(kept, ["sentence", "expression", *ENGINE_EVENT_FIELDS, "updated"])
    Event.objects.bulk_create(new_events)
    send_article_analysed(article.pk)


def _store_dct(article: Article, extraction: Extraction, given_dct: date | None) -> None:
    evidence = extraction.dct_evidence
    if given_dct is not None:
        article.published = given_dct
        article.dct_inferred = False
        if not article.dct_evidence:
            article.dct_evidence, article.dct_confidence = "Given at import.", 1.0
    else:
        article.published = extraction.dct
        article.dct_inferred = extraction.dct_inferred
        article.dct_evidence = fit(Article, "dct_evidence", evidence.evidence) if evidence else ""
        article.dct_confidence = evidence.confidence if evidence else None
    article.engine_mode = fit(Article, "engine_mode", extraction.mode)
    article.analysed = timezone.now()
    # Only the analysis fields: rewriting the (possibly long) text here would be wasted work.
    article.save(
        update_fields=["published", "dct_inferred", "dct_evidence", "dct_confidence", "engine_mode", "analysed"]
    )
