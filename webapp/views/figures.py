"""The timeline charts' data as JSON, fetched by ``timeline.js`` beside the page.

Kept out of the page so the browser builds the page and loads plotly.js while the
server builds the chart, and so paging through the event table never rebuilds or
resends the chart (about 1.3 MB at 10,000 events).
"""

from __future__ import annotations

from collections.abc import Sequence

from django.conf import settings
from django.db.models import QuerySet
from django.http import HttpRequest, JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe

from timeline import selectors
from timeline.models import Article
from webapp.charts.article.figure import timeline_figure_spec
from webapp.charts.payload import share_hover_strings
from webapp.views.access import browse_access
from webapp.views.chart_rows import chart_article, chart_event_row
from webapp.views.pages import timeline_lanes

FIGURE_CAP_HINT = "Open an article's or a story's page, or use the events API's filters, to see the rest."


def _most_recent(rows: QuerySet[dict], cap: int | None) -> tuple[list[dict], int]:
    """At most ``cap`` rows, the most recent happenings first kept, in date order; and how many were left out."""
    if cap is None:
        return list(rows), 0
    total = rows.count()
    if total <= cap:
        return list(rows), 0
    kept = list(rows.order_by("-earliest", "-latest", "-id")[:cap])
    return kept[::-1], total - cap


@require_safe
@browse_access
def timeline_figure(request: HttpRequest) -> JsonResponse:
    """The all-articles chart: one lane per article, in the page's lane order.

    Public and unfiltered, so bounded: past ``TIMELINE_FIGURE_MAX_EVENTS`` it keeps the
    most recent events and says in ``left_out`` how many it left out and where to see them.
    """
    return _figure_response(article_ids=None, articles=timeline_lanes(), cap=settings.TIMELINE_FIGURE_MAX_EVENTS)


@require_safe
@browse_access
def article_timeline_figure(request: HttpRequest, pk: int) -> JsonResponse:
    """One article's chart."""
    article = get_object_or_404(selectors.article_list(), pk=pk)
    return _figure_response(article_ids=[pk], articles=[article], cap=settings.TIMELINE_FIGURE_MAX_EVENTS)


def _figure_response(
    *, article_ids: list[int] | None, articles: Sequence[Article], cap: int | None = None
) -> JsonResponse:
    rows, left_out = _most_recent(selectors.event_rows(article_ids=article_ids), cap)
    events = [chart_event_row(row) for row in rows]
    figure = share_hover_strings(timeline_figure_spec(events, [chart_article(a) for a in articles]))
    if left_out:
        figure["left_out"] = {"events": left_out, "shown": len(events), "hint": FIGURE_CAP_HINT}
    # Plotly renders hover text as HTML; the chart builder escaped every piece of article text.
    return JsonResponse(figure, json_dumps_params={"separators": (",", ":")})
