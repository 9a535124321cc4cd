"""Story grouping at newsroom scale: a full regroup of a 10,000-mention story and one article joining it.

    python benchmarks/stories_scale.py [--articles 1000] [--per-article 10] [--db /tmp/scale.sqlite3]

Builds a synthetic story (``story_corpus``: 1,000 articles of 10 dated sentences by default, shared
and distinct happenings) in a scratch SQLite database, groups it once (every sentence parsed and its
features stored), then prints, each beside a baseline measured in the same run:

- full regroup (features stored, the process's cache empty, as in a fresh worker): seconds, CPU
  seconds and queries, against the same regroup scoring every date-overlapping pair one by one
  (``story_baseline``, the scoring before blocking), and whether both give the same grouping;
- one new article joining the story (``story_add_articles``: only the story events it could match
  are regrouped), against regrouping the whole story after it joined (what adding an article did
  before), whether both put the new article's events in the same story events, and the join again
  in a worker whose cache holds the story's features (the usual case for a long-running worker).

``--db`` keeps the database for another run (the parse is then skipped). Figures: README, "Story grouping".
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.env import migrate, setup_django  # noqa: E402

STORY = "Scale story"


def measure(run: Callable[[], object], cold: bool = True) -> tuple[float, float, int, object]:
    """(wall seconds, CPU seconds, queries, result) of ``run``; ``cold``: as in a fresh worker."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from timeline.stories import features

    if cold:
        features._CACHE.clear()  # a fresh worker: stored features are read back, nothing is parsed
    with CaptureQueriesContext(connection) as queries:
        wall, cpu = time.perf_counter(), time.process_time()
        result = run()
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return wall, cpu, len(queries), result


def grouping(story) -> set[frozenset[int]]:
    from timeline.stories.models import StoryMention

    groups: dict[int, set[int]] = {}
    for event_id, story_event_id in StoryMention.objects.filter(story=story).values_list("event_id", "story_event_id"):
        groups.setdefault(story_event_id, set()).add(event_id)
    return {frozenset(g) for g in groups.values()}


def truth_scores(story, truth: dict[tuple[int, int], int]) -> str:
    """Pairwise precision/recall of the grouping against the happenings the corpus was written from."""
    from timeline.models import Event

    happening = {
        pk: truth[(article, int(key))] for pk, article, key in Event.objects.values_list("pk", "article_id", "key")
    }
    found = {frozenset(p) for g in grouping(story) for p in combinations(sorted(g), 2)}
    by_happening: dict[int, list[int]] = {}
    for pk, h in happening.items():
        by_happening.setdefault(h, []).append(pk)
    gold = {frozenset(p) for g in by_happening.values() for p in combinations(sorted(g), 2)}
    right = len(found & gold)
    return f"pairwise precision {right / max(len(found), 1):.3f}, recall {right / max(len(gold), 1):.3f} ({len(gold)} true pairs)"


def line(label: str, new: tuple, old: tuple, old_label: str) -> None:
    print(f"{label}: {new[0]:6.2f} s (CPU {new[1]:6.2f} s), {new[2]:3d} queries | {old_label}: {old[0]:6.2f} s "
          f"(CPU {old[1]:6.2f} s), {old[2]:3d} queries | {old[0] / new[0]:5.1f}x faster")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--per-article", type=int, default=10)
    parser.add_argument("--db", type=Path, default=None, help="keep the database here (reused when it exists)")
    args = parser.parse_args()
    database = args.db or Path(tempfile.mkdtemp(prefix="stories-scale-")) / "scale.sqlite3"
    if not database.exists():
        migrate(database)
    setup_django(database)

    from benchmarks.story_baseline import all_pairs_grouper
    from benchmarks.story_corpus import synthetic_story
    from benchmarks.story_rows import write_articles, write_story
    from timeline.models import Article
    from timeline.stories.models import Story, StoryMention
    from timeline.stories.regroup import rebuild
    from timeline.stories.services import story_add_articles
    from timeline.temporal.nlp import load_pipeline

    corpus = synthetic_story(args.articles + 1, args.per_article)
    story = Story.objects.filter(name=STORY).first()
    if story is None:
        started = time.perf_counter()
        rows = write_articles(corpus, tag="scale")
        story = write_story(STORY, rows[:-1])
        print(f"wrote {len(rows)} articles, {sum(len(a.mentions) for a in corpus)} events in "
              f"{time.perf_counter() - started:.1f} s")  # fmt: skip
    articles = list(Article.objects.order_by("pk").values_list("pk", flat=True))
    truth = {(pk, n): m.happening for pk, a in zip(articles, corpus, strict=True) for n, m in enumerate(a.mentions)}
    joining = Article.objects.get(pk=articles[-1])
    story.articles.remove(joining)
    load_pipeline()
    started = time.perf_counter()
    summary = rebuild(story)  # parses and stores what is not stored yet (every sentence the first time)
    print(f"grouping before the measurements (parses only sentences without stored features): "
          f"{time.perf_counter() - started:.1f} s, {summary.story_events} story events")  # fmt: skip
    mentions = StoryMention.objects.filter(story=story).count()
    print(f"story: {story.articles.count()} articles, {mentions} mentions; {truth_scores(story, truth)}")

    new = measure(lambda: rebuild(story))
    after_new = grouping(story)
    old = measure(lambda: rebuild(story, all_pairs_grouper))
    line("full regroup", new, old, "all-pairs scoring")
    print(f"  same grouping as all-pairs scoring: {'yes' if grouping(story) == after_new else 'NO'}")

    new_events = set(joining.events.values_list("pk", flat=True))
    joined = measure(lambda: story_add_articles(story=story, articles=[joining]))
    incremental = grouping(story)
    whole = measure(lambda: rebuild(story))
    line("one article joins", joined, whole, "full regroup after it joined")
    regrouped = grouping(story)
    touching = {g for g in regrouped if g & new_events} == {g for g in incremental if g & new_events}
    elsewhere = sum(len(g) for g in regrouped - incremental if not g & new_events)
    print(f"  the new article's story events are the same as in the full regroup: {'yes' if touching else 'NO'}; "
          f"elsewhere the full regroup placed {elsewhere} of {mentions} mentions differently (word and name "
          f"weights shift as the story grows; the join leaves those story events as they were)")  # fmt: skip
    reset(story, joining)
    warm = measure(lambda: story_add_articles(story=story, articles=[joining]), cold=False)
    print(f"one article joins, worker cache warm: {warm[0]:6.2f} s (CPU {warm[1]:6.2f} s), {warm[2]} queries")
    reset(story, joining)


def reset(story, joining) -> None:
    """Take the joining article out again, so a rerun on --db starts from the same story."""
    from timeline.stories.models import StoryMention
    from timeline.stories.regroup import rebuild

    story.articles.remove(joining)
    StoryMention.objects.filter(story=story, event__article=joining).delete()
    rebuild(story)


if __name__ == "__main__":
    main()
