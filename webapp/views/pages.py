"""The read pages: article list, timelines (all articles or one) and event detail."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from timeline import selectors
from timeline.display.event_text import event_phrase_span
from timeline.display.highlight import paragraph_around
from timeline.models import Article, Event
from timeline.stories import selectors as story_selectors
from timeline.stories.models import Story
from webapp.views.access import browse_access

TABLE_PAGE_SIZE = 200
ARTICLE_PAGE_SIZE = 50


@require_safe
@browse_access
def article_list(request: HttpRequest) -> HttpResponse:
    """The home page: stories first (with article and event counts), then every article, newest first."""
    page = Paginator(selectors.article_list(), ARTICLE_PAGE_SIZE).get_page(request.GET.get("page"))
    stories = story_selectors.story_list() if page.number == 1 else None
    return render(request, "webapp/article_list.html", {"page": page, "articles": page.object_list, "stories": stories})


@require_safe
@browse_access
def timeline_all(request: HttpRequest) -> HttpResponse:
    """All articles on one timeline, one lane per article (the chart bounded, see ``figures``)."""
    return _timeline_page(request, article_ids=None, articles=timeline_lanes(), article=None)


def timeline_lanes() -> list[Article]:
    """Every article as a chart lane: oldest publication first, so the chart reads top-down like the table."""
    return sorted(selectors.article_list(), key=_lane_order)


@require_safe
@browse_access
def article_timeline(request: HttpRequest, pk: int) -> HttpResponse:
    """One article's timeline with its DCT and how it was found."""
    article = get_object_or_404(selectors.article_page_list(), pk=pk)
    merged_away = list(selectors.events_merged_away(article_id=pk)) if article.has_merged_away else []
    return _timeline_page(
        request,
        article_ids=[pk],
        articles=[article],
        article=article,
        merged_away=merged_away,
        stories=list(story_selectors.stories_of_article(article_id=pk)),
    )


@require_safe
@browse_access
def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One event: dates as phrased and resolved, its sentence within its paragraph.

    A hidden event is only for people who may change events (404 for the rest); a
    merged-away event redirects to the event it was merged into; an event re-analysis
    removed (its sentence left the article) redirects to its article with a note.
    """
    try:
        event = selectors.event_get(pk=pk)
    except Event.DoesNotExist as exc:
        tombstone = selectors.event_tombstone(event_id=pk)
        if tombstone is None:
            raise Http404("No such event.") from exc
        messages.info(
            request,
            f'Event {pk} ("{tombstone.title}") is no longer in this article: '
            "its sentence or time phrase changed when the article was re-analysed.",
        )
        return redirect(tombstone.article)
    can_change = request.user.is_staff and request.user.has_perm("timeline.change_event")
    if event.status == Event.Status.HIDDEN and not can_change:
        raise Http404("No such event.")
    survivor = selectors.event_survivor(event=event)
    if survivor.pk != event.pk:
        return redirect("event-detail", pk=survivor.pk)
    context: dict[str, Any] = {"event": event, "article": event.article, "paragraph": None, "can_change": can_change}
    if event.sentence is not None:
        span = event_phrase_span(event)
        context["paragraph"] = paragraph_around(event.article.text, event.sentence.start, event.sentence.text, span)
    context["merged_events"] = list(selectors.event_merged_list(event=event))
    context["story_events"] = list(story_selectors.story_events_of_event(event_id=event.pk, include_hidden=can_change))
    return render(request, "webapp/event_detail.html", context)


def _lane_order(article: Article) -> tuple[bool, date, int]:
    return article.published is None, article.published or date.min, article.pk


def _timeline_page(
    request: HttpRequest,
    *,
    article_ids: list[int] | None,
    articles: Sequence[Article],
    article: Article | None,
    merged_away: Sequence[Event] = (),
    stories: Sequence[Story] = (),
) -> HttpResponse:
    # The chart's data comes from its own URL (figure_url): the browser fetches it while
    # plotly.js loads, and paging through the table does not rebuild or resend the chart.
    page = Paginator(selectors.event_list(article_ids=article_ids), TABLE_PAGE_SIZE).get_page(request.GET.get("page"))
    figure_url = reverse("article-timeline-figure", args=[article.pk]) if article else reverse("timeline-figure")
    context = {
        "article": article,
        "articles": articles,
        "blank_mode_articles": [a for a in articles if a.engine_mode == "blank"],
        "figure_url": figure_url,
        "event_count": page.paginator.count,
        "page": page,
        "events": page.object_list,
        "merged_away": merged_away,  # this article's events now shown as another event
        "stories": stories,  # the stories the article is in, linked from its page
    }
    if article is None:  # the all-articles chart shows only the most recent events; the table has them all
        context["chart_cap"] = settings.TIMELINE_FIGURE_MAX_EVENTS
        context["chart_left_out"] = max(0, page.paginator.count - settings.TIMELINE_FIGURE_MAX_EVENTS)
    return render(request, "webapp/timeline.html", context)
