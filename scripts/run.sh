#!/usr/bin/env bash
# Install everything into .venv and run the app on SQLite with the seed article loaded.
# Usage: bash scripts/run.sh [--port 8000] [--host 127.0.0.1]
#
# DEBUG stays off, so a missing page or an error shows the app's own 404/500 page, never
# Django's debug page with URL patterns, server paths and settings. runapp serves the static
# files itself without DEBUG. Cookies are not marked Secure: this server speaks plain http.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
# The lock holds the whole closure with hashes: --no-deps installs exactly it, so pip never
# resolves an extra (e.g. lxml[html_clean]) against a release published after the lock.
.venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements.txt
.venv/bin/python -m pip check --disable-pip-version-check
DJANGO_DEBUG=0 DJANGO_SECURE_COOKIES=0 exec .venv/bin/python manage.py runapp "$@"
