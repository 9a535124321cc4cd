#!/usr/bin/env bash
# Install everything into .venv and run the whole test suite.
# --fast: the inner loop, leaving out every test marked slow (over 3 s, browsers, worker processes).
# Browser tests need Debian's chromium: installed with apt when missing and we are root;
# otherwise they are named loudly and left out (never silently skipped).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
# The lock holds the whole closure with hashes: --no-deps installs exactly it, so pip never
# resolves an extra (e.g. lxml[html_clean]) against a release published after the lock.
.venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements.txt
.venv/bin/python -m pip check --disable-pip-version-check

if [ "${1:-}" = "--fast" ]; then
  shift
  exec .venv/bin/python -m pytest -m "not slow" "$@"
fi

if ! command -v chromium >/dev/null 2>&1 && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "chromium is missing: installing Debian's chromium with apt-get ..."
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
    || echo "apt-get could not install chromium"
fi

marker=()
if ! command -v chromium >/dev/null 2>&1; then
  echo "################################################################################"
  echo "# chromium (Debian package 'chromium') is NOT installed: these browser tests"
  echo "# were NOT run:"
  .venv/bin/python -m pytest -q --collect-only -m browser 2>/dev/null | grep '::' | sed 's/^/#   /' || true
  echo "# Install it (apt-get install chromium) and run this script again."
  echo "################################################################################"
  marker=(-m "not browser")
fi

exec .venv/bin/python -m pytest "${marker[@]}" "$@"
