"""Admin for events: list, filter and edit through services; approve, hide, merge, unmerge, re-analyse."""

from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from timeline import selectors, services
from timeline.admin.common import edited_in_words, reanalyse
from timeline.admin.lookups import GuardedModelAdmin
from timeline.display.dates import describe_event
from timeline.display.event_text import marked_sentence
from timeline.ingest.files import shorten
from timeline.models import Article, Event

# Shown read-only on the event page; the sentence itself appears as "source sentence".
EVENT_ENGINE_FIELDS = ("article", "expression", "key", "merged_into", "edited")


def default_survivor(events: list[Event]) -> Event:
    """The event a merge keeps unless the curator picks another: not merged away, then approved,
    then curated, then the earliest created (``events`` is in that order)."""
    return min(
        events,
        key=lambda e: (e.merged_into_id is not None, e.status != Event.Status.APPROVED, not e.curated),
    )


class MergedFilter(admin.SimpleListFilter):
    """Merged into another event (shown as that one on the timeline) or not."""

    title = "merged"
    parameter_name = "merged"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        return [("yes", "Yes: merged into another"), ("no", "No")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Event]) -> QuerySet[Event]:
        if self.value() in ("yes", "no"):
            return queryset.filter(merged_into__isnull=self.value() == "no")
        return queryset


