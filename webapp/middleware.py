"""Refuse request bodies over ``TIMELINE_MAX_REQUEST_BYTES`` before anything reads them."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.defaultfilters import filesizeformat


class RequestSizeLimitMiddleware:
    """Answer 413 with a readable page when the declared body size is over the limit.

    Django caps form fields in memory but streams uploaded files to disk whatever
    their size; checking Content-Length first means an oversized upload is never
    read, spooled or parsed (and nothing is written).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limit = settings.TIMELINE_MAX_REQUEST_BYTES
        size = _declared_size(request)
        if size > limit:
            message = (
                f"The request is {size:,} bytes ({filesizeformat(size)}); the limit is {limit:,} bytes "
                f"({filesizeformat(limit)}). Nothing was saved. Upload a smaller file or split the article."
            )
            return render(request, "413.html", {"message": message}, status=413)
        return self.get_response(request)


def _declared_size(request: HttpRequest) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0  # Django treats a malformed length as an empty body
