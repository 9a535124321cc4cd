"""Look of the story chronology: a date axis, one row per story event, and two range buttons."""

from __future__ import annotations

from datetime import date
from typing import Any

from webapp.charts.style import TICK_FORMATS

VISIBLE_ROWS = 30
ROW_PX = 26
MIN_HEIGHT_PX, MAX_HEIGHT_PX = 320, 900
BUTTONS_WIDTH_PX = 190


def _buttons(view: tuple[date, date], full: tuple[date, date], note: int | None) -> list[dict]:
    def button(label: str, window: tuple[date, date], note_visible: bool) -> dict:
        args: dict[str, Any] = {"xaxis.range": [window[0].isoformat(), window[1].isoformat()]}
        if note is not None:
            args[f"annotations[{note}].visible"] = note_visible
        return {"label": label, "method": "relayout", "args": [args]}

    return [{
        "type": "buttons", "direction": "right", "x": 0, "xanchor": "left", "y": 1.0, "yanchor": "bottom",
        "showactive": True, "active": 0, "pad": {"r": 0, "t": 0, "b": 6}, "bgcolor": "#f8fafc",
        "bordercolor": "#cbd5e1", "font": {"size": 12},
        "buttons": [button("Most events", view, True), button("All dates", full, False)],
    }]  # fmt: skip


def story_layout(*, rows: int, view: tuple[date, date], full: tuple[date, date], first_row: int,
                 outside: int) -> dict[str, Any]:  # fmt: skip
    """Layout for ``rows`` story events opening on ``view`` (x) and ``first_row`` (y, top row
    first); ``outside`` events not in ``view`` are counted in a note beside the buttons."""
    visible = max(1, min(rows, VISIBLE_ROWS))
    annotations: list[dict] = []
    note = None
    zoomed = view != full
    if zoomed and outside:
        annotations.append({
            "xref": "paper", "yref": "paper", "x": 0, "y": 1.0, "xanchor": "left", "yanchor": "bottom",
            "xshift": BUTTONS_WIDTH_PX, "yshift": 6, "showarrow": False, "visible": True, "name": "outside-note",
            "font": {"size": 12, "color": "#b45309"},
            "text": f"{outside} event{'s' if outside != 1 else ''} outside this view — click “All dates”",
        })  # fmt: skip
        note = 0
    if rows > visible:
        annotations.append({
            "xref": "paper", "yref": "paper", "x": 1, "y": 1.0, "xanchor": "right", "yanchor": "bottom", "yshift": 6,
            "showarrow": False, "font": {"size": 12, "color": "#475569"},
            "text": f"{visible} of {rows} rows: drag up or down for more",
        })  # fmt: skip
    return {
        "template": "none", "paper_bgcolor": "#ffffff", "plot_bgcolor": "#ffffff",
        "height": min(max(110 + ROW_PX * visible, MIN_HEIGHT_PX), MAX_HEIGHT_PX),
        "margin": {"l": 16, "r": 16, "t": 44 if zoomed or rows > visible else 16, "b": 40},
        "updatemenus": _buttons(view, full, note) if zoomed else [],
        "hovermode": "closest", "dragmode": "pan", "showlegend": False,
        "hoverlabel": {"bgcolor": "#ffffff", "bordercolor": "#94a3b8", "align": "left",
                       "font": {"size": 13, "color": "#111827"}},
        "font": {"family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", "color": "#1f2937"},
        "xaxis": {"type": "date", "range": [view[0].isoformat(), view[1].isoformat()], "showgrid": True,
                  "gridcolor": "#eef0f3", "tickformatstops": TICK_FORMATS, "hoverformat": "%d %b %Y",
                  "zeroline": False, "automargin": True, "showline": True, "linecolor": "#cbd5e1"},
        # Top row first; the tick labels are the titles beside the markers, so none here.
        "yaxis": {"range": [first_row + visible - 0.5, first_row - 0.5], "tickvals": [], "showticklabels": False,
                  "showgrid": False, "zeroline": False, "fixedrange": rows <= visible},
        "annotations": annotations,
    }  # fmt: skip
