"""Batch pages: per-item status and a progress bar fed by a small JSON endpoint (polled by batch.js).

Only signed-in users see batches, and only their own unless they may view batches in the admin.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.views.decorators.http import require_safe

from timeline import selectors as timeline_selectors
from timeline.jobs import selectors
from timeline.jobs.models import ImportBatch
from timeline.jobs.progress import BatchProgress


def _visible_batch(request: HttpRequest, pk: int) -> ImportBatch:
    try:
        return selectors.batch_visible_to(user=request.user).get(pk=pk)
    except ImportBatch.DoesNotExist as exc:
        raise Http404("No such batch.") from exc


@require_safe
@login_required
def batch_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The batch's items with their state; the page keeps itself up to date without reloading."""
    batch = _visible_batch(request, pk)
    progress = selectors.batch_progress(batch=batch)
    undated = list(timeline_selectors.undated_articles(article_ids=selectors.batch_article_ids(batch=batch))[:50])
    context = {
        "batch": batch, "progress": progress, "done": done_link(batch, progress), "undated": undated,
        "can_date": request.user.has_perm("timeline.change_article"),
    }  # fmt: skip
    return render(request, "webapp/batch.html", context)


@require_safe
@login_required
def batch_status_json(request: HttpRequest, pk: int) -> JsonResponse | HttpResponseBadRequest:
    """``{"id","kind","total","settled","percent","finished","counts","items":[...],"cursor","done"}``.

    Without ``?since=`` every item is listed; with ``?since=CURSOR`` (the ``cursor`` of the page
    or of the last answer) only the items that can have changed since: those from that position
    on that have left the queue. The counts are always the whole batch's.
    """
    since = request.GET.get("since")
    if since is not None and not since.isdecimal():
        return HttpResponseBadRequest("since must be a cursor from the batch page or an earlier answer.")
    batch = _visible_batch(request, pk)
    progress = selectors.batch_progress(batch=batch, since=None if since is None else int(since))
    data = progress.as_dict()
    for row in data["items"]:
        row["article_url"] = reverse("article-timeline", args=[row["article_id"]]) if row["article_id"] else None
    data["done"] = done_link(batch, progress)
    data["finished"] = progress.finished and batch.finished is not None  # its story is grouped by then
    return JsonResponse(data)


def done_link(batch: ImportBatch, progress: BatchProgress) -> dict[str, str] | None:
    """Where to go once the batch is done (its story regrouped): the story, the one article, or the timeline."""
    if not progress.finished or batch.finished is None:
        return None
    if batch.story is not None:
        try:
            return {"url": batch.story.get_absolute_url(), "label": f"Open the story “{batch.story.name}”"}
        except NoReverseMatch:  # story pages not installed: fall through to the articles
            pass
    articles = list(selectors.batch_article_ids(batch=batch)[:2])
    if len(articles) == 1:
        return {"url": reverse("article-timeline", args=[articles[0]]), "label": "Open the article's timeline"}
    if articles:
        return {"url": reverse("timeline"), "label": "Open the timeline"}
    return None
