"""Serve plotly.js from the installed plotly package, with or without DEBUG.

No CDN and no collectstatic copy of the whole package: one file, versioned URL,
cached for a year, gzipped once in memory for clients that accept it.
"""

from __future__ import annotations

import gzip
from functools import cache
from pathlib import Path

import plotly
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_GET

PLOTLY_JS = Path(plotly.__file__).resolve().parent / "package_data" / "plotly.min.js"
PLOTLY_VERSION = plotly.__version__
YEAR_SECONDS = 365 * 24 * 3600


@cache
def _plotly_bytes(compressed: bool) -> bytes:
    data = PLOTLY_JS.read_bytes()
    return gzip.compress(data, compresslevel=6, mtime=0) if compressed else data


@require_GET
def plotly_js(request: HttpRequest) -> HttpResponse:
    """plotly.min.js; the URL carries the package version, so it can be cached as immutable."""
    compressed = "gzip" in request.headers.get("Accept-Encoding", "")
    response = HttpResponse(_plotly_bytes(compressed), content_type="text/javascript; charset=utf-8")
    if compressed:
        response["Content-Encoding"] = "gzip"
    response["Cache-Control"] = f"public, max-age={YEAR_SECONDS}, immutable"
    patch_vary_headers(response, ["Accept-Encoding"])
    return response
