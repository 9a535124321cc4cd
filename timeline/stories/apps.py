from django.apps import AppConfig


class StoriesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "timeline.stories"
    label = "stories"
    verbose_name = "Stories"

    def ready(self) -> None:
        from timeline.stories import signals  # noqa: F401 - connects the regroup hooks
