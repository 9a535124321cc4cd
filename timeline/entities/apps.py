from django.apps import AppConfig


class EntitiesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "timeline.entities"
    label = "entities"
    verbose_name = "Named entities"

    def ready(self) -> None:
        from timeline.entities import signals  # noqa: F401 - connects the refresh hooks
