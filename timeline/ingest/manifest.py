"""A manifest of articles to import, one per JSON line or CSV row, with their metadata.

Fields: ``path`` (relative to the manifest's folder, never outside it) or ``text``, and
optional ``title``, ``published`` (YYYY-MM-DD), ``source`` (a URL or an outlet's name)
and ``url``. A bad row is refused with its reason; the others go ahead.
Pure functions (no database, no engine).
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from timeline.ingest.regular import NotRegularFile, read_regular

FIELDS = ("path", "text", "title", "published", "source", "url")
JSON_SUFFIXES = (".jsonl", ".ndjson", ".json")
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class ManifestError(ValueError):
    """The manifest as a whole cannot be read; ``str(exc)`` says why."""


@dataclass(frozen=True)
class ManifestEntry:
    """One article to import: ``path`` (resolved, inside the manifest's folder) or ``text``."""

    line: int
    name: str  # how the summary names it: the path as written, or "line N"
    path: Path | None
    text: str | None
    title: str = ""
    published: date | None = None
    source: str = ""
    url: str = ""


@dataclass(frozen=True)
class ManifestRefusal:
    line: int
    name: str
    reason: str


def read_manifest(manifest: Path) -> tuple[list[ManifestEntry], list[ManifestRefusal]]:
    """Every row of ``manifest`` as an entry or a refusal, in order; raises ``ManifestError``."""
    try:
        raw = read_regular(manifest)
    except NotRegularFile as exc:
        raise ManifestError(f"{manifest.name}: cannot read the manifest ({exc}).") from exc
    except (FileNotFoundError, IsADirectoryError, PermissionError) as exc:
        raise ManifestError(f"{manifest.name}: cannot read the manifest ({exc.strerror or exc}).") from exc
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ManifestError(f"{manifest.name}: the manifest is not UTF-8 (bad byte at {exc.start}).") from exc
    is_json = manifest.suffix.lower() in JSON_SUFFIXES or content.lstrip().startswith("{")
    rows = _json_rows(content, manifest.name) if is_json else _csv_rows(content, manifest.name)
    folder = manifest.parent.resolve()
    entries: list[ManifestEntry] = []
    refusals: list[ManifestRefusal] = []
    for line, row in rows:
        if isinstance(row, str):
            refusals.append(ManifestRefusal(line, f"line {line}", row))
            continue
        try:
            entries.append(_entry(line, row, folder))
        except ValueError as exc:
            refusals.append(ManifestRefusal(line, _name(line, row), str(exc)))
    return entries, refusals


def _json_rows(content: str, name: str) -> list[tuple[int, dict[str, object] | str]]:
    rows: list[tuple[int, dict[str, object] | str]] = []
    for line, text in enumerate(content.splitlines(), start=1):
        if not text.strip():
            continue
        try:
            row = json.loads(text)
        except json.JSONDecodeError as exc:
            rows.append((line, f"not valid JSON ({exc.msg} at column {exc.colno})"))
            continue
        rows.append((line, row if isinstance(row, dict) else "each line must be a JSON object"))
    return rows


def _csv_rows(content: str, name: str) -> list[tuple[int, dict[str, object] | str]]:
    reader = csv.DictReader(io.StringIO(content, newline=""))
    header = [field.strip() for field in reader.fieldnames or []]
    if "path" not in header and "text" not in header:
        raise ManifestError(
            f"{name}: the CSV header needs a 'path' or 'text' column (found: {', '.join(header) or 'none'})."
        )
    reader.fieldnames = header
    rows: list[tuple[int, dict[str, object] | str]] = []
    for row in reader:
        if None in row:
            rows.append((reader.line_num, "more cells than the header has columns"))
        elif any((value or "").strip() for value in row.values()):
            rows.append((reader.line_num, {key: value for key, value in row.items() if value not in (None, "")}))
    return rows


def _entry(line: int, row: dict[str, object], folder: Path) -> ManifestEntry:
    unknown = sorted(set(row) - set(FIELDS))
    if unknown:
        raise ValueError(f"unknown field(s) {', '.join(unknown)}; use {', '.join(FIELDS)}")
    values = {}
    for key, value in row.items():
        if value is not None and not isinstance(value, str):
            raise ValueError(f"'{key}' must be text, not {type(value).__name__}")
        values[key] = (value or "").strip() if key != "text" else (value or "")
    path, text = values.get("path", ""), values.get("text", "")
    if bool(path) == bool(text.strip()):
        raise ValueError("give either 'path' or 'text' (exactly one)")
    return ManifestEntry(
        line=line,
        name=_name(line, row),
        path=_inside(folder, path) if path else None,
        text=text if not path else None,
        title=values.get("title", ""),
        published=_published(values.get("published", "")),
        source=values.get("source", ""),
        url=values.get("url", ""),
    )


def _inside(folder: Path, written: str) -> Path:
    relative = Path(written)
    if relative.is_absolute():
        raise ValueError("the path must be relative to the manifest's folder, not absolute")
    resolved = (folder / relative).resolve()
    if not resolved.is_relative_to(folder):
        raise ValueError("the path leads outside the manifest's folder")
    return resolved


def _published(written: str) -> date | None:
    if not written:
        return None
    try:
        if not _ISO_DAY.match(written):
            raise ValueError
        return date.fromisoformat(written)
    except ValueError:
        raise ValueError(f"'published' must be a date like 2024-04-13, not {written!r}") from None


def _name(line: int, row: dict[str, object]) -> str:
    path = row.get("path")
    return path if isinstance(path, str) and path.strip() else f"line {line}"
