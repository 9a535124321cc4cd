"""Score story grouping on annotated stories: pairwise cross-article precision/recall/F1, date accuracy.

``--semeval DIR`` scores the whole product (import, grouping, JSON export) on a corpus with gold
cross-document timelines instead: coverage, pairs and dates, beside the article-date reference.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from timeline.management.corpus_run import CorpusRunError, story_export_scratch
from timeline.stories.clustering import THRESHOLD
from timeline.stories.evaluation import StoryFormatError, StoryScore, score_story
from timeline.stories.similarity import SIMILARITIES
from timeline.stories.timeline_score import report_lines, score_export_file


def story_folders(path: Path) -> list[Path]:
    """``path`` itself when it holds a manifest, else its sub-folders that do (sorted)."""
    if (path / "manifest.jsonl").is_file():
        return [path]
    folders = sorted(p for p in path.iterdir() if (p / "manifest.jsonl").is_file()) if path.is_dir() else []
    if not folders:
        raise CommandError(f"{path}: no story here (a story folder holds manifest.jsonl and annotations.json).")
    return folders


class Command(BaseCommand):
    help = (
        "Run the engine and the story grouping in memory (no database) on annotated stories and print "
        "pairwise cross-article precision/recall/F1 and date accuracy. PATH is a story folder or a folder of them."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", nargs="?", default="fixtures/stories")
        parser.add_argument(
            "--similarity",
            choices=sorted(SIMILARITIES),
            default="tfidf",
            help="wording similarity to combine with dates, action and names (default tfidf)",
        )
        parser.add_argument("--threshold", type=float, default=THRESHOLD, help=f"average linkage (default {THRESHOLD})")
        parser.add_argument("--misses", action="store_true", help="list wrong and missed pairs and wrong dates")
        parser.add_argument(
            "--semeval",
            metavar="DIR",
            help="a corpus folder with manifest.jsonl, gold.json and txt/: import it into a scratch story (rolled "
            "back), group, export and score coverage, cross-article pairs and dates",
        )
        parser.add_argument("--export", metavar="FILE", help="with --semeval: also write the story's JSON export here")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["semeval"]:
            return self._semeval(Path(options["semeval"]), options["export"])
        total = StoryScore("overall")
        header = f"{'story':<28} {'P':>6} {'R':>6} {'F1':>6} {'pairs':>6} {'found':>7} {'dates':>6} {'story dates':>11}"
        self.stdout.write(header)
        for folder in story_folders(Path(options["path"])):
            try:
                score = score_story(folder, similarity=SIMILARITIES[options["similarity"]],
                                    threshold=options["threshold"])  # fmt: skip
            except StoryFormatError as error:
                raise CommandError(str(error)) from error
            total.add(score)
            self.stdout.write(self._line(score))
            if options["misses"]:
                for label, rows in (("not found", score.unfound), ("wrong", score.wrong_pairs),
                                    ("missed", score.missed_pairs), ("date", score.wrong_dates)):  # fmt: skip
                    for row in rows:
                        self.stdout.write(f"    {label}: {row}")
        self.stdout.write(self._line(total))

    def _semeval(self, corpus: Path, export_path: str | None) -> None:
        if not (corpus / "gold.json").is_file() or not (corpus / "manifest.jsonl").is_file():
            raise CommandError(f"{corpus}: no corpus here (it holds manifest.jsonl, gold.json and txt/).")
        try:
            export = story_export_scratch(manifest=corpus / "manifest.jsonl")
        except CorpusRunError as error:
            raise CommandError(str(error)) from error
        if export_path:
            Path(export_path).write_text(json.dumps(export, ensure_ascii=False, indent=1), encoding="utf-8")
        for line in report_lines(score_export_file(corpus, export)):
            self.stdout.write(line)

    @staticmethod
    def _line(score: StoryScore) -> str:
        found = f"{score.found}/{score.mentions}"
        dates = score.dates_right / score.found if score.found else 0.0
        story_dates = score.story_dates_right / score.found if score.found else 0.0
        return (
            f"{score.name:<28} {score.precision:6.3f} {score.recall:6.3f} {score.f1:6.3f} {score.true_pairs:6d} "
            f"{found:>7} {dates:6.3f} {story_dates:11.3f}"
        )
