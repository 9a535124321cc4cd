"""The Django project; its Celery app is loaded with it so tasks are sent through it."""

from webapp.celery import app as celery_app

__all__ = ("celery_app",)
