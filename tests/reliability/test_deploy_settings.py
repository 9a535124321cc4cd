"""Production settings come from the environment and pass ``manage.py check --deploy``."""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
PRODUCTION = {
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(60),
    "DJANGO_ALLOWED_HOSTS": "example.org",
    "DJANGO_SSL_REDIRECT": "1",
    "DJANGO_HSTS_SECONDS": "31536000",
}
SHOWN = (
    "DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE", "TIMELINE_LOGIN_REQUIRED", "TIMELINE_MAX_REQUEST_BYTES", "TIMELINE_MAX_UPLOAD_BYTES",
    "TIMELINE_MAX_TEXT_CHARS",
)  # fmt: skip


def _environment(**overrides: str) -> dict[str, str]:
    """The current environment without any DJANGO_/TIMELINE_ variable, plus ``overrides``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "TIMELINE_", "DATABASE_URL"))}
    env["DJANGO_SETTINGS_MODULE"] = "webapp.settings"
    return env | overrides


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=_environment(**env), capture_output=True, text=True,
        timeout=120,
    )  # fmt: skip


def _settings_under(**env: str) -> dict[str, object]:
    code = f"import django, json; django.setup(); from django.conf import settings; print(json.dumps({{n: getattr(settings, n, None) for n in {SHOWN!r}}}))"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=_environment(**env), capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_check_deploy_is_clean_with_production_environment():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout
    assert "WARNING" not in result.stderr.upper()


def test_check_deploy_flags_a_development_setup():
    # Without the environment the dev fallbacks are in force; the check must say so.
    result = _manage("check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode != 0
    assert "security.W009" in result.stderr  # the insecure fallback secret key


def test_secrets_and_hosts_come_from_the_environment_and_debug_is_off_by_default():
    production = _settings_under(**PRODUCTION)
    assert production["SECRET_KEY"] == PRODUCTION["DJANGO_SECRET_KEY"]
    assert production["ALLOWED_HOSTS"] == ["example.org"]
    assert production["DEBUG"] is False and production["SECURE_SSL_REDIRECT"] is True
    assert production["SESSION_COOKIE_SECURE"] is True and production["CSRF_COOKIE_SECURE"] is True
    assert production["SECURE_HSTS_SECONDS"] == 31536000
    assert _settings_under()["DEBUG"] is False
    assert _settings_under(DJANGO_DEBUG="1")["DEBUG"] is True  # what the run command sets


def test_access_and_limits_are_configurable_from_the_environment():
    default = _settings_under()
    assert default["TIMELINE_LOGIN_REQUIRED"] is False
    tuned = _settings_under(
        TIMELINE_LOGIN_REQUIRED="1", TIMELINE_MAX_UPLOAD_BYTES="2000000", TIMELINE_MAX_TEXT_CHARS="300000"
    )
    assert tuned["TIMELINE_LOGIN_REQUIRED"] is True
    assert (tuned["TIMELINE_MAX_UPLOAD_BYTES"], tuned["TIMELINE_MAX_TEXT_CHARS"]) == (2_000_000, 300_000)
    assert tuned["TIMELINE_MAX_REQUEST_BYTES"] == 2_000_000 + 1024 * 1024
    assert _settings_under(TIMELINE_MAX_REQUEST_BYTES="5000")["TIMELINE_MAX_REQUEST_BYTES"] == 5000


def test_after_collectstatic_the_web_process_serves_static_files_itself(tmp_path):
    """gunicorn serves no static files: WhiteNoise does, once ``collectstatic`` has filled STATIC_ROOT."""
    static = {"DJANGO_STATIC_ROOT": str(tmp_path / "static"), **PRODUCTION, "DJANGO_SSL_REDIRECT": "0"}
    probe = (
        "import django; django.setup(); from django.test import Client; "
        "r = Client(HTTP_HOST='example.org').get('/static/webapp/app.css', secure=True); print(r.status_code, r.get('Cache-Control', ''))"
    )
    before = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=_environment(**static), capture_output=True,
                            text=True, timeout=120)  # fmt: skip
    assert before.stdout.split()[0] == "404", before.stderr[-2000:]
    collected = _manage("collectstatic", "--noinput", "-v0", **static)
    assert collected.returncode == 0, collected.stderr
    after = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=_environment(**static), capture_output=True,
                           text=True, timeout=120)  # fmt: skip
    assert after.stdout.split()[0] == "200", after.stderr[-2000:]
