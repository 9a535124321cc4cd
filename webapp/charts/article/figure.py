"""The interactive timeline figure, built by a pure function from plain dataclasses.

One lane per article (y), time on x.  Single days and times are WebGL markers,
ranges are thick line segments (one ``Scattergl`` trace per article, segments
separated by ``None``), open-ended references are clipped to the visible window
with an arrow at the open end, and each article's DCT is a dashed vertical line.
Plotly renders hover and tick text as HTML, so all article text is escaped here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import plotly.graph_objects as go

from timeline.display.dates import describe_event
from timeline.display.highlight import Span, excerpt, highlight
from timeline.temporal.types import OPEN_END, OPEN_START
from webapp.charts.geometry import events_outside, focus_window, lane_layout, point_x, visible_window
from webapp.charts.style import PALETTE, figure_layout, lane_label, plotly_escape

MARKER_PX, DENSE_MARKER_PX, DENSE_EVENTS = 10, 7, 2000
HOVER_TITLE_CHARS = 80
HOVER_WRAP = 64
# Hover sentences shrink as events grow; the detail page always has the full sentence.
HOVER_BUDGET_CHARS = 400_000
HOVER_SENTENCE_MAX, HOVER_SENTENCE_MIN = 300, 40
# Past this many events the hover leaves the sentence out (a click opens it): thousands of
# excerpts cost more to cut, escape and ship than the rest of the chart together.
HOVER_SENTENCE_EVENTS = DENSE_EVENTS
# Constant markup lives once per trace in the template, per-event text in customdata.
HOVER_TEMPLATE = (
    "<b>%{customdata[1]}</b>{badge}<br>“%{customdata[2]}” → %{customdata[3]}<br>"
    "%{customdata[4]}<b>%{customdata[5]}</b>%{customdata[6]}<extra></extra>"
)
HOVER_TEMPLATE_DENSE = (
    "<b>%{customdata[1]}</b>{badge}<br>“%{customdata[2]}” → %{customdata[3]}<br>"
    "<i>Click for the sentence.</i><extra></extra>"
)


@dataclass(frozen=True)
class ChartArticle:
    """One lane: an article and its document creation time."""

    id: int
    title: str
    published: date | None = None
    dct_inferred: bool = False


@dataclass(frozen=True)
class ChartEvent:
    """One dated happening; ``phrase_span`` locates the time phrase in ``sentence``."""

    id: int
    article_id: int
    title: str
    earliest: date
    latest: date
    value: str = ""
    granularity: str = "day"
    phrase: str = ""
    sentence: str = ""
    phrase_span: Span | None = None
    status: str = "proposed"

    @property
    def is_range(self) -> bool:
        return self.earliest < self.latest


def hover_fields(event: ChartEvent, sentence_chars: int) -> list[int | str]:
    """customdata of one point: id, then escaped title, phrase, dates in words, and the
    sentence split around the phrase (before, phrase as it appears there, after).
    With ``sentence_chars`` 0 the sentence fields are left out."""
    # In words, never the TIMEX code ("PXD") or an open end's 9999 date; the detail page has those.
    resolved = plotly_escape(describe_event(event))
    title = event.title if len(event.title) <= HOVER_TITLE_CHARS else event.title[: HOVER_TITLE_CHARS - 1] + "…"
    fields: list[int | str] = [event.id, plotly_escape(title), plotly_escape(event.phrase), resolved]
    if not sentence_chars:
        return fields
    before, marked, after = "", "", ""
    if event.sentence:
        # A same-length whitespace swap keeps ``phrase_span`` valid.
        flat = event.sentence.replace("\r", " ").replace("\n", " ").replace("\t", " ")
        text, span = excerpt(flat, event.phrase_span, sentence_chars)
        marked_up = highlight(text, span, tag="b", wrap=HOVER_WRAP, quote=False)
        # The text is escaped, so the only literal tags are the ones ``highlight`` added;
        # the template adds them back once per trace instead of once per event.
        before, _, rest = marked_up.partition("<b>") if span else (marked_up, "", "")
        marked, _, after = rest.partition("</b>")
    return [*fields, before, marked, after]


def timeline_figure_spec(events: Sequence[ChartEvent], articles: Sequence[ChartArticle]) -> dict[str, Any]:
    """The timeline figure as a plain, JSON-ready ``{"data", "layout"}`` dict.

    One lane per article in the order given; hidden events are dropped here even
    if a caller passes them.  Pages embed this dict directly: wrapping it in a
    validated ``go.Figure`` costs about a second at 10,000 events.
    """
    shown = [e for e in events if e.status != "hidden"]
    lanes = {article.id: index for index, article in enumerate(articles)}
    if unknown := {e.article_id for e in shown} - lanes.keys():
        raise ValueError(f"events refer to articles that were not given: {sorted(unknown)}")
    low, high = visible_window(shown, articles)
    sentence_chars = max(HOVER_SENTENCE_MIN, min(HOVER_SENTENCE_MAX, HOVER_BUDGET_CHARS // max(len(shown), 1)))
    if len(shown) > HOVER_SENTENCE_EVENTS:
        sentence_chars = 0
    focus = focus_window(shown, articles, low, high)
    view = focus or (low, high)
    offsets = lane_layout(shown)
    dense = len(shown) > DENSE_EVENTS
    by_article: dict[int, list[ChartEvent]] = {article.id: [] for article in articles}
    for event in shown:
        by_article[event.article_id].append(event)
    traces: list[dict[str, Any]] = []
    for article in articles:
        lane, own = lanes[article.id], by_article[article.id]
        colour = PALETTE[lane % len(PALETTE)]
        group = {"legendgroup": f"article-{article.id}", "name": lane_label(article.title)}
        ranges = [e for e in own if e.is_range]
        if ranges:
            traces.append(_range_bars(ranges, lane, offsets, colour, low, high, group))
        for approved in (False, True):
            chosen = [e for e in own if (e.status == "approved") == approved]
            if chosen:
                traces.append(
                    _markers(chosen, lane, offsets, colour, low, high, view, sentence_chars, group, approved, dense)
                )
    # Only the first trace of each article shows in the legend; the rest follow its group.
    seen: set[str] = set()
    for trace in traces:
        trace["showlegend"] = trace["legendgroup"] not in seen
        seen.add(trace["legendgroup"])
    outside = events_outside(shown, focus) if focus else 0
    return {"data": traces, "layout": figure_layout(articles, low, high, focus, outside)}


def build_timeline_figure(events: Sequence[ChartEvent], articles: Sequence[ChartArticle]) -> go.Figure:
    """The timeline as a validated Plotly figure (see ``timeline_figure_spec``)."""
    return go.Figure(timeline_figure_spec(events, articles))


def _clip(day: date, low: date, high: date) -> date:
    return min(max(day, low), high)


def _range_ends(event: ChartEvent, low: date, high: date) -> tuple[date, date]:
    end = event.latest + timedelta(days=1) if event.latest < OPEN_END else high
    return _clip(event.earliest, low, high), _clip(end, low, high)


def _range_bars(ranges, lane, offsets, colour, low, high, group) -> dict[str, Any]:
    xs: list[str | None] = []
    ys: list[float | None] = []
    sizes: list[int] = []
    symbols: list[str] = []
    for event in ranges:
        start, end = _range_ends(event, low, high)
        y = lane + offsets[event.id]
        xs += [start.isoformat(), end.isoformat(), None]
        ys += [y, y, None]
        sizes += [12 if event.earliest == OPEN_START else 0, 12 if event.latest == OPEN_END else 0, 0]
        symbols += ["triangle-left", "triangle-right", "circle"]
    trace = {
        "type": "scattergl", "x": xs, "y": ys, "mode": "lines", "connectgaps": False, "hoverinfo": "skip",
        "line": {"color": colour, "width": 7}, "opacity": 0.5, **group,
    }  # fmt: skip
    if any(sizes):
        trace.update(mode="lines+markers", marker={"size": sizes, "symbol": symbols, "color": colour})
    return trace


def _markers(chosen, lane, offsets, colour, low, high, view, sentence_chars, group, approved, dense) -> dict[str, Any]:
    xs: list[str] = []
    for event in chosen:
        if event.is_range:
            # The hover handle sits mid-way along the part of the bar the chart opens on.
            start, end = _range_ends(event, *view)
            if start >= end:
                start, end = _range_ends(event, low, high)
            xs.append((start + (end - start) / 2).isoformat())
        else:
            xs.append(point_x(event))
    size = DENSE_MARKER_PX if dense else MARKER_PX
    marker = (
        {"color": colour, "size": size + 4, "symbol": "diamond", "line": {"color": "#111827", "width": 1.5}}
        if approved
        else {"color": colour, "size": size, "symbol": "circle", "line": {"color": "#ffffff", "width": 1}}
    )
    return {
        "type": "scattergl", "x": xs, "y": [round(lane + offsets[e.id], 2) for e in chosen], "mode": "markers",
        "marker": marker, "customdata": [hover_fields(e, sentence_chars) for e in chosen],
        "hovertemplate": (HOVER_TEMPLATE if sentence_chars else HOVER_TEMPLATE_DENSE).replace(
            "{badge}", " ✓ approved" if approved else ""),
        **group,
    }  # fmt: skip
