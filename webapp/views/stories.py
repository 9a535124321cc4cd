"""Story pages: the list, the story's chronology (chart + filters + table), its chart data and exports."""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from timeline.entities.clusters import EntityCluster
from timeline.entities.selectors import story_entity as story_entity_lookup
from timeline.entities.selectors import story_entity_list
from timeline.models import MAX_ID
from timeline.stories import selectors
from timeline.stories.key_dates import KeyDate, candidates_from_rows, key_dates
from timeline.stories.models import Story
from webapp.charts.payload import share_hover_strings
from webapp.charts.story.figure import chart_order, story_figure_spec
from webapp.story_filters import StoryFilterForm, filter_query, is_filtered, story_filters, with_entity_names
from webapp.views.access import browse_access
from webapp.views.story_rows import story_events_from_rows

TABLE_PAGE_SIZE = 100
ENTITY_CHOICES = 60  # suggested in the filter, most mentioned first
MAX_PRINTED_HAPPENINGS = 2000  # a printed chronology past this is no longer read on paper
# (format, button label): what each download is called where people click it.
EXPORT_FORMATS = (("json", "JSON"), ("csv", "CSV"), ("ics", "Calendar"), ("timelinejs", "TimelineJS"),
                  ("timeml", "TimeML"))  # fmt: skip


def _story_or_404(slug: str) -> Story:
    try:
        return selectors.story_get(slug=slug)
    except Story.DoesNotExist as exc:
        raise Http404("No such story.") from exc


def _filters(request: HttpRequest, articles: list) -> tuple[StoryFilterForm, selectors.StoryFilters]:
    form = StoryFilterForm(request.GET, articles=[(a.pk, a.title) for a in articles])
    return form, story_filters(form)


@require_safe
@browse_access
def story_list(request: HttpRequest) -> HttpResponse:
    """Every story with its article and event counts."""
    return render(request, "webapp/story_list.html", {"stories": selectors.story_list()})


@require_safe
@browse_access
def story_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """The story's chronology: chart (from ``story-figure``), filters in the URL, table of events with sources."""
    return _story_page(request, _story_or_404(slug), entity=None)


@require_safe
@browse_access
def story_entity(request: HttpRequest, slug: str, key: str) -> HttpResponse:
    """One person's, organisation's or place's chronology in the story: the happenings naming it."""
    story = _story_or_404(slug)
    entity = story_entity_lookup(story=story, name=key)
    if entity is None:
        raise Http404("No such person, organisation or place in this story.")
    return _story_page(request, story, entity=entity)


def _story_page(request: HttpRequest, story: Story, *, entity: EntityCluster | None) -> HttpResponse:
    articles = list(selectors.story_articles(story=story))
    entities = story_entity_list(story=story, limit=None)
    form, filters = _filters(request, articles)
    if entity is not None:
        filters = replace(filters, entity=entity.label, entity_names=entity.written)
    filters = with_entity_names(entities, filters) if entity is None else filters
    # The paginator only counts; the page's story events and their mentions come in one query.
    paginator = Paginator(selectors.story_event_list(story=story, filters=filters), TABLE_PAGE_SIZE)
    page = paginator.get_page(_page_number(request, story, filters))
    rows = []
    if paginator.count:
        window = (page.start_index() - 1, TABLE_PAGE_SIZE)
        rows = list(selectors.story_mention_rows(story=story, filters=filters, page=window))
    query = filter_query(request.GET)
    if entity is not None:
        query = "&".join(part for part in (query, urlencode({"entity": entity.label})) if part)
    figure_url = reverse("story-figure", args=[story.slug]) + (f"?{query}" if query else "")
    context = {
        "story": story,
        "articles": articles,
        "outlets": selectors.outlets_of(articles),
        "entities": entities[:ENTITY_CHOICES],
        "undated": [a for a in articles if a.published is None],
        "can_date": request.user.has_perm("timeline.change_article"),
        # The story's key dates open the unfiltered page; a filtered view shows what it kept.
        "key_dates": [] if entity is not None or is_filtered(filters) else _key_dates(story),
        "chart_cap": settings.TIMELINE_FIGURE_MAX_EVENTS,
        "entity": entity,
        "form": form,
        "filtered": is_filtered(filters),
        "query": query,
        "page": page,
        "event_count": paginator.count,
        "story_events": chart_order(story_events_from_rows(rows)),
        "figure_url": figure_url,
        "export_formats": EXPORT_FORMATS,
        # Curators confirm, split, join or rename a happening in the admin; the page links each row there.
        "can_curate": request.user.is_staff and request.user.has_perm("stories.change_storyevent"),
    }
    return render(request, "webapp/story_detail.html", context)


