"""Download a story's or an article's export (``?status=approved`` for approved events only; a story's
export also takes the story page's filters)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe

from timeline import selectors as timeline_selectors
from timeline.entities.selectors import story_entity_list
from timeline.exports import EXPORT_FORMATS, export_bytes, export_filename
from timeline.exports.document import ExportDocument, article_document, story_document
from timeline.stories import selectors
from timeline.stories.models import Story, StoryEvent
from webapp.story_filters import FILTER_FIELDS, StoryFilterForm, filter_words, story_filters, with_entity_names
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
    """The story's export, narrowed by the story page's filters when the link carries them."""
    if fmt not in EXPORT_FORMATS:
        raise Http404("No such export format.")
    if unknown := sorted(set(request.GET) - set(FILTER_FIELDS)):
        accepted = ", ".join(FILTER_FIELDS)
        return JsonResponse({"error": f"Unknown parameter {', '.join(unknown)}; the accepted ones are {accepted}."},
                            status=400)  # fmt: skip
    try:
        story = selectors.story_get(slug=slug)
    except Story.DoesNotExist as exc:
        raise Http404("No such story.") from exc
    form = StoryFilterForm(request.GET, articles=None)
    if not form.is_valid():
        problems = "; ".join(f"{name}: {' '.join(errors)}" for name, errors in form.errors.items())
        return JsonResponse({"error": f"Some filters cannot be used ({problems})."}, status=400)
    filters = story_filters(form)
    if filters.entity:  # the entity's every name needs the story's entities: one query more, only then
        filters = with_entity_names(story_entity_list(story=story, limit=None), filters)
    approved = filters.statuses == (StoryEvent.Status.APPROVED,)
    words = tuple((label, value) for label, value in filter_words(form) if not (approved and label == "Status"))
    document = story_document(story=story, approved_only=approved, filters=filters, filtered_by=words)
    return _download(document, fmt)


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
