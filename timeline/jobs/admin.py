"""Admin for batches: read-only pages; the one action (re-queue pending items) calls ``items_resume``."""

from __future__ import annotations

from datetime import timedelta

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from timeline.admin.lookups import GuardedModelAdmin
from timeline.jobs import recovery
from timeline.jobs.models import ImportBatch, ImportItem


class ImportItemInline(admin.TabularInline):
    model = ImportItem
    fields = ("position", "name", "state", "reason", "warning", "article", "events", "attempts", "updated")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_view_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return request.user.has_perm("jobs.view_importbatch")  # the items are part of their batch

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(ImportBatch)
class ImportBatchAdmin(GuardedModelAdmin):
    list_display = ("id", "kind", "created_by", "story", "created", "finished")
    list_filter = ("kind", ("finished", admin.EmptyFieldListFilter))
    readonly_fields = ("kind", "created_by", "story", "created", "finished")
    inlines = [ImportItemInline]
    actions = ["resume_pending"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # batches come from the import form and the commands

    @admin.action(description="Send pending items of the selected batches again", permissions=["change"])
    def resume_pending(self, request: HttpRequest, queryset: QuerySet[ImportBatch]) -> None:
        sent = recovery.items_resume(older_than=timedelta(0), batch_ids=list(queryset.values_list("pk", flat=True)))
        messages.success(request, f"Sent {len(sent)} pending item(s) again.")
