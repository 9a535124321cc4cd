"""Send the chart's hover text once: repeated strings become indexes into one list.

Thousands of events repeat the same phrases ("on Monday"), dates and titles; the
page ships each distinct string once and ``timeline.js`` puts the text back into
``customdata`` before Plotly draws, so hover templates and click handlers see the
figure exactly as ``timeline_figure_spec`` built it.
"""

from __future__ import annotations

from typing import Any


def share_hover_strings(spec: dict[str, Any]) -> dict[str, Any]:
    """A copy of ``spec`` whose customdata rows are ``[id, i, j, …]`` into ``spec["strings"]``."""
    index: dict[str, int] = {}
    data = []
    for trace in spec["data"]:
        rows = trace.get("customdata")
        if rows:
            # setdefault hands out the next free index the first time a string is seen.
            trace = {**trace, "customdata": [[row[0], *(index.setdefault(s, len(index)) for s in row[1:])]
                                             for row in rows]}  # fmt: skip
        data.append(trace)
    return {**spec, "data": data, "strings": list(index)}


def expand_hover_strings(spec: dict[str, Any]) -> dict[str, Any]:
    """The inverse of ``share_hover_strings`` (what ``timeline.js`` does in the browser)."""
    strings = spec.get("strings")
    if strings is None:
        return spec
    data = [
        {**trace, "customdata": [[row[0], *(strings[i] for i in row[1:])] for row in trace["customdata"]]}
        if trace.get("customdata") else trace
        for trace in spec["data"]
    ]  # fmt: skip
    return {key: value for key, value in spec.items() if key != "strings"} | {"data": data}