@admin.register(Event)
class EventAdmin(GuardedModelAdmin):
    list_display = ("title", "article_title", "when", "status", "merged_into_link", "edited")
    list_filter = ("article", "status", MergedFilter, "granularity", "curated", "earliest")
    list_select_related = ("article", "merged_into")
    search_fields = ("title", "sentence__text", "notes")
    date_hierarchy = "earliest"
    fields = (
        "title", "source_sentence", "article_published", "when", "earliest", "latest", "value", "granularity",
        "status", "notes", *EVENT_ENGINE_FIELDS, "merged_events_list", "created", "updated",
    )  # fmt: skip
    readonly_fields = (
        *EVENT_ENGINE_FIELDS, "when", "source_sentence", "article_published", "merged_events_list", "created", "updated",
    )  # fmt: skip
    actions = ["approve_events", "hide_events", "merge_events", "unmerge_events", "reanalyse_event_articles"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # events come from the engine

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False  # re-analysis would bring a deleted event back; hide it instead

    @admin.display(description="article", ordering="article__title")
    def article_title(self, event: Event) -> str:
        return shorten(event.article.title, 60)

    @admin.display(description="when", ordering="earliest")
    def when(self, event: Event) -> str:
        return describe_event(event)

    @admin.display(description="merged into", ordering="merged_into__title")
    def merged_into_link(self, event: Event) -> str:
        if event.merged_into is None:
            return "—"
        url = reverse("admin:timeline_event_change", args=[event.merged_into_id])
        return format_html('<a href="{}">{}</a>', url, shorten(event.merged_into.title, 60))

    @admin.display(description="edited by a person", ordering="curated", empty_value="")
    def edited(self, event: Event) -> str:
        return edited_in_words(event)

    @admin.display(description="article published")
    def article_published(self, event: Event) -> str:
        """The date relative phrases were resolved against, and where it came from."""
        article = event.article
        if article.published is None:
            return "unknown: relative dates could not be resolved"
        how = f"inferred from “{article.dct_evidence}”" if article.dct_inferred else "given"
        return f"{article.published:%A %d %B %Y} ({how})"

    @admin.display(description="source sentence")
    def source_sentence(self, event: Event) -> str:
        if event.sentence is None:
            return "(the sentence is gone from the latest analysis)"
        return marked_sentence(event)  # escaped, its time phrase in <mark>: as the pages show it

    @admin.display(description="merged events")
    def merged_events_list(self, event: Event) -> str:
        merged = selectors.event_merged_list(event=event)
        return format_html_join(", ", "{} ({})", ((e.title, e.article.title) for e in merged)) or "—"

    def save_model(self, request: HttpRequest, obj: Event, form: object, change: bool) -> None:
        changed = {
            name: form.cleaned_data[name] for name in form.changed_data if name in services.EDITABLE_EVENT_FIELDS
        }
        services.event_update(event=obj, **changed)
        obj.refresh_from_db()

    @admin.action(description="Approve selected events", permissions=["change"])
    def approve_events(self, request: HttpRequest, queryset: QuerySet[Event]) -> None:
        _set_status(self, request, queryset, Event.Status.APPROVED)

    @admin.action(description="Hide selected events", permissions=["change"])
    def hide_events(self, request: HttpRequest, queryset: QuerySet[Event]) -> None:
        _set_status(self, request, queryset, Event.Status.HIDDEN)

    @admin.action(description="Merge selected events…", permissions=["change"])
    def merge_events(self, request: HttpRequest, queryset: QuerySet[Event]) -> TemplateResponse | None:
        """Ask which event survives (with warnings), then merge the others into it."""
        events = list(queryset.select_related("article", "sentence", "merged_into").order_by("created", "id"))
        if len(events) < 2:
            self.message_user(request, "Select at least two events to merge.", messages.WARNING)
            return None
        if request.POST.get("confirm") == "yes":
            survivor = next((e for e in events if str(e.pk) == request.POST.get("survivor")), None)
            if survivor is not None:
                self._merge(request, events, survivor)
                return None
            self.message_user(request, "Choose the event that survives the merge.", messages.ERROR)
        context = {
            **self.admin_site.each_context(request),
            "title": "Merge events",
            "opts": self.model._meta,
            "events": [(event, describe_event(event)) for event in events],
            "survivor": default_survivor(events),
            "warnings": merge_warnings(events),
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/timeline/event/merge_confirmation.html", context)

    def _merge(self, request: HttpRequest, events: list[Event], survivor: Event) -> None:
        others = [e for e in events if e.pk != survivor.pk]
        try:
            root = services.event_merge(events=others, into=survivor)
        except ValidationError as exc:
            self.message_user(request, " ".join(exc.messages), messages.ERROR)
            return
        for event in others:
            self.log_change(request, event, f'Merged into "{root}" (event {root.pk}).')
        self.log_change(request, root, f"Merged {len(others)} event(s) into this one.")
        self.message_user(
            request, f'Merged {len(others)} event(s) into "{root}"; it keeps its own date.', messages.SUCCESS
        )

    @admin.action(description="Unmerge selected events (show them on their own again)", permissions=["change"])
    def unmerge_events(self, request: HttpRequest, queryset: QuerySet[Event]) -> None:
        survivors = dict(queryset.filter(merged_into__isnull=False).values_list("pk", "merged_into__title"))
        unmerged = services.event_unmerge(events=queryset)
        if not unmerged:
            self.message_user(
                request,
                "None of the selected events is merged into another; filter by “merged: yes” to find them.",
                messages.WARNING,
            )
            return
        for event in unmerged:
            self.log_change(request, event, f'Unmerged from "{survivors.get(event.pk, "?")}".')
        self.message_user(
            request, f"Unmerged {len(unmerged)} event(s); they show on their own again.", messages.SUCCESS
        )

    @admin.action(
        description="Re-analyse the articles of selected events (keeps curated events)", permissions=["change"]
    )
    def reanalyse_event_articles(self, request: HttpRequest, queryset: QuerySet[Event]) -> None:
        articles = Article.objects.filter(pk__in=queryset.values("article_id")).order_by("pk")
        reanalyse(self, request, list(articles))


def merge_warnings(events: list[Event]) -> list[str]:
    """What a curator should double-check before saying these events are one happening."""
    warnings = []
    titles = sorted({e.article.title for e in events})
    if len(titles) > 1:
        named = "; ".join(f"“{shorten(title, 60)}”" for title in titles)
        warnings.append(f"They come from {len(titles)} different articles: {named}.")
    if max(e.earliest for e in events) > min(e.latest for e in events):
        warnings.append(
            "Their dates do not overlap. The surviving event keeps its own date; edit it afterwards if that is wrong."
        )
    for event in events:
        if event.merged_into is not None:
            root = shorten(event.merged_into.title, 60)
            warnings.append(f"“{shorten(event.title, 60)}” is already merged into “{root}”.")
    return warnings


def _set_status(model_admin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet[Event], status: str) -> None:
    changed = services.event_set_status(events=queryset, status=status)
    for event in changed:
        model_admin.log_change(request, event, f"Set status to {status}.")
    model_admin.message_user(request, f"{len(changed)} event(s) now {status}.", messages.SUCCESS)
