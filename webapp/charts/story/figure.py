"""The story chronology: one row per story event in time order, built by a pure function.

Each story event is one marker (its size and label count its sources: distinct articles), ranges are
bars, open-ended references are a short arrow whose length follows the opening
view (so they never stretch it). Short titles are written beside the markers of
the rows the chart opens on; the rest read on hover. Plotly renders labels and
hover text as HTML, so every piece of article text is escaped here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cached_property
from typing import Any

from timeline.display.dates import describe_event
from timeline.display.highlight import Span, excerpt, highlight, phrase_span
from timeline.stories.counting import SourceCount, by_article, source_count
from timeline.temporal.types import OPEN_END, OPEN_START
from webapp.charts.geometry import events_outside, point_x
from webapp.charts.story.layout import VISIBLE_ROWS, story_layout
from webapp.charts.story.window import full_window, opening_rows, opening_window
from webapp.charts.style import plotly_escape, shorten

LABEL_CHARS = 42
# Labels are drawn for the rows the chart opens on, at most this many.
LABEL_ROWS = 60
HOVER_SOURCES = 4
HOVER_WRAP = 70
# Sentences in the hover shrink as the story grows, and go (a click opens the row) past 2,000 events.
HOVER_BUDGET_CHARS = 400_000
HOVER_SENTENCE_MAX, HOVER_SENTENCE_MIN = 220, 60
HOVER_SENTENCE_EVENTS = 2000
ARROW_SHARE = 0.06  # an open end's arrow, as a share of the opening view
NOON = timedelta(hours=12)  # where single days sit (chart_layout.point_x); open ends leave from there
COLOURS = {"proposed": "#2563eb", "approved": "#047857"}
BAR_COLOUR = "rgba(37, 99, 235, 0.45)"


@dataclass(frozen=True)
class StorySource:
    """One mention of a story event: the article that reports it and its sentence (an article can
    tell a happening in several sentences: one source, several mentions)."""

    event_id: int
    article_id: int
    article_title: str
    outlet: str = ""
    sentence: str = ""
    phrase: str = ""
    phrase_offset: int | None = None  # where the engine stored the phrase, relative to the sentence

    @property
    def phrase_span(self) -> Span | None:
        """The phrase's place in the sentence, checked against the text (computed on use: a
        dense chart never needs it)."""
        if not self.sentence or not self.phrase:
            return None
        return phrase_span(self.sentence, self.phrase, self.phrase_offset)


@dataclass(frozen=True)
class StoryChartEvent:
    """One happening of the story with all the articles that report it."""

    id: int
    title: str
    earliest: date
    latest: date
    value: str = ""
    granularity: str = "day"
    status: str = "proposed"
    # Its mentions, oldest article first; ``count`` and ``articles`` say how many sources they are.
    sources: tuple[StorySource, ...] = ()

    @property
    def is_range(self) -> bool:
        return self.earliest < self.latest

    @cached_property
    def count(self) -> SourceCount:
        """Distinct articles and outlets, and mentions (``counting.source_count``)."""
        return source_count((s.article_id, s.outlet) for s in self.sources)

    @cached_property
    def articles(self) -> list[list[StorySource]]:
        """The mentions gathered per article: one entry per source."""
        return by_article(self.sources, lambda s: s.article_id)


def marker_size(count: int) -> int:
    """10 px for one source (article), growing with each further article up to six."""
    return 10 + 4 * (min(max(count, 1), 6) - 1)


def chart_label(event: StoryChartEvent) -> str:
    """Escaped short title with its number of articles, written beside the marker."""
    title = plotly_escape(shorten(event.title, LABEL_CHARS))
    return f"{title} ×{event.count.articles}" if event.count.articles > 1 else title


def hover_text(event: StoryChartEvent, sentence_chars: int) -> str:
    """Escaped HTML: title, dates in words, articles, outlets and mentions, then each article
    with its first sentence (and how many it has)."""
    lines = [f"<b>{plotly_escape(shorten(event.title, 90))}</b>",
             f"{plotly_escape(describe_event(event))} · {plotly_escape(event.count.label)}"
             + (" · ✓ approved" if event.status == "approved" else "")]  # fmt: skip
    for mentions in event.articles[:HOVER_SOURCES]:
        source = mentions[0]
        outlet = f" ({plotly_escape(shorten(source.outlet, 40))})" if source.outlet else ""
        times = f" · {len(mentions)} mentions" if len(mentions) > 1 else ""
        lines.append(f"<i>{plotly_escape(shorten(source.article_title, 70))}</i>{outlet}{times}")
        if sentence_chars and source.sentence:
            # A same-length whitespace swap keeps ``phrase_span`` valid.
            flat = source.sentence.replace("\r", " ").replace("\n", " ").replace("\t", " ")
            text, span = excerpt(flat, source.phrase_span, sentence_chars)
            lines.append(f"  “{highlight(text, span, tag='b', wrap=HOVER_WRAP, quote=False)}”")
    if len(event.articles) > HOVER_SOURCES:
        more = len(event.articles) - HOVER_SOURCES
        lines.append(f"… and {more} more article{'s' if more != 1 else ''} (click for all)")
    return "<br>".join(lines)


def story_figure_spec(events: Sequence[StoryChartEvent]) -> dict[str, Any]:
    """The chronology as a JSON-ready ``{"data", "layout"}`` dict; ``events`` in time order.

    Customdata rows are ``[story event id, hover html]``; hidden events are dropped.
    """
    # Time order down to the time of day, so a row never sits above an earlier moment.
    shown = chart_order([e for e in events if e.status != "hidden"])
    low, high = full_window(shown)
    view = opening_window(shown)
    first, _ = opening_rows(shown, view, VISIBLE_ROWS)
    # Small stories show every row; long ones open on the rows of the opening view.
    first = 0 if len(shown) <= VISIBLE_ROWS else min(first, len(shown) - VISIBLE_ROWS)
    last = min(len(shown), first + LABEL_ROWS) - 1
    arrow = timedelta(days=max(1, round((view[1] - view[0]).days * ARROW_SHARE)))
    sentences = sum(len(e.sources) for e in shown)
    sentence_chars = max(HOVER_SENTENCE_MIN, min(HOVER_SENTENCE_MAX, HOVER_BUDGET_CHARS // max(sentences, 1)))
    if len(shown) > HOVER_SENTENCE_EVENTS:
        sentence_chars = 0
    traces: list[dict[str, Any]] = []
    bars = _bars(shown, view, arrow)
    if bars:
        traces.append(bars)
    for status in ("proposed", "approved"):
        rows = [(row, e) for row, e in enumerate(shown) if e.status == status]
        if rows:
            traces.append(_markers(rows, status, view, arrow, sentence_chars))
    # Labels are SVG text above the WebGL markers (WebGL text reads no markup, so no bold
    # and no escapes); only the rows the chart opens on, so 10,000 events stay quick.
    # Only events the opening view shows get a label: one hanging in from outside reads as a stray letter.
    in_view = [row for row in range(first, last + 1) if shown[row].latest >= view[0] and shown[row].earliest < view[1]]
    places = {row: label_place(shown[row], view, arrow) for row in in_view}
    for position in LABEL_POSITIONS:
        rows = [(row, shown[row], places[row][0]) for row in in_view if places[row][1] == position]
        if rows:
            traces.append(_labels(rows, position, view, arrow))
    layout = story_layout(rows=len(shown), view=view, full=(low, high), first_row=first,
                          outside=events_outside(shown, view))  # fmt: skip
    return {"data": traces, "layout": layout}


LABEL_POSITIONS = ("middle right", "middle left", "top right")


def chart_order(events: Sequence[StoryChartEvent]) -> list[StoryChartEvent]:
    """``events`` in the chart's row order: by date, then time of day (the table uses it too)."""
    return sorted(events, key=_moment)