@require_safe
@browse_access
def story_print(request: HttpRequest, slug: str) -> HttpResponse:
    """The printable chronology: key dates, then every happening the filters keep with its sources;
    no chart, navigation or filters (the print stylesheet hides the rest)."""
    story = _story_or_404(slug)
    articles = list(selectors.story_articles(story=story))
    entities = story_entity_list(story=story, limit=None)
    form, filters = _filters(request, articles)
    filters = with_entity_names(entities, filters)
    rows = list(selectors.story_mention_rows(story=story, filters=filters, page=(0, MAX_PRINTED_HAPPENINGS + 1)))
    story_events = story_events_from_rows(rows)
    context = {
        "story": story,
        "articles": articles,
        "filters_text": [(field.label, value) for field in form for value in [form.data.get(field.name, "")] if value],
        "key_dates": [] if is_filtered(filters) else _key_dates(story),
        "story_events": story_events[:MAX_PRINTED_HAPPENINGS],
        "cut": len(story_events) > MAX_PRINTED_HAPPENINGS,
        "max_printed": MAX_PRINTED_HAPPENINGS,
    }
    return render(request, "webapp/story_print.html", context)


def _key_dates(story: Story) -> list[KeyDate]:
    return key_dates(candidates_from_rows(selectors.by_story_event(selectors.key_date_rows(story=story))))


def _page_number(request: HttpRequest, story: Story, filters: selectors.StoryFilters) -> str | int | None:
    """``?at=<story event id>`` (a click on the chart) opens the table page holding that event."""
    at = request.GET.get("at", "")
    if at.isdecimal() and int(at) <= MAX_ID:
        position = selectors.story_event_position(story=story, story_event_id=int(at), filters=filters)
        if position is not None:
            return position // TABLE_PAGE_SIZE + 1
    return request.GET.get("page")


@require_safe
@browse_access
def story_figure(request: HttpRequest, slug: str) -> JsonResponse:
    """The story chart's data for the filters in the query string: one query (two when nothing matches)."""
    form = StoryFilterForm(request.GET, articles=None)
    filters = story_filters(form)
    if filters.entity:  # the entity's every name needs the story: one query more, only then
        filters = with_entity_names(story_entity_list(story=_story_or_404(slug), limit=None), filters)
    cap = settings.TIMELINE_FIGURE_MAX_EVENTS
    # One happening past the cap tells that some were left out; counting them costs a query only then.
    rows = list(selectors.story_mention_rows(slug=slug, filters=filters, page=(0, cap + 1)))
    if not rows and not selectors.story_exists(slug=slug):
        raise Http404("No such story.")
    events = story_events_from_rows(rows)
    left_out = 0
    if len(events) > cap:
        events = events[:cap]
        left_out = selectors.story_event_list(story=_story_or_404(slug), filters=filters).count() - cap
    figure = share_hover_strings(story_figure_spec(events))
    if left_out:
        figure["left_out"] = {
            "events": left_out,
            "shown": cap,
            "hint": "Narrow the dates or other filters to chart the rest.",
        }
    # Plotly renders hover text as HTML; the chart builder escaped every piece of article text.
    return JsonResponse(figure, json_dumps_params={"separators": (",", ":")})
