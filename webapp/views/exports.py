"""Download a story's or an article's export (``?status=approved`` for approved events only)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe

from timeline import selectors as timeline_selectors
from timeline.exports import EXPORT_FORMATS, export_bytes, export_filename
from timeline.exports.document import ExportDocument, article_document, story_document
from timeline.stories import selectors
from timeline.stories.models import Story
from webapp.views.access import api_access

EXPORT_PARAMETERS = ("status",)


def _approved_only(request: HttpRequest) -> bool | JsonResponse:
    if unknown := sorted(set(request.GET) - set(EXPORT_PARAMETERS)):
        return JsonResponse(
            {"error": f"Unknown parameter {', '.join(unknown)}; the accepted one is status."}, status=400
        )
    status = request.GET.get("status", "")
    if status not in ("", "approved"):
        return JsonResponse({"error": f"status must be approved (or left out); got {status!r}."}, status=400)
    return status == "approved"


def _download(document: ExportDocument, fmt: str) -> HttpResponse:
    response = HttpResponse(export_bytes(document, fmt), content_type=EXPORT_FORMATS[fmt].content_type)
    response["Content-Disposition"] = f'attachment; filename="{export_filename(document, fmt)}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_safe
@api_access
def story_export(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    if fmt not in EXPORT_FORMATS:
        raise Http404("No such export format.")
    approved = _approved_only(request)
    if isinstance(approved, JsonResponse):
        return approved
    try:
        story = selectors.story_get(slug=slug)
    except Story.DoesNotExist as exc:
        raise Http404("No such story.") from exc
    return _download(story_document(story=story, approved_only=approved), fmt)


@require_safe
@api_access
def article_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    if fmt not in EXPORT_FORMATS:
        raise Http404("No such export format.")
    approved = _approved_only(request)
    if isinstance(approved, JsonResponse):
        return approved
    article = get_object_or_404(timeline_selectors.article_list(), pk=pk)
    return _download(article_document(article=article, approved_only=approved), fmt)
