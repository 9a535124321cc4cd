"""Look of the timeline figure: colours, lane labels, axes and the DCT lines."""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any, Protocol

PALETTE = (
    "#2563eb",
    "#d97706",
    "#059669",
    "#dc2626",
    "#7c3aed",
    "#0891b2",
    "#db2777",
    "#65a30d",
    "#92400e",
    "#475569",
)
LANE_LABEL_CHARS = 36
MIN_HEIGHT_PX = 380
MAX_HEIGHT_PX = 8000  # WebGL canvases stop drawing somewhere past 16k px
# More lanes than this scroll inside the chart (drag the article names): the canvas stays
# under 1,000 px, where a tall one took seconds to draw without a GPU (headless, old laptops).
VISIBLE_LANES = 30
# The two range buttons take about this much room at font size 12; the note sits after them.
OUTSIDE_NOTE_SHIFT_PX = 230
# Keyed on the tick step (ms). Hours only for steps under a day: a one-day step used to
# match the first stop (its range is inclusive) and label every tick "00:00".
# timeline.js puts day and week steps at noon, where single-day events sit.
TICK_FORMATS = [
    {"dtickrange": [None, 43_200_000], "value": "%H:%M\n%d %b %Y"},
    {"dtickrange": [86_400_000, 1_209_600_000], "value": "%a %d %b\n%Y"},
    {"dtickrange": [1_209_600_001, "M1"], "value": "%d %b\n%Y"},
    {"dtickrange": ["M1", "M12"], "value": "%b %Y"},
    {"dtickrange": ["M12", None], "value": "%Y"},
]


class LaneArticle(Protocol):
    title: str
    published: date | None
    dct_inferred: bool


def plotly_escape(text: str) -> str:
    """``text`` safe for Plotly's HTML-like labels and hover: ``&``, ``<`` and ``>`` escaped,
    quotes left as they are. Plotly decodes only a few named entities (``&amp;``, ``&lt;``,
    ``&gt;``, numeric ones) and shows ``&quot;`` literally; quotes need no escaping anyway,
    since article text never lands inside a tag's attribute once ``<`` is escaped."""
    return html.escape(text, quote=False)


def shorten(text: str, limit: int) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def lane_label(title: str) -> str:
    """Escaped, shortened article title for tick labels and the legend."""
    return plotly_escape(shorten(title, LANE_LABEL_CHARS))


def lane_height(lanes: int) -> int:
    """Pixels per lane: roomy for a few articles, compact for many."""
    return 110 if lanes <= 6 else 60 if lanes <= 20 else 28


def publication_marks(articles: Sequence[LaneArticle], start: date, end: date) -> tuple[list[dict], list[dict]]:
    """A dashed vertical line and a label at each article's DCT, within its lane; labels
    near the right edge of ``start..end`` go left of their line so they are not cut off."""
    shapes: list[dict] = []
    labels: list[dict] = []
    for lane, article in enumerate(articles):
        if article.published is None:
            continue
        x = datetime(article.published.year, article.published.month, article.published.day, 12).isoformat(
            " ", "minutes"
        )
        colour = PALETTE[lane % len(PALETTE)]
        shapes.append(
            {
                "type": "line",
                "xref": "x",
                "yref": "y",
                "x0": x,
                "x1": x,
                "y0": lane - 0.48,
                "y1": lane + 0.48,
                "layer": "below",
                "line": {"color": colour, "width": 1.5, "dash": "dash"},
            }
        )
        if lane_height(len(articles)) < 60:
            continue  # no room for a label in compact lanes; the line stays
        label = "published (inferred)" if article.dct_inferred else "published"
        near_right = (article.published - start).days > 0.7 * max((end - start).days, 1)
        text = f"{label} {article.published:%d %b %Y}"
        labels.append(
            {
                "x": x,
                "y": lane - 0.47,
                "xref": "x",
                "yref": "y",
                "showarrow": False,
                "xanchor": "right" if near_right else "left",
                "yanchor": "top",
                "text": f"{text} " if near_right else f" {text}",
                "font": {"size": 11, "color": colour},
            }
        )
    return shapes, labels


