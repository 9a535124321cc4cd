"""runapp prepares a fresh install: migrations, seed, one admin with a password shown once."""

from __future__ import annotations

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from timeline.models import Article

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("runapp", "--no-server", *args, stdout=out)
    return out.getvalue()


def test_runapp_loads_seed_creates_admin_and_prints_url_and_login():
    output = run("--port", "8123")
    assert "http://127.0.0.1:8123/" in output
    password = re.search(r"Login:\s+admin / (\S+)", output).group(1)
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.check_password(password)
    assert Article.objects.count() == 1 and Article.objects.get().events.count() >= 12


def test_runapp_twice_keeps_the_admin_and_the_seed():
    run()
    output = run()
    assert "already exists" in output and "python manage.py changepassword admin" in output
    assert "admin /" not in output
    assert Article.objects.count() == 1 and get_user_model().objects.count() == 1
