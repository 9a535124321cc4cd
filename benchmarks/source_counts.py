"""How far counting mentions overstated a story event's sources, and whether every reader now agrees.

    python benchmarks/source_counts.py [--semeval DIR] [--timebank DIR] [--limit N]

Imports, through the real engine and grouping into a private SQLite database: each annotated
story of ``fixtures/stories``, the SemEval-2015 trial articles as one story (each article's
source is its document id) and TimeBank as one story (each document's outlet is the letters its
id starts with: APW, NYT, wsj, ...). For each story it prints the story events, those reported by
several articles, and those where a count of mentions (what the story page, chart and exports
said before sources were counted by article) exceeds the distinct articles, with the largest
such gap; then how many story events the page rows, the export document, the JSON export and
the admin's database annotation count differently (must be 0).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.env import migrate, setup_django  # noqa: E402

CORPORA = ROOT.parent / "shared" / "corpora"


@dataclass(frozen=True)
class Doc:
    text: str
    title: str
    published: date | None
    source: str


def fixture_docs(folder: Path) -> list[Doc]:
    from timeline.stories.evaluation import read_manifest

    return [Doc(a.text, a.title, a.published, a.source) for a in read_manifest(folder)]


def timebank_docs(folder: Path, limit: int | None) -> list[Doc]:
    from timeline.timeml.reader import read_timeml_dir

    docs = read_timeml_dir(folder)[:limit]
    return [Doc(d.text, d.id, d.dct, re.match(r"[A-Za-z]*", d.id)[0] or d.id) for d in docs]


def measure(name: str, docs: list[Doc]) -> dict[str, int | str]:
    from timeline.exports import export_bytes
    from timeline.exports.document import story_document
    from timeline.services import article_import
    from timeline.stories.models import StoryEvent
    from timeline.stories.selectors import story_mention_rows, with_source_counts
    from timeline.stories.services import story_add_articles, story_get_or_create
    from webapp.views.story_rows import story_events_from_rows

    articles = [article_import(text=d.text, title=d.title, published=d.published, source=d.source) for d in docs]
    story = story_add_articles(story=story_get_or_create(name=name), articles=articles)
    page = story_events_from_rows(story_mention_rows(story=story))
    document = story_document(story=story)
    exported = {e.id: e.count for e in document.events}
    in_json = {e["id"]: e for e in json.loads(export_bytes(document, "json"))["events"]}
    in_admin = {e.pk: e for e in with_source_counts(StoryEvent.objects.filter(story=story))}
    disagree = 0
    over = [(e.count.mentions, e.count.articles) for e in page if e.count.mentions > e.count.articles]
    for e in page:
        j, a = in_json[e.id], in_admin[e.id]
        if (
            exported[e.id] != e.count
            or (j["article_count"], j["outlet_count"], j["mention_count"]) != (e.count.articles, e.count.outlets, e.count.mentions)
            or (a.source_count, a.mention_count) != (e.count.articles, e.count.mentions)
            or e.count.articles != len({s.article_id for s in e.sources})
        ):  # fmt: skip
            disagree += 1
    worst = max(over, key=lambda pair: pair[0] - pair[1], default=None)
    return {
        "story": name,
        "articles": len(articles),
        "story events": len(page),
        "several articles": sum(1 for e in page if e.count.articles > 1),
        "fewer outlets": sum(1 for e in page if 0 < e.count.outlets < e.count.articles),
        "mentions > articles": len(over),
        "mentions - articles": sum(m - a for m, a in over),
        "worst (mentions/articles)": f"{worst[0]}/{worst[1]}" if worst else "-",
        "readers disagree": disagree,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--semeval", type=Path, default=CORPORA / "semeval2015-trial")
    parser.add_argument("--timebank", type=Path, default=CORPORA / "timebank" / "tml")
    parser.add_argument("--limit", type=int, default=None, help="TimeBank documents to read (default all)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        database = Path(tmp) / "counts.sqlite3"
        migrate(database)
        setup_django(database)
        stories = [(f.name, fixture_docs(f)) for f in sorted((ROOT / "fixtures" / "stories").iterdir()) if f.is_dir()]
        if args.semeval.is_dir():
            stories.append(("semeval2015-trial", fixture_docs(args.semeval)))
        if args.timebank.is_dir():
            stories.append(("timebank", timebank_docs(args.timebank, args.limit)))
        rows = [measure(name, docs) for name, docs in stories]
    columns = list(rows[0])
    widths = [max(len(c), *(len(str(r[c])) for r in rows)) for c in columns]
    print("  ".join(c.rjust(w) for c, w in zip(columns, widths)))
    for row in rows:
        print("  ".join(str(row[c]).rjust(w) for c, w in zip(columns, widths)))


if __name__ == "__main__":
    main()