def _moment(event: StoryChartEvent) -> tuple[date, date, str, int]:
    return event.earliest, event.latest, point_x(event) if not event.is_range else "", event.id


def label_place(event: StoryChartEvent, view: tuple[date, date], arrow: timedelta) -> tuple[str, str]:
    """Where a label goes (x, Plotly textposition) so it never runs through its own bar:
    after the drawn end when that is in the left 60% of the view, else before the drawn
    start when there is room on the left, else above the bar (a period filling the view)."""
    start, end = _drawn_span(event, view, arrow)
    width = view[1] - view[0]
    if end <= datetime.combine(view[0] + width * 0.6, datetime.min.time()):
        return end.isoformat(" ", "minutes"), "middle right"
    if start >= datetime.combine(view[0] + width * 0.4, datetime.min.time()):
        return start.isoformat(" ", "minutes"), "middle left"
    return start.isoformat(" ", "minutes"), "top right"


def _drawn_span(event: StoryChartEvent, view: tuple[date, date], arrow: timedelta) -> tuple[datetime, datetime]:
    """The part of the view the event's bar, arrow or marker covers."""
    if event.earliest == OPEN_START or event.latest == OPEN_END:
        return _arrow_span(event, arrow)
    if not event.is_range:
        point = datetime.fromisoformat(point_x(event))
        return point, point
    low, high = datetime.combine(view[0], datetime.min.time()), datetime.combine(view[1], datetime.min.time())
    start = datetime.combine(event.earliest, datetime.min.time())
    end = datetime.combine(event.latest + timedelta(days=1), datetime.min.time())
    return max(start, low), min(end, high)


