"""Start-up stays light: Django, the models and the admin load without spaCy or scikit-learn, which
load on first use (the engine's first text, the first grouping)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROBE = "import sys; print(sorted(m for m in ('spacy', 'sklearn', 'dateparser') if m in sys.modules))"


def test_a_management_command_starts_without_spacy_or_scikit_learn():
    done = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", PROBE],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
