"""One command for a local try-out: migrate, load the seed, make an admin, serve.

For local use only. Run it as ``DJANGO_DEBUG=1 python manage.py runapp`` so Django
serves the static files and error pages are readable; without DEBUG the static
files are still served (runserver --insecure) but cookies are marked Secure.
"""

from __future__ import annotations

import secrets
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

ADMIN_USERNAME = "admin"


class Command(BaseCommand):
    help = "Migrate, load the seed article, create the 'admin' superuser and run the development server."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1", help="Address to listen on (default 127.0.0.1).")
        parser.add_argument("--port", type=int, default=8000, help="Port to listen on (default 8000).")
        parser.add_argument("--no-server", action="store_true", help="Prepare everything but do not start the server.")

    def handle(self, *args: Any, host: str, port: int, no_server: bool, **options: Any) -> None:
        verbosity = options["verbosity"]
        call_command("migrate", interactive=False, verbosity=max(verbosity - 1, 0), stdout=self.stdout)
        call_command("load_seed", stdout=self.stdout)
        login = self._ensure_admin()
        url_host = "127.0.0.1" if host in {"0.0.0.0", "::"} else host
        url = f"http://{url_host}:{port}/"
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"Timeline:  {url}"))
        self.stdout.write(f"Admin:     {url}admin/")
        self.stdout.write(login)
        if not settings.DEBUG:
            self.stdout.write(self.style.WARNING(
                "DEBUG is off; for local use start it as: DJANGO_DEBUG=1 python manage.py runapp"
            ))
        if no_server:
            return
        call_command("runserver", f"{host}:{port}", use_reloader=False, insecure_serving=True)

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
