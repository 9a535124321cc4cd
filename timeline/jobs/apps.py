from django.apps import AppConfig


class JobsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "timeline.jobs"
    label = "jobs"
    verbose_name = "Import jobs"

    def ready(self) -> None:
        from timeline.jobs import dispatch  # noqa: F401 - connects the sender of queued items
