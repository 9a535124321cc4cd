"""What the article and event admins share: read-only inlines, a curator's edits in words, re-analysis."""

from __future__ import annotations

from django.contrib import admin, messages
from django.http import HttpRequest

from timeline import services
from timeline.exceptions import ImportRejected
from timeline.models import Article, Event

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


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False
    classes = ["collapse"]

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


def reanalyse(model_admin: admin.ModelAdmin, request: HttpRequest, articles: list[Article]) -> None:
    """The admins' re-analyse actions: each article in turn, a refused one named with its reason."""
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
