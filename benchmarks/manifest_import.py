"""One ``import_articles --manifest`` run against one command per article, on the same texts, in one run.

    python benchmarks/manifest_import.py [--articles 25]

Writes the gold texts (each with its own date) and a manifest to a temporary folder, then
imports them into two fresh SQLite databases: once as one manifest command (one model
load), once as one ``import_articles FILE --dct DATE`` per article (what a newsroom with
24 dated wire stories had to do before). Prints both wall-clock times and their ratio.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from timeline.evaluation.gold import load_gold  # noqa: E402

FOLDERS = ("gold", "gold_blind", "gold_heldout")


def manage(database: Path, *args: str) -> None:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}"}
    subprocess.run([sys.executable, str(ROOT / "manage.py"), *args], check=True, capture_output=True, env=env, cwd=ROOT)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=25, help="how many gold texts to import (default 25)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="manifest-bench-") as tmp:
        folder = Path(tmp)
        (folder / "texts").mkdir()
        rows = []
        paths = sorted(p for name in FOLDERS for p in (ROOT / "fixtures" / name).glob("*.json"))[: args.articles]
        for path in paths:
            document = load_gold(path)
            (folder / "texts" / f"{path.stem}.txt").write_text(document.text, encoding="utf-8")
            rows.append({"path": f"texts/{path.stem}.txt", "published": document.dct.isoformat()})
        (folder / "manifest.jsonl").write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
        one, many = folder / "one.sqlite3", folder / "many.sqlite3"
        for database in (one, many):
            manage(database, "migrate", "-v0")
        started = time.perf_counter()
        manage(one, "import_articles", "--manifest", str(folder / "manifest.jsonl"), "--no-progress")
        manifest_seconds = time.perf_counter() - started
        started = time.perf_counter()
        for row in rows:
            manage(many, "import_articles", str(folder / row["path"]), "--dct", row["published"], "--no-progress")
        separate_seconds = time.perf_counter() - started
    print(f"articles                          {len(rows)}")
    print(f"one manifest command              {manifest_seconds:8.1f} s")
    print(f"one command per article           {separate_seconds:8.1f} s")
    print(f"ratio (per-article / manifest)    {separate_seconds / manifest_seconds:8.1f}x")


if __name__ == "__main__":
    main()
