"""The timeline charts' data as JSON, fetched by ``timeline.js`` beside the page.

Kept out of the page so the browser builds the page and loads plotly.js while the
server builds the chart, and so paging through the event table never rebuilds or
resends the chart (about 1.3 MB at 10,000 events).
"""

from __future__ import annotations

from collections.abc import Sequence

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


@require_safe
@browse_access
def timeline_figure(request: HttpRequest) -> JsonResponse:
    """The all-articles chart: one lane per article, in the page's lane order."""
    return _figure_response(article_ids=None, articles=timeline_lanes())


@require_safe
@browse_access
def article_timeline_figure(request: HttpRequest, pk: int) -> JsonResponse:
    """One article's chart."""
    article = get_object_or_404(selectors.article_list(), pk=pk)
    return _figure_response(article_ids=[pk], articles=[article])


def _figure_response(*, article_ids: list[int] | None, articles: Sequence[Article]) -> JsonResponse:
    events = [chart_event_row(row) for row in selectors.event_rows(article_ids=article_ids)]
    figure = share_hover_strings(timeline_figure_spec(events, [chart_article(a) for a in articles]))
    # Plotly renders hover text as HTML; the chart builder escaped every piece of article text.
    return JsonResponse(figure, json_dumps_params={"separators": (",", ":")})
