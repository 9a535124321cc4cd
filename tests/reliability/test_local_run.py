"""The newcomer's run command (scripts/run.sh) serves without DEBUG: no server detail on
any page, static files and plotly.js still load. Runs the real server on a spare port."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
pytestmark = pytest.mark.slow


def run_sh_environment() -> dict[str, str]:
    """The DJANGO_* variables scripts/run.sh sets on the line that starts the app."""
    line = next(row for row in (ROOT / "scripts" / "run.sh").read_text().splitlines() if "manage.py runapp" in row)
    return dict(re.findall(r"\b(DJANGO_\w+)=(\S+)", line))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - a local test server
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8", "replace")


def test_run_sh_keeps_debug_off_and_cookies_usable_over_http():
    env = run_sh_environment()
    assert env.get("DJANGO_DEBUG", "0") in {"0", "false", "no", "off"}
    assert env.get("DJANGO_SECURE_COOKIES") == "0"


def test_the_run_command_serves_pages_and_static_files_without_debug(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "TIMELINE_", "DATABASE_URL"))}
    env |= run_sh_environment() | {"DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
                                   "DJANGO_SETTINGS_MODULE": "webapp.settings"}  # fmt: skip
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "manage.py", "runapp", "--port", str(port)], cwd=ROOT, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)  # fmt: skip
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                status, home = _get(f"{base}/")
                break
            except (ConnectionError, urllib.error.URLError):
                assert server.poll() is None and time.monotonic() < deadline, "the server did not start"
                time.sleep(0.3)
        assert status == 200 and "Newsroom Timeline" in home
        plotly = re.search(r'/vendor/plotly-[^"]+\.min\.js', _get(f"{base}/timeline/")[1]).group(0)
        for path in ("/static/webapp/app.css", "/static/webapp/timeline.js", plotly):
            assert _get(base + path)[0] == 200, path
        status, missing = _get(f"{base}/events/99999/")
        assert status == 404 and "Not found" in missing
        for leak in ("URLconf", "urlpatterns", "DEBUG = True", str(ROOT), "Traceback"):
            assert leak not in missing, leak
    finally:
        server.terminate()
        server.wait(timeout=30)
