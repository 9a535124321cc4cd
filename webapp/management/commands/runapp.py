"""One command for a local try-out: migrate, load the seed, make an admin, serve.

For local use only. ``scripts/run.sh`` runs it with DEBUG off, so a missing page or an
error shows the app's 404/500 page and never Django's debug page (URL patterns, server
paths, settings); the static files are served all the same (runserver --insecure).
The server speaks plain http, so run.sh also sets DJANGO_SECURE_COOKIES=0.
"""

from __future__ import annotations

import secrets
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser
from kombu.utils.url import maybe_sanitize_url as redact_url

from timeline.jobs.recovery import items_resume

ADMIN_USERNAME = "admin"


class Command(BaseCommand):
    help = (
        "Migrate, load the seed article, create the 'admin' superuser and run the development server "
        "(imports run in a background thread unless CELERY_BROKER_URL names a broker)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1", help="Address to listen on (default 127.0.0.1).")
        parser.add_argument("--port", type=int, default=8000, help="Port to listen on (default 8000).")
        parser.add_argument("--no-server", action="store_true", help="Prepare everything but do not start the server.")

    def handle(self, *args: Any, host: str, port: int, no_server: bool, **options: Any) -> None:
        verbosity = options["verbosity"]
        call_command("migrate", interactive=False, verbosity=max(verbosity - 1, 0), stdout=self.stdout)
        call_command("load_seed", stdout=self.stdout)
        login = self._ensure_admin()
        background = self._background_work()
        url_host = "127.0.0.1" if host in {"0.0.0.0", "::"} else host
        url = f"http://{url_host}:{port}/"
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"Timeline:  {url}"))
        self.stdout.write(f"Admin:     {url}admin/")
        self.stdout.write(login)
        self.stdout.write(background)
        if settings.DEBUG:
            self.stdout.write(
                self.style.WARNING(
                    "DEBUG is on: error pages show server paths and settings. Leave DJANGO_DEBUG unset to hide them."
                )
            )
        elif settings.SESSION_COOKIE_SECURE:
            # Over plain http a browser may drop Secure cookies, and then the admin login fails.
            self.stdout.write(
                self.style.WARNING(
                    "Cookies are marked Secure but this server speaks http: if logging in fails, "
                    "start it with DJANGO_SECURE_COOKIES=0 (as scripts/run.sh does)."
                )
            )
        if no_server:
            return
        call_command("runserver", f"{host}:{port}", use_reloader=False, insecure_serving=True)

    def _background_work(self) -> str:
        """Say what runs imports; without a broker, first resume what a previous run left pending."""
        if settings.TIMELINE_TASK_RUNNER != "celery":
            # Nothing else runs this process's queue: whatever is pending was cut off by a restart.
            resumed = items_resume(older_than=timedelta(0))
            again = f"; resumed {len(resumed)} left pending by the last run" if resumed else ""
            return (
                "Imports:   run in a background thread of this process (no CELERY_BROKER_URL)"
                f"{again}. For workers: CELERY_BROKER_URL=redis://127.0.0.1:6379/0 and celery -A webapp worker"
            )
        return (
            f"Imports:   sent to Celery workers on {redact_url(settings.CELERY_BROKER_URL)}; "
            "start at least one: celery -A webapp worker -l info"
        )

    def _ensure_admin(self) -> str:
        """Create the admin superuser once; the random password is shown only then."""
        users = get_user_model()
        if users.objects.filter(username=ADMIN_USERNAME).exists():
            return (
                f"Login:     user '{ADMIN_USERNAME}' already exists; "
                f"forgot the password? python manage.py changepassword {ADMIN_USERNAME}"
            )
        password = secrets.token_urlsafe(12)
        users.objects.create_superuser(username=ADMIN_USERNAME, email="", password=password)
        return f"Login:     {ADMIN_USERNAME} / {password}   (shown once; change it with: python manage.py changepassword {ADMIN_USERNAME})"