def range_buttons(focus: tuple[date, date], low: date, high: date, note: int | None = None) -> list[dict]:
    """Two buttons above the chart: the focused stretch and every date. ``note`` is the index
    of the "events outside this view" annotation, shown only with the focused stretch."""

    def button(label: str, start: date, end: date, note_visible: bool) -> dict:
        args = {"xaxis.range": [start.isoformat(), end.isoformat()]}
        if note is not None:
            args[f"annotations[{note}].visible"] = note_visible
        return {"label": label, "method": "relayout", "args": [args]}

    return [{
        "type": "buttons", "direction": "right", "x": 0, "xanchor": "left", "y": 1.02, "yanchor": "bottom",
        "showactive": True, "active": 0, "pad": {"r": 0, "t": 0}, "bgcolor": "#f8fafc", "bordercolor": "#cbd5e1",
        "font": {"size": 12},
        "buttons": [button("Around publication", *focus, True), button("All dates", low, high, False)],
    }]  # fmt: skip


def outside_note(outside: int) -> dict:
    """Says how many events the opening view leaves out, beside the buttons that show them."""
    text = f"{outside} event{'s' if outside != 1 else ''} outside this view — click “All dates”"
    return {"xref": "paper", "yref": "paper", "x": 0, "y": 1.02, "xanchor": "left", "yanchor": "bottom",
            "xshift": OUTSIDE_NOTE_SHIFT_PX, "yshift": 9, "showarrow": False, "visible": True, "name": "outside-note",
            "font": {"size": 12, "color": "#b45309"}, "text": text}  # fmt: skip


def figure_layout(
    articles: Sequence[LaneArticle], low: date, high: date, focus: tuple[date, date] | None = None, outside: int = 0
) -> dict[str, Any]:
    """Layout: date axis over ``low..high`` (opening on ``focus`` when given, with a note on
    the ``outside`` events it leaves out), one labelled lane per article, top lane first."""
    lanes = max(len(articles), 1)
    visible = min(lanes, VISIBLE_LANES)
    start, end = focus or (low, high)
    shapes, labels = publication_marks(articles, start, end)
    if lanes > visible:
        labels.append(
            {
                "xref": "paper",
                "yref": "paper",
                "x": 1,
                "y": 1.0,
                "xanchor": "right",
                "yanchor": "bottom",
                "showarrow": False,
                "font": {"size": 12, "color": "#475569"},
                "text": f"{visible} of {lanes} articles shown: drag the article names up or down for the rest",
            }
        )
    note = None
    if focus and outside:
        labels.append(outside_note(outside))
        note = len(labels) - 1
    separators = [
        {
            "type": "line",
            "xref": "paper",
            "yref": "y",
            "x0": 0,
            "x1": 1,
            "y0": lane - 0.5,
            "y1": lane - 0.5,
            "layer": "below",
            "line": {"color": "#e5e7eb", "width": 1},
        }
        for lane in range(1, len(articles))
    ]
    return {
        "template": "none",
        "paper_bgcolor": "#ffffff",
        "plot_bgcolor": "#ffffff",
        "height": min(max(150 + lane_height(lanes) * visible, MIN_HEIGHT_PX), MAX_HEIGHT_PX),
        "margin": {"l": 10, "r": 20, "t": 48 if focus else 28, "b": 40},
        "updatemenus": range_buttons(focus, low, high, note) if focus else [],
        "hovermode": "closest",
        "dragmode": "zoom",
        "showlegend": 1 < len(articles) <= VISIBLE_LANES,
        "legend": {
            "orientation": "h",
            "x": 0,
            "y": -0.08,
            "yanchor": "top",
            "font": {"size": 12},
            "title": {"text": "Articles:", "font": {"size": 12}},
        },
        "hoverlabel": {
            "bgcolor": "#ffffff",
            "bordercolor": "#94a3b8",
            "align": "left",
            "font": {"size": 13, "color": "#111827"},
        },
        "font": {"family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", "color": "#1f2937"},
        "xaxis": {
            "type": "date",
            "range": [start.isoformat(), end.isoformat()],
            "showgrid": True,
            "gridcolor": "#eef0f3",
            "tickformatstops": TICK_FORMATS,
            "hoverformat": "%d %b %Y",
            "zeroline": False,
            "automargin": True,
            "showline": True,
            "linecolor": "#cbd5e1",
        },
        "yaxis": {
            "range": [visible - 0.5, -0.5],
            "tickmode": "array",
            "tickvals": list(range(len(articles))),
            "ticktext": [lane_label(a.title) for a in articles],
            "showgrid": False,
            "zeroline": False,
            "automargin": True,
            "fixedrange": lanes <= visible,
            "showticklabels": len(articles) > 1,
        },  # one article: the page heading names it
        "shapes": separators + shapes,
        "annotations": labels,
    }
