"""Admin configuration. Every change goes through timeline.services so curation is recorded."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from timeline import selectors, services
from timeline.exceptions import ImportRejected
from timeline.ingest import shorten
from timeline.models import Article, Event, Sentence, TemporalExpression
from timeline.stories.admin_pages import add_to_story
from timeline.temporal.extract import MAX_DCT, MIN_DCT
from webapp.dates import describe_event

# Shown read-only on the event page; the sentence itself appears as "source sentence".
EVENT_ENGINE_FIELDS = ("article", "expression", "key", "merged_into", "edited")
# How a curator's changes read: the stored field names, in words.
EDITED_FIELD_WORDS = {
    "title": "title", "notes": "notes", "status": "status", "earliest": "dates", "latest": "dates",
    "value": "dates", "granularity": "precision", "merged_into": "merge",
}  # fmt: skip


def edited_in_words(event: Event) -> str:
    """ "dates, status" for an event a person changed; "" for an untouched one (no red cross)."""
    if not event.curated:
        return ""
    words = dict.fromkeys(EDITED_FIELD_WORDS.get(name, name.replace("_", " ")) for name in event.curated_fields or [])
    return ", ".join(words) or "yes"


def default_survivor(events: list[Event]) -> Event:
    """The event a merge keeps unless the curator picks another: not merged away, then approved,
    then curated, then the earliest created (``events`` is in that order)."""
    return min(
        events,
        key=lambda e: (e.merged_into_id is not None, e.status != Event.Status.APPROVED, not e.curated),
    )


class _ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False
    classes = ["collapse"]

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


class SentenceInline(_ReadOnlyInline):
    model = Sentence
    fields = ("index", "start", "end", "text")


class TemporalExpressionInline(_ReadOnlyInline):
    model = TemporalExpression
    fk_name = "article"
    fields = ("index", "text", "type", "value", "earliest", "latest", "granularity", "mod", "anchor", "rule")

    def get_queryset(self, request: HttpRequest) -> QuerySet[TemporalExpression]:
        return super().get_queryset(request).select_related("anchor")


class EventInline(_ReadOnlyInline):
    model = Event
    fk_name = "article"
    fields = ("title", "when", "granularity", "status", "edited", "merged_into")  # the raw value: event page
    readonly_fields = ("when", "edited")
    show_change_link = True
    classes = []

    @admin.display(description="when")
    def when(self, event: Event) -> str:
        return describe_event(event)

    @admin.display(description="edited by a person", empty_value="")
    def edited(self, event: Event) -> str:
        return edited_in_words(event)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Event]:
        return super().get_queryset(request).select_related("merged_into")


class ArticleAdminForm(forms.ModelForm):
    def clean_published(self) -> Any:
        # Checked here: the engine's refusal would come from save_model, as a server error.
        published = self.cleaned_data.get("published")
        if published is not None and not MIN_DCT <= published <= MAX_DCT:
            raise ValidationError(f"Give a date between {MIN_DCT.isoformat()} and {MAX_DCT.isoformat()}.")
        return published


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    form = ArticleAdminForm
    list_display = ("title", "published", "dct_inferred", "event_count", "engine_mode", "created")
    list_filter = ("dct_inferred", "engine_mode", "published")
    search_fields = ("title", "source")
    date_hierarchy = "created"
    fields = (
        "title", "source", "published", "dct_inferred", "dct_evidence", "dct_confidence",
        "engine_mode", "analysed", "created", "content_hash", "text",
    )  # fmt: skip
    readonly_fields = (
        "dct_inferred", "dct_evidence", "dct_confidence", "engine_mode", "analysed", "created", "content_hash", "text",
    )  # fmt: skip
    inlines = [EventInline, TemporalExpressionInline, SentenceInline]
    actions = ["reanalyse_articles", add_to_story]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Article]:
        return selectors.article_list()

    @admin.display(description="events", ordering="event_count")
    def event_count(self, article: Article) -> int:
        return article.event_count

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # articles arrive through the import form or `import_articles`

    def save_model(self, request: HttpRequest, obj: Article, form: object, change: bool) -> None:
        services.article_update(article=obj, title=obj.title, source=obj.source, published=obj.published)

    def get_deleted_objects(self, objs: Any, request: HttpRequest) -> tuple[Any, Any, set[str], Any]:
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        # Events go with their article; EventAdmin only forbids deleting them one by one.
        perms_needed.discard(Event._meta.verbose_name)
        return deleted, counts, perms_needed, protected

    def delete_model(self, request: HttpRequest, obj: Article) -> None:
        services.article_delete(article=obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        for article in queryset:
            services.article_delete(article=article)

    @admin.action(description="Re-analyse selected articles (keeps curated events)", permissions=["change"])
    def reanalyse_articles(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        _reanalyse(self, request, list(queryset))


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
class EventAdmin(admin.ModelAdmin):
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
        text = event.sentence.text
        phrase = event.expression.text if event.expression else ""
        at = _phrase_offset(text, phrase, event)
        if at < 0:
            return format_html("{}", text)
        return format_html("{}<mark>{}</mark>{}", text[:at], text[at : at + len(phrase)], text[at + len(phrase) :])

    @admin.display(description="merged events")
    def merged_events_list(self, event: Event) -> str:
        merged = selectors.event_merged_list(event=event)
        return format_html_join(", ", "{} ({})", ((e.title, e.article.title) for e in merged)) or "—"

    def save_model(self, request: HttpRequest, obj: Event, form: object, change: bool) -> None:
        changed = {name: form.cleaned_data[name] for name in form.changed_data if name in services.EDITABLE_EVENT_FIELDS}
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
                request, "None of the selected events is merged into another; filter by “merged: yes” to find them.",
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
        _reanalyse(self, request, list(articles))


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


def _reanalyse(model_admin: admin.ModelAdmin, request: HttpRequest, articles: list[Article]) -> None:
    done = 0
    for article in articles:
        try:
            services.article_reanalyse(article=article)
        except ImportRejected as exc:
            model_admin.message_user(request, f'"{article}": {exc}', messages.ERROR)
            continue
        model_admin.log_change(request, article, "Re-analysed; curated events kept.")
        done += 1
    model_admin.message_user(request, f"Re-analysed {done} article(s).", messages.SUCCESS)


def _phrase_offset(sentence_text: str, phrase: str, event: Event) -> int:
    """Where the time phrase starts inside the sentence, or -1."""
    if not phrase:
        return -1
    at = event.expression.start - event.sentence.start
    if 0 <= at and sentence_text[at : at + len(phrase)] == phrase:
        return at
    return sentence_text.find(phrase)
