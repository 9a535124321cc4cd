"""Load the seed article (CNN, 13 April 2024) so a fresh install has a timeline to show."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from timeline.exceptions import DuplicateArticle, ImportRejected
from timeline.ingest.files import read_article_file
from timeline.models import Article
from timeline.services import article_import
from timeline.stories.services import story_add_articles, story_get_or_create

SEED_PATH = Path(settings.BASE_DIR) / "fixtures" / "seed_biden_iran_2024-04-13.txt"
SEED_TITLE = "Biden weighs response as Iran attacks Israel"
SEED_SOURCE = "CNN"
SEED_STORY = "Seed"


def seed_article_import() -> tuple[Article, bool]:
    """Import the seed article with its date left to the engine, into the story "Seed"; (article, created)."""
    decoded = read_article_file(SEED_PATH)
    try:
        article = article_import(text=decoded.text, title=SEED_TITLE, published=None, source=SEED_SOURCE)
        created = True
    except DuplicateArticle as exc:
        article, created = exc.article, False
    story_add_articles(story=story_get_or_create(name=SEED_STORY), articles=[article])
    return article, created


class Command(BaseCommand):
    help = f"Import {SEED_PATH.name} (idempotent: does nothing when it is already there)."

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            article, created = seed_article_import()
        except ImportRejected as exc:
            raise CommandError(str(exc)) from exc
        if not created:
            self.stdout.write(f'The seed article is already loaded: "{article}" (article {article.pk}).')
            return
        how = f"inferred from “{article.dct_evidence}”" if article.dct_inferred else "not found"
        self.stdout.write(
            self.style.SUCCESS(
                f'Loaded "{article}" (article {article.pk}): published {article.published} ({how}), '
                f"{article.events.count()} events, {article.expressions.count()} time expressions; "
                f'in the story "{SEED_STORY}".'
            )
        )
