from django.apps import AppConfig


class EntitiesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "timeline.entities"
    label = "entities"
    verbose_name = "Named entities"
