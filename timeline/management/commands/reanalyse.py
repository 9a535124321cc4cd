"""Re-run the engine on stored articles: ``manage.py reanalyse --all | --story NAME | --article ID``.

Runs in this process (the model loads once for the whole run) with a progress bar.
Every event keeps its id while its sentence and phrase remain, and every curated
field is kept (see ``services.article_reanalyse``). Exit code 1 when an article failed.
"""

from __future__ import annotations

from argparse import ArgumentTypeError
from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from timeline import selectors
from timeline.exceptions import ImportRejected
from timeline.jobs.cli import queue_reanalysis
from timeline.models import Article
from timeline.services import article_reanalyse
from timeline.stories.models import Story
from timeline.stories.signals import regroup_deferred, regroup_stories
from timeline.temporal.limits import PREFERENCES


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ArgumentTypeError(f"{value!r} is not a date; write YYYY-MM-DD") from None


class Command(BaseCommand):
    help = "Re-analyse articles in place, keeping event ids and curation."

    def add_arguments(self, parser: CommandParser) -> None:
        which = parser.add_mutually_exclusive_group(required=True)
        which.add_argument("--all", action="store_true", help="every article")
        which.add_argument("--story", metavar="NAME", help="the articles of one story (its name or slug)")
        which.add_argument("--article", metavar="ID", type=int, help="one article")
        which.add_argument(
            "--since",
            metavar="YYYY-MM-DD",
            type=_date,
            help="the articles published on or after this date (undated ones are left out)",
        )
        parser.add_argument(
            "--prefer", default="auto", choices=PREFERENCES,
            help="how to read ambiguous dates such as a bare weekday: from the tense (auto), past or future",
        )  # fmt: skip
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")
        parser.add_argument(
            "--queue",
            action="store_true",
            help="send the articles to the task queue (Celery workers) and follow the batch",
        )
        parser.add_argument("--no-wait", action="store_true", help="with --queue: print the batch id and return")

    def handle(self, *args: Any, **options: Any) -> None:
        story, article_id = options["story"], options["article"]
        if (
            story is not None
            and not Story.objects.filter(name=story).exists()
            and not Story.objects.filter(slug=story).exists()
        ):
            raise CommandError(f"No story is called {story!r}.")
        articles = list(
            selectors.articles_to_reanalyse(story_name=story, article_id=article_id, published_since=options["since"])
        )
        if article_id is not None and not articles:
            raise CommandError(f"No article has id {article_id}.")
        if options["queue"]:
            return queue_reanalysis(self, articles, options)
        failed: list[tuple[Article, str]] = []
        bar = tqdm(articles, unit="article", file=self.stderr._out, disable=options["no_progress"] or not articles)
        with regroup_deferred() as stories_touched:  # each story regrouped once, at the end
            for article in bar:
                try:
                    article_reanalyse(article=article, prefer=options["prefer"])
                except (ImportRejected, Article.DoesNotExist) as exc:  # deleted meanwhile, or the engine refused it
                    failed.append((article, str(exc)))
        bar.close()
        regroup_stories(sorted(stories_touched))
        for article, reason in failed:
            self.stdout.write(self.style.ERROR(f"failed    article {article.pk} ({article.title}): {reason}"))
        self.stdout.write(f"Re-analysed {len(articles) - len(failed)} article(s), failed {len(failed)}.")
        if failed:
            raise CommandError(f"{len(failed)} article(s) failed; see the list above.", returncode=1)
