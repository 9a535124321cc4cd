"""Writing pages: import articles (at once, or as a queued batch), re-analyse one, date an undated one.

Each needs the model permission it uses: ``timeline.add_article`` to import (and
``stories.change_story`` to put the import into a story), ``timeline.change_article`` to
re-analyse or re-date; a curator's date is recorded as such, so it must come from one.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from timeline import selectors, services
from timeline.exceptions import DuplicateArticle, ImportRejected
from timeline.jobs.services import batch_create
from timeline.models import Article
from timeline.stories.selectors import story_names
from timeline.stories.services import story_add_articles, story_get_or_create
from webapp.forms import ImportForm, PublishedForm
from webapp.views.access import write_access

ADD_ARTICLE = "timeline.add_article"
CHANGE_ARTICLE = "timeline.change_article"
CHANGE_STORY = "stories.change_story"


@write_access(ADD_ARTICLE)
def import_article(request: HttpRequest) -> HttpResponse:
    """Paste or upload; one ordinary article opens its timeline, anything longer or larger a batch page."""
    form = ImportForm(request.POST or None, request.FILES or None)
    duplicate: Article | None = None
    if request.method == "POST" and form.is_valid() and _may_file_in_story(request, form):
        story_name = form.cleaned_data["story"]
        if form.batch_items is not None:
            batch = batch_create(items=form.batch_items, user=request.user, story_name=story_name)
            return redirect("batch-detail", pk=batch.pk)
        data = form.article_input
        try:
            article = services.article_import(
                text=data.text, title=data.title, published=data.published, source=data.source, url=data.url,
                place=data.place,
            )  # fmt: skip
        except DuplicateArticle as exc:
            duplicate = exc.article
            _add_to_story(story_name, duplicate)
        except ImportRejected as exc:
            form.add_error(None, str(exc))
        else:
            _add_to_story(story_name, article)
            _report_import(request, article, form.warnings)
            return redirect("article-timeline", pk=article.pk)
    return render(request, "webapp/import.html", {"form": form, "duplicate": duplicate, "story_names": story_names()})


@write_access(CHANGE_ARTICLE)
@require_POST
def reanalyse_article(request: HttpRequest, pk: int) -> HttpResponse:
    """Run the engine again on a stored article, keeping curated events."""
    try:
        article = selectors.article_get(pk=pk)
    except Article.DoesNotExist as exc:
        raise Http404("No such article.") from exc
    try:
        article = services.article_reanalyse(article=article)
    except ImportRejected as exc:
        messages.error(request, f"Re-analysis failed: {exc}")
    else:
        messages.success(request, f"Re-analysed “{article.title}”; events you curated were kept.")
    return redirect("article-timeline", pk=pk)


@write_access(CHANGE_ARTICLE)
@require_POST
def set_article_date(request: HttpRequest, pk: int) -> HttpResponse:
    """Give an article its publication date and re-analyse it against that date."""
    try:
        article = selectors.article_get(pk=pk)
    except Article.DoesNotExist as exc:
        raise Http404("No such article.") from exc
    form = PublishedForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["published"]))
        return redirect("article-timeline", pk=pk)
    published = form.cleaned_data["published"]
    try:
        article = services.article_update(
            article=article, title=article.title, source=article.source, published=published
        )
    except (ImportRejected, ValidationError) as exc:
        detail = " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
        messages.error(request, f"The date was not saved: {detail}")
        return redirect("article-timeline", pk=pk)
    found = selectors.event_list(article_ids=[pk]).count()
    messages.success(request, f"Dated {published:%d %B %Y} and re-analysed: {found} event{'s' if found != 1 else ''}.")
    return redirect("article-timeline", pk=pk)


def _may_file_in_story(request: HttpRequest, form: ImportForm) -> bool:
    """Naming a story changes it: without the permission the whole import is refused, nothing half-done."""
    if form.cleaned_data["story"].strip() and not request.user.has_perm(CHANGE_STORY):
        form.add_error("story", "Your account may not add articles to stories; leave the story empty.")
        return False
    return True


def _add_to_story(name: str, article: Article) -> None:
    if name.strip():
        story_add_articles(story=story_get_or_create(name=name), articles=[article])


def _report_import(request: HttpRequest, article: Article, warnings: list[str]) -> None:
    if article.published is None:
        messages.warning(
            request,
            f"Imported “{article.title}”: no publication date was given or found, so relative "
            "dates could not be resolved. Add the date on its page.",
        )
    elif article.dct_inferred:
        # An inferred date is a claim to check, never a success: every relative date hangs on it.
        confidence = (
            "confidence not recorded" if article.dct_confidence is None else f"confidence {article.dct_confidence:.0%}"
        )
        messages.warning(
            request,
            f"Imported “{article.title}”, dated {article.published:%d %B %Y} inferred from "
            f"“{article.dct_evidence}” ({confidence}): check the "
            "date on its page; every relative date counts from it.",
        )
    else:
        messages.success(request, f"Imported “{article.title}”, dated {article.published:%d %B %Y}.")
    for warning in warnings:
        messages.warning(request, warning)
