"""JSON: the events API, and an article's TimelineJS file (written by the one TimelineJS exporter)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.views.decorators.http import require_safe

from timeline import selectors
from timeline.exports import export_bytes
from timeline.exports.document import article_document
from timeline.models import MAX_ID, Event
from timeline.temporal.types import OPEN_END, OPEN_START
from webapp.views.access import api_access

# A page of events is about 300 KB of JSON: small enough to be quick, large enough that
# most single-article timelines fit on one page.
API_PAGE_SIZE = 1000


# What the events API understands; anything else is a 400, not silently ignored.
EVENT_PARAMETERS = ("article", "start", "end", "status", "page")
# Hidden events are never public; merged-away ones show as their survivor.
API_STATUSES = (Event.Status.PROPOSED, Event.Status.APPROVED)


class BadQuery(ValueError):
    """A query parameter the API cannot use; the message says which and why."""


def parse_event_filters(params: QueryDict) -> dict[str, Any]:
    """``article`` (repeatable or comma-separated ids), ``start``/``end`` (ISO dates) and
    ``status`` (proposed/approved, repeatable or comma-separated) as selector kwargs."""
    if unknown := sorted(set(params) - set(EVENT_PARAMETERS)):
        raise BadQuery(f"Unknown parameter{'s' if len(unknown) > 1 else ''} {', '.join(unknown)}; "
                       f"the accepted ones are {', '.join(EVENT_PARAMETERS)}.")  # fmt: skip
    filters: dict[str, Any] = {}
    raw_ids = [part.strip() for value in params.getlist("article") for part in value.split(",")]
    if raw_ids:
        if not all(part.isdecimal() and 0 < int(part) <= MAX_ID for part in raw_ids):
            raise BadQuery(
                f"article must be positive whole numbers (repeat it or separate with commas); got {params.getlist('article')!r}."
            )
        filters["article_ids"] = sorted({int(part) for part in raw_ids})
    for name in ("start", "end"):
        if value := params.get(name, "").strip():
            try:
                filters[name] = date.fromisoformat(value)
            except ValueError as exc:
                raise BadQuery(f"{name} must be a date like 2024-04-13; got {value!r}.") from exc
    if "start" in filters and "end" in filters and filters["start"] > filters["end"]:
        raise BadQuery("start must be on or before end.")
    statuses = [part.strip() for value in params.getlist("status") for part in value.split(",")]
    if statuses:
        if not set(statuses) <= set(API_STATUSES):
            raise BadQuery(f"status must be {' or '.join(API_STATUSES)} (repeat it or separate with commas); "
                           f"got {params.getlist('status')!r}.")  # fmt: skip
        filters["statuses"] = sorted(set(statuses))
    return filters


def event_json(row: dict[str, Any]) -> dict[str, Any]:
    """One event for the API, from a ``selectors.event_rows`` dict.

    ``earliest``/``latest`` are ISO dates; an open-ended event ("from Saturday on")
    has ``open_end`` true and ``latest`` 9999-12-31 (``open_start``: earliest 0001-01-01).
    """
    return {
        "id": row["id"],
        "article": row["article_id"],
        "title": row["title"],
        "earliest": row["earliest"].isoformat(),
        "latest": row["latest"].isoformat(),
        "value": row["value"],
        "granularity": row["granularity"],
        "phrase": row["expression__text"] or "",
        "sentence": row["sentence__text"] or "",
        "status": row["status"],
        "curated": row["curated"],  # a person changed it; re-analysis keeps it as it is
        "article_title": row["article__title"],
        "article_url": row["article__url"],  # where the article was published ("" when unknown)
        "article_published": row["article__published"].isoformat() if row["article__published"] else None,
        # Open ends are stored as 0001-01-01 / 9999-12-31; these say so without date arithmetic.
        "open_start": row["earliest"] == OPEN_START,
        "open_end": row["latest"] == OPEN_END,
    }


def parse_page(params: QueryDict) -> int:
    raw = params.get("page", "1").strip()
    if not raw.isdecimal() or int(raw) < 1:
        raise BadQuery(f"page must be a whole number from 1; got {raw!r}.")
    return int(raw)


@require_safe
@api_access
def events_json(request: HttpRequest) -> JsonResponse:
    """Shown events (hidden and merged-away ones left out), optionally filtered, a page at a time.

    ``count`` is the number of matching events; ``next`` links the following page
    (``null`` on the last), so any client reads a large timeline in bounded pieces.
    """
    try:
        filters = parse_event_filters(request.GET)
        number = parse_page(request.GET)
    except BadQuery as exc:
        return JsonResponse({"error": str(exc)}, status=400)
    paginator = Paginator(selectors.event_rows(**filters), API_PAGE_SIZE)
    if number > paginator.num_pages:
        return JsonResponse({"error": f"page must be at most {paginator.num_pages}; got {number}."}, status=400)
    page = paginator.page(number)
    return JsonResponse({
        "count": paginator.count,
        "page": number,
        "pages": paginator.num_pages,
        "next": _page_url(request, number + 1) if page.has_next() else None,
        "previous": _page_url(request, number - 1) if page.has_previous() else None,
        "events": [event_json(row) for row in page.object_list],
    })  # fmt: skip


def _page_url(request: HttpRequest, number: int) -> str:
    params = request.GET.copy()
    params["page"] = str(number)
    return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")


@require_safe
@api_access
def timelinejs_json(request: HttpRequest, pk: int) -> JsonResponse:
    """The article's events as a Knight Lab TimelineJS JSON file (a JSON 404 for an unknown article)."""
    article = selectors.article_list().filter(pk=pk).first()
    if article is None:
        return JsonResponse({"error": f"No article with id {pk}."}, status=404)
    body = export_bytes(article_document(article=article), "timelinejs")
    return HttpResponse(body, content_type="application/json")
