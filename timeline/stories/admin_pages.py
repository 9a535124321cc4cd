"""Intermediate admin pages: split mentions out, join story events, add articles to a story.

Each shows what will happen, asks for the one choice a curator must make, then calls a service.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from django.template.response import TemplateResponse

from timeline.models import Article
from timeline.stories import curation, services
from timeline.stories.models import Story, StoryEvent, StoryMention


def _context(model_admin: admin.ModelAdmin, request: HttpRequest, title: str, action: str, **extra: object) -> dict:
    return {
        **model_admin.admin_site.each_context(request),
        "title": title,
        "opts": model_admin.model._meta,
        "action": action,
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        **extra,
    }


def split_page(
    model_admin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet[StoryEvent]
) -> TemplateResponse | None:
    """Pick mentions of the selected story events; each picked one becomes a story event of its own."""
    story_events = list(queryset.order_by("earliest", "pk"))
    mentions = list(
        StoryMention.objects.filter(story_event__in=story_events)
        .select_related("event__article", "event__sentence", "event__expression", "story_event")
        .order_by("story_event__earliest", "story_event_id", "pk")
    )
    if request.POST.get("confirm") == "yes":
        chosen = [m for m in mentions if str(m.pk) in request.POST.getlist("mention")]
        if chosen:
            done = 0
            for mention in chosen:
                try:
                    new = curation.story_mention_split(mention=mention)
                except ValidationError as error:
                    model_admin.message_user(request, f"“{mention.event}”: {' '.join(error.messages)}", messages.ERROR)
                    continue
                model_admin.log_change(request, new, f"Split out of “{mention.story_event}”.")
                done += 1
            model_admin.message_user(
                request, f"Split {done} mention(s) out; they will not be grouped with the others again.",
                messages.SUCCESS,
            )  # fmt: skip
            return None
        model_admin.message_user(request, "Tick the mentions that are a different happening.", messages.ERROR)
    return TemplateResponse(
        request, "admin/stories/storyevent/split.html",
        _context(model_admin, request, "Split mentions out", "split_mentions", story_events=story_events,
                 mentions=mentions),
    )  # fmt: skip


def join_page(
    model_admin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet[StoryEvent]
) -> TemplateResponse | None:
    """Choose the story event that survives (curated or approved first), then join the others into it."""
    story_events = list(queryset.select_related("story").order_by("earliest", "pk"))
    if len(story_events) < 2:
        model_admin.message_user(request, "Select at least two story events to join.", messages.WARNING)
        return None
    if request.POST.get("confirm") == "yes":
        survivor = next((se for se in story_events if str(se.pk) == request.POST.get("survivor")), None)
        if survivor is not None:
            try:
                joined = curation.story_events_join(story_events=story_events, into=survivor)
            except ValidationError as error:
                model_admin.message_user(request, " ".join(error.messages), messages.ERROR)
                return None
            model_admin.log_change(request, joined, f"Joined {len(story_events) - 1} story event(s) into this one.")
            model_admin.message_user(request, f"Joined into “{joined}”.", messages.SUCCESS)
            return None
        model_admin.message_user(request, "Choose the story event that survives.", messages.ERROR)
    preferred = sorted(story_events, key=lambda se: (se.status != StoryEvent.Status.APPROVED, not se.curated))[0]
    warnings = []
    if len({se.story_id for se in story_events}) > 1:
        warnings.append("They belong to different stories: only story events of one story can be joined.")
    if max(se.earliest for se in story_events) > min(se.latest for se in story_events):
        warnings.append("Their dates do not overlap; the survivor's dates are recomputed from all mentions.")
    return TemplateResponse(
        request, "admin/stories/storyevent/join.html",
        _context(model_admin, request, "Join story events", "join_story_events", story_events=story_events,
                 survivor=preferred, warnings=warnings),
    )  # fmt: skip


@admin.action(description="Add selected articles to a story…", permissions=["change"])
def add_to_story(
    model_admin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet[Article]
) -> TemplateResponse | None:
    """Article admin action: ask for the story's name (new or existing), add the articles, regroup."""
    articles = list(queryset.order_by("published", "pk"))
    error = ""
    if request.POST.get("confirm") == "yes":
        try:
            story = services.story_get_or_create(name=request.POST.get("story_name", ""))
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            services.story_add_articles(story=story, articles=articles)
            for article in articles:
                model_admin.log_change(request, article, f"Added to the story “{story}”.")
            model_admin.message_user(
                request, f"Added {len(articles)} article(s) to “{story}”; its story events are regrouped.",
                messages.SUCCESS,
            )  # fmt: skip
            return None
    return TemplateResponse(
        request, "admin/timeline/article/add_to_story.html",
        _context(model_admin, request, "Add articles to a story", "add_to_story", articles=articles,
                 stories=Story.objects.order_by("name").values_list("name", flat=True), error=error,
                 story_name=request.POST.get("story_name", "")),
    )  # fmt: skip
