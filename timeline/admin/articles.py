"""Admin for articles: list, search, edit title/source/date through services, re-analyse, add to a story."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest

from timeline import selectors, services
from timeline.admin.common import ReadOnlyInline, edited_in_words, reanalyse
from timeline.admin.lookups import GuardedModelAdmin
from timeline.analysis.drafts import article_date_problem
from timeline.display.dates import describe_event
from timeline.models import Article, Event, Sentence, TemporalExpression


class SentenceInline(ReadOnlyInline):
    model = Sentence
    fields = ("index", "start", "end", "text")


class TemporalExpressionInline(ReadOnlyInline):
    model = TemporalExpression
    fk_name = "article"
    fields = ("index", "text", "type", "value", "earliest", "latest", "granularity", "mod", "anchor", "rule")

    def get_queryset(self, request: HttpRequest) -> QuerySet[TemporalExpression]:
        return super().get_queryset(request).select_related("anchor")


class EventInline(ReadOnlyInline):
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
        if problem := article_date_problem(published):
            raise ValidationError(problem)
        return published


@admin.register(Article)
class ArticleAdmin(GuardedModelAdmin):
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
    actions = ["reanalyse_articles"]  # the stories app adds "Add to story"

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
        reanalyse(self, request, list(queryset))
