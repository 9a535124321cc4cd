"""Story admin: configuration only."""

from django.contrib import admin

from timeline.stories.models import Story


@admin.register(Story)
class StoryAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "created"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["articles"]