def _x(day: date) -> str:
    return datetime(day.year, day.month, day.day).isoformat(" ", "minutes")


def _arrow_span(event: StoryChartEvent, arrow: timedelta) -> tuple[datetime, datetime]:
    """The short arrow of an open-ended event, from or to noon of its known day: at midnight
    "from Sat 13 Apr on" looked like a Friday beside the day's other points, which sit at noon."""
    if event.earliest == OPEN_START:
        known = datetime.combine(event.latest, datetime.min.time()) + NOON
        return known - arrow, known
    known = datetime.combine(event.earliest, datetime.min.time()) + NOON
    return known, known + arrow


def _handle_x(event: StoryChartEvent, view: tuple[date, date], arrow: timedelta) -> str:
    """Where the marker (hover handle) sits: its moment, the middle of the part of a range
    in view, or the known end of an open one."""
    if event.earliest == OPEN_START:
        return _arrow_span(event, arrow)[1].isoformat(" ", "minutes")
    if event.latest == OPEN_END:
        return _arrow_span(event, arrow)[0].isoformat(" ", "minutes")
    if not event.is_range:
        return point_x(event)
    start, end = max(event.earliest, view[0]), min(event.latest + timedelta(days=1), view[1])
    if start >= end:
        start, end = event.earliest, event.latest + timedelta(days=1)
    return (datetime.combine(start, datetime.min.time()) + (end - start) / 2).isoformat(" ", "minutes")


def _bars(events: Sequence[StoryChartEvent], view: tuple[date, date], arrow: timedelta) -> dict[str, Any] | None:
    xs: list[str | None] = []
    ys: list[int | None] = []
    tips: list[int] = []
    symbols: list[str] = []
    for row, event in enumerate(events):
        if event.earliest == OPEN_START or event.latest == OPEN_END:
            xs += [moment.isoformat(" ", "minutes") for moment in _arrow_span(event, arrow)] + [None]
            tips += [12, 0, 0] if event.earliest == OPEN_START else [0, 12, 0]
            symbols += (["triangle-left", "circle", "circle"] if event.earliest == OPEN_START
                        else ["circle", "triangle-right", "circle"])  # fmt: skip
        elif event.is_range:
            xs += [_x(event.earliest), _x(event.latest + timedelta(days=1)), None]
            tips += [0, 0, 0]
            symbols += ["circle", "circle", "circle"]
        else:
            continue
        ys += [row, row, None]
    if not xs:
        return None
    trace: dict[str, Any] = {
        "type": "scattergl", "x": xs, "y": ys, "mode": "lines", "connectgaps": False, "hoverinfo": "skip",
        "line": {"color": BAR_COLOUR, "width": 8}, "showlegend": False, "name": "periods",
    }  # fmt: skip
    if any(tips):
        trace.update(mode="lines+markers", marker={"size": tips, "symbol": symbols, "color": BAR_COLOUR})
    return trace


def _labels(rows, position, view, arrow) -> dict[str, Any]:
    pad = {"middle right": "\u2003{}", "middle left": "{}\u2003"}.get(position, "{}")
    # meta.spans: what each label's event covers on the axis, so timeline.js can move a label
    # to the side of its event with room and cut it to fit on a narrow chart.
    spans = [[moment.isoformat(" ", "minutes") for moment in _drawn_span(e, view, arrow)] for _, e, _ in rows]
    return {
        "type": "scatter", "mode": "text", "name": "labels", "hoverinfo": "skip", "showlegend": False,
        "x": [x for _, _, x in rows], "y": [row for row, _, _ in rows],
        "text": [pad.format(chart_label(e)) for _, e, _ in rows], "meta": {"spans": spans},
        "textposition": position, "cliponaxis": True, "textfont": {"size": 12, "color": "#1f2937"},
    }  # fmt: skip


def _markers(rows, status, view, arrow, sentence_chars) -> dict[str, Any]:
    events = [e for _, e in rows]
    colour = COLOURS.get(status, COLOURS["proposed"])
    approved = status == "approved"
    return {
        "type": "scattergl", "mode": "markers", "name": "approved" if approved else "proposed",
        "x": [_handle_x(e, view, arrow) for e in events], "y": [row for row, _ in rows],
        "marker": {"color": colour, "size": [marker_size(e.count.articles) + (2 if approved else 0) for e in events],
                   "symbol": "diamond" if approved else "circle", "line": {"color": "#ffffff", "width": 1}},
        "customdata": [[e.id, hover_text(e, sentence_chars)] for e in events],
        "hovertemplate": "%{customdata[1]}<extra></extra>", "showlegend": False,
    }  # fmt: skip
