#!/usr/bin/env bash
# Install everything into .venv and run the app on SQLite with the seed article loaded.
# Usage: bash scripts/run.sh [--port 8000] [--host 127.0.0.1]
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
DJANGO_DEBUG=1 exec .venv/bin/python manage.py runapp "$@"
