"""Story admin: configuration and curation; every change goes through the stories services."""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html_join

from timeline.admin.articles import ArticleAdmin
from timeline.admin.lookups import GuardedModelAdmin
from timeline.display.dates import describe_event
from timeline.ingest.files import shorten
from timeline.stories import curation, services
from timeline.stories.admin_pages import add_to_story, join_page, split_page
from timeline.stories.models import Story, StoryEvent, StoryMention
from timeline.stories.regroup import CONFIRMED_EVIDENCE
from timeline.stories.selectors import with_source_counts


def grouping_confidence(story_event: StoryEvent) -> str:
    """How sure the grouping is that its sources tell one happening; "—" for a single source.

    The stored figure scores the grouping, so a lone source's 1.0 means nothing and a sound
    3-source group can score low: showing it only where there is a grouping keeps it honest.
    Needs ``source_count`` (distinct articles) annotated.
    """
    if story_event.source_count <= 1:
        return "—"
    if story_event.evidence.startswith(CONFIRMED_EVIDENCE):
        return "confirmed"
    return f"{story_event.confidence:.2f}"


def sources_cell(story_event: StoryEvent) -> str:
    """Distinct articles, and the mentions where an article tells the happening more than once.
    Needs ``with_source_counts``."""
    articles, mentions = story_event.source_count, story_event.mention_count
    return str(articles) if mentions == articles else f"{articles} ({mentions} mentions)"


def _mention_status(mention: StoryMention, mention_count: int) -> str:
    if mention.confirmed:
        return "confirmed"
    return f"score {mention.score:.2f}" if mention_count > 1 else "only mention"


class StoryEventInline(admin.TabularInline):
    model = StoryEvent
    extra = 0
    can_delete = False
    show_change_link = True
    fields = ("title", "when", "sources", "grouping", "status", "curated")
    readonly_fields = fields
    ordering = ("earliest", "latest", "pk")

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def get_queryset(self, request: HttpRequest) -> QuerySet[StoryEvent]:
        return with_source_counts(super().get_queryset(request))

    @admin.display(description="when")
    def when(self, story_event: StoryEvent) -> str:
        return describe_event(story_event)

    @admin.display(description="grouping confidence")
    def grouping(self, story_event: StoryEvent) -> str:
        return grouping_confidence(story_event)

    @admin.display(description="sources")
    def sources(self, story_event: StoryEvent) -> str:
        return sources_cell(story_event)


# The article admin lives in the core app, which knows nothing of stories: the action joins it here.
ArticleAdmin.actions = [*ArticleAdmin.actions, add_to_story]


