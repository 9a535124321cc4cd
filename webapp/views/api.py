"""JSON exports: the events API and a Knight Lab TimelineJS file per article."""

from __future__ import annotations

import html
from datetime import date
from typing import Any

from django.http import HttpRequest, JsonResponse, QueryDict
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from timeline import selectors
from timeline.models import Event
from timeline.temporal.types import OPEN_END, OPEN_START
from webapp.charts import format_resolved
from webapp.highlight import highlight
from webapp.views.access import api_access
from webapp.views.chart_rows import event_phrase, event_phrase_span, event_sentence


class BadQuery(ValueError):
    """A query parameter the API cannot use; the message says which and why."""


def parse_event_filters(params: QueryDict) -> dict[str, Any]:
    """``article`` (repeatable or comma-separated ids), ``start``/``end`` (ISO dates) as selector kwargs."""
    filters: dict[str, Any] = {}
    raw_ids = [part.strip() for value in params.getlist("article") for part in value.split(",")]
    if raw_ids:
        if not all(part.isdecimal() and int(part) > 0 for part in raw_ids):
            raise BadQuery(f"article must be positive whole numbers (repeat it or separate with commas); got {params.getlist('article')!r}.")
        filters["article_ids"] = sorted({int(part) for part in raw_ids})
    for name in ("start", "end"):
        if value := params.get(name, "").strip():
            try:
                filters[name] = date.fromisoformat(value)
            except ValueError as exc:
                raise BadQuery(f"{name} must be a date like 2024-04-13; got {value!r}.") from exc
    if "start" in filters and "end" in filters and filters["start"] > filters["end"]:
        raise BadQuery("start must be on or before end.")
    return filters


def event_json(event: Event) -> dict[str, Any]:
    return {
        "id": event.pk,
        "article": event.article_id,
        "title": event.title,
        "earliest": event.earliest.isoformat(),
        "latest": event.latest.isoformat(),
        "value": event.value,
        "granularity": event.granularity,
        "phrase": event_phrase(event),
        "sentence": event_sentence(event),
        "status": event.status,
    }


@require_GET
@api_access
def events_json(request: HttpRequest) -> JsonResponse:
    """Shown events (hidden and merged-away ones left out), optionally filtered."""
    try:
        filters = parse_event_filters(request.GET)
    except BadQuery as exc:
        return JsonResponse({"error": str(exc)}, status=400)
    events = [event_json(e) for e in selectors.event_list(**filters)]
    return JsonResponse({"count": len(events), "events": events})


def _timelinejs_date(day: date) -> dict[str, int]:
    return {"year": day.year, "month": day.month, "day": day.day}


def timelinejs_event(event: Event, group: str) -> dict[str, Any]:
    """One TimelineJS slide; TimelineJS renders headline/text as HTML, so both are escaped."""
    # Open ends have no date TimelineJS could place; anchor the slide on the known side.
    start = event.latest if event.earliest == OPEN_START else event.earliest
    slide: dict[str, Any] = {
        "unique_id": f"event-{event.pk}",
        "start_date": _timelinejs_date(start),
        "text": {
            "headline": html.escape(event.title),
            "text": f"<p>“{html.escape(event_phrase(event))}” → {html.escape(format_resolved(event.earliest, event.latest))}</p>"
            f"<p>{highlight(event_sentence(event), event_phrase_span(event), tag='mark')}</p>",
        },
        "group": group,
    }
    if OPEN_START < event.earliest < event.latest < OPEN_END:
        slide["end_date"] = _timelinejs_date(event.latest)
    return slide


@require_GET
@api_access
def timelinejs_json(request: HttpRequest, pk: int) -> JsonResponse:
    """The article's events as a Knight Lab TimelineJS JSON file."""
    article = get_object_or_404(selectors.article_list(), pk=pk)
    group = html.escape(article.title)
    published = f"Published {article.published:%d %B %Y}" if article.published else "Publication date unknown"
    source = f" · {html.escape(article.source)}" if article.source else ""
    return JsonResponse({
        "title": {"text": {"headline": group, "text": f"<p>{published}{source}</p>"}},
        "events": [timelinejs_event(e, group) for e in selectors.event_list(article_ids=[pk])],
    })  # fmt: skip
