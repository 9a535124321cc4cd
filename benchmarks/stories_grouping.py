"""Story grouping: which wording similarity wins, what each kind of evidence adds, and how it scales.

    python benchmarks/stories_grouping.py [--stories fixtures/stories] [--sizes 1000 4000]

Quality: the engine runs once per annotated story (in memory, no Django); then grouping runs with
each wording similarity (scikit-learn TF-IDF over lemmas, rapidfuzz token-set ratio over sentences)
and with parts of the evidence switched off, over a range of thresholds; pairwise cross-article
precision/recall/F1 for each. Speed: a story of N mentions made by shifting the fixtures' mentions
to new dates (each copy --spread days later), timing features (cold, then cached) and grouping; the
ratio of grouping time at the largest size to the smallest says how far from linear it is.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from timeline.stories import clustering  # noqa: E402
from timeline.stories import features as features_module  # noqa: E402
from timeline.stories.evaluation import StoryScore, compare, engine_mentions, read_annotations, read_manifest  # noqa: E402
from timeline.stories.features import mention_features  # noqa: E402
from timeline.stories.similarity import SIMILARITIES  # noqa: E402

ABLATIONS = {
    "all evidence": dict(clustering.WEIGHTS),
    "no action": {"text": 0.6, "names": 0.4, "action": 0.0},
    "no wording": {"text": 0.0, "names": 0.2, "action": 0.8},
    "wording only": {"text": 1.0, "names": 0.0, "action": 0.0},
}
THRESHOLDS = (0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5)


def quality(folders: list[Path]) -> None:
    loaded = []
    for folder in folders:
        articles = read_manifest(folder)
        mentions = engine_mentions(articles)
        loaded.append(
            (
                folder.name,
                read_annotations(folder),
                mentions,
                mention_features(mentions),
                {a.path: n for n, a in enumerate(articles)},
            )
        )
    print(f"{'similarity':<8} {'evidence':<13} " + " ".join(f"{'t=' + str(t):>15}" for t in THRESHOLDS))
    default = dict(clustering.WEIGHTS)
    for sim_name, similarity in SIMILARITIES.items():
        for label, weights in ABLATIONS.items():
            clustering.WEIGHTS.update(weights)
            cells = []
            for threshold in THRESHOLDS:
                total = StoryScore("all")
                for name, gold, mentions, features, ids in loaded:
                    groups = clustering.group_mentions(features, similarity=similarity, threshold=threshold)
                    total.add(compare(name, gold, mentions, groups, ids))
                cells.append(f"P{total.precision:.2f} R{total.recall:.2f} F{total.f1:.2f}")
            print(f"{sim_name:<8} {label:<13} " + " ".join(f"{c:>15}" for c in cells))
    clustering.WEIGHTS.update(default)


def speed(folders: list[Path], sizes: list[int], spread_days: int) -> None:
    base = [m for folder in folders for m in engine_mentions(read_manifest(folder))]
    timings = []
    for size in sizes:
        mentions = []
        copy = 0
        while len(mentions) < size:
            # Copy n moves n * spread days: with a small spread the copies pile onto the same days (dense).
            shift = timedelta(days=copy * spread_days)
            # A distinct sentence per copy (a word appended after the phrase), so every one is parsed.
            mentions += [replace(m, event_id=len(mentions) + n, article_id=m.article_id + 1000 * copy,
                                 earliest=m.earliest + shift, latest=m.latest + shift,
                                 sentence=f"{m.sentence} Copy {copy}.")
                         for n, m in enumerate(base)]  # fmt: skip
            copy += 1
        mentions = mentions[:size]
        features_module._CACHE.clear()  # a cold start: every distinct sentence is parsed
        started = time.perf_counter()
        features = mention_features(mentions)
        parsed = time.perf_counter() - started
        started = time.perf_counter()
        groups = clustering.group_mentions(features)
        grouped = time.perf_counter() - started
        timings.append(grouped)
        started = time.perf_counter()
        mention_features(mentions)
        warm = time.perf_counter() - started
        print(
            f"{size:>6} mentions: features {parsed:6.2f} s (cold: every sentence parsed), "
            f"again {warm:5.2f} s (cached), grouping {grouped:6.2f} s, {len(groups)} story events"
        )
    if len(timings) > 1:
        print(
            f"grouping time ratio {sizes[-1]}/{sizes[0]} mentions: {timings[-1] / timings[0]:.1f} "
            f"(linear would be {sizes[-1] / sizes[0]:.1f})"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", default=str(ROOT / "fixtures" / "stories"))
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 4000])
    parser.add_argument(
        "--spread",
        type=int,
        default=1,
        help="days between copies of the fixtures (1: copies overlap, a dense story; 500: none do)",
    )
    args = parser.parse_args()
    folders = sorted(p for p in Path(args.stories).iterdir() if (p / "manifest.jsonl").is_file())
    quality(folders)
    speed(folders, args.sizes, args.spread)


if __name__ == "__main__":
    main()