@admin.register(Story)
class StoryAdmin(GuardedModelAdmin):
    list_display = ["name", "slug", "article_count", "story_event_count", "created"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug", "description", "article_list"]
    readonly_fields = ["article_list"]
    inlines = [StoryEventInline]
    actions = ["rebuild_story_events"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Story]:
        return (
            super()
            .get_queryset(request)
            .annotate(
                article_total=Count("articles", distinct=True), story_event_total=Count("story_events", distinct=True)
            )
        )

    @admin.display(description="articles", ordering="article_total")
    def article_count(self, story: Story) -> int:
        return story.article_total

    @admin.display(description="story events", ordering="story_event_total")
    def story_event_count(self, story: Story) -> int:
        return story.story_event_total

    @admin.display(description="articles (add them with the article list's “Add to story” action)")
    def article_list(self, story: Story) -> str:
        if story.pk is None:
            return "—"
        rows = ((reverse("admin:timeline_article_change", args=[a.pk]), a.title, a.published or "no date")
                for a in story.articles.order_by("published", "pk"))  # fmt: skip
        return format_html_join("", '<div><a href="{}">{}</a> ({})</div>', rows) or "—"

    @admin.action(description="Regroup the story events of selected stories (keeps curators' decisions)",
                  permissions=["change"])  # fmt: skip
    def rebuild_story_events(self, request: HttpRequest, queryset: QuerySet[Story]) -> None:
        for story in queryset:
            summary = services.story_events_rebuild(story=story)
            self.log_change(request, story, f"Regrouped: {summary.story_events} story events.")
            self.message_user(request, f"“{story}”: {summary.story_events} story events ({summary.created} new, "
                                       f"{summary.deleted} removed).", messages.SUCCESS)  # fmt: skip


class SourcesFilter(admin.SimpleListFilter):
    title = "sources"
    parameter_name = "sources"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        return [("one", "One article"), ("many", "Several articles")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[StoryEvent]) -> QuerySet[StoryEvent]:
        if self.value() == "one":
            return queryset.filter(source_count__lte=1)
        if self.value() == "many":
            return queryset.filter(source_count__gt=1)
        return queryset


@admin.register(StoryEvent)
class StoryEventAdmin(GuardedModelAdmin):
    list_display = ("title", "story", "when", "sources", "grouping", "status", "curated")
    list_filter = ("story", "status", SourcesFilter, "curated")
    list_select_related = ("story",)
    search_fields = ("title", "mentions__event__sentence__text")
    date_hierarchy = "earliest"
    fields = ("story", "title", "earliest", "latest", "status", "grouping", "evidence", "mention_list",
              "value", "granularity", "curated", "curated_fields")  # fmt: skip
    readonly_fields = ("story", "grouping", "evidence", "mention_list", "value", "granularity", "curated",
                       "curated_fields")  # fmt: skip
    actions = ["confirm_grouping", "split_mentions", "join_story_events", "approve", "hide"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # story events come from grouping

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False  # regrouping would bring it back; hide it instead

    def get_queryset(self, request: HttpRequest) -> QuerySet[StoryEvent]:
        return with_source_counts(super().get_queryset(request))

    @admin.display(description="when", ordering="earliest")
    def when(self, story_event: StoryEvent) -> str:
        return describe_event(story_event)

    @admin.display(description="sources", ordering="source_count")
    def sources(self, story_event: StoryEvent) -> str:
        return sources_cell(story_event)

    @admin.display(description="grouping confidence", ordering="confidence")
    def grouping(self, story_event: StoryEvent) -> str:
        return grouping_confidence(story_event)

    @admin.display(description="mentions")
    def mention_list(self, story_event: StoryEvent) -> str:
        mentions = list(story_event.mentions.select_related("event__article", "event__sentence", "event__expression"))
        rows = (
            (m.event.article.title, m.event.article.source or "no source",
             shorten(m.event.sentence.text if m.event.sentence else m.event.title, 240),
             m.event.expression.text if m.event.expression else "", _mention_status(m, len(mentions)))
            for m in mentions
        )  # fmt: skip
        return format_html_join("", "<div><strong>{}</strong> ({}): “{}” [{}] · {}</div>", rows) or "—"

    def save_model(self, request: HttpRequest, obj: StoryEvent, form: object, change: bool) -> None:
        changed = {name: form.cleaned_data[name] for name in form.changed_data if name in curation.EDITABLE_FIELDS}
        curation.story_event_update(story_event=obj, **changed)
        obj.refresh_from_db()

    @admin.action(description="Confirm the grouping of selected story events", permissions=["change"])
    def confirm_grouping(self, request: HttpRequest, queryset: QuerySet[StoryEvent]) -> None:
        confirmed = curation.story_event_confirm(story_events=queryset)
        for story_event in confirmed:
            self.log_change(request, story_event, "Confirmed its mentions as one happening.")
        self.message_user(request, f"Confirmed {len(confirmed)} story event(s).", messages.SUCCESS)

    @admin.action(description="Split mentions out of a story event…", permissions=["change"])
    def split_mentions(self, request: HttpRequest, queryset: QuerySet[StoryEvent]) -> TemplateResponse | None:
        return split_page(self, request, queryset)

    @admin.action(description="Join selected story events into one…", permissions=["change"])
    def join_story_events(self, request: HttpRequest, queryset: QuerySet[StoryEvent]) -> TemplateResponse | None:
        return join_page(self, request, queryset)

    @admin.action(description="Approve selected story events", permissions=["change"])
    def approve(self, request: HttpRequest, queryset: QuerySet[StoryEvent]) -> None:
        self._status(request, queryset, StoryEvent.Status.APPROVED)

    @admin.action(description="Hide selected story events", permissions=["change"])
    def hide(self, request: HttpRequest, queryset: QuerySet[StoryEvent]) -> None:
        self._status(request, queryset, StoryEvent.Status.HIDDEN)

    def _status(self, request: HttpRequest, queryset: QuerySet[StoryEvent], status: str) -> None:
        try:
            changed = curation.story_events_set_status(story_events=queryset, status=status)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return
        for story_event in changed:
            self.log_change(request, story_event, f"Set status to {status}.")
        self.message_user(request, f"{len(changed)} story event(s) now {status}.", messages.SUCCESS)


@admin.register(StoryMention)
class StoryMentionAdmin(GuardedModelAdmin):
    """Read-only list of mentions, to search which story event holds an article's event."""

    list_display = ("event", "story_event", "story", "confirmed", "score")
    list_filter = ("story", "confirmed")
    list_select_related = ("event", "story_event", "story")
    search_fields = ("event__title", "event__sentence__text", "story_event__title")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
