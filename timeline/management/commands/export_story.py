"""`manage.py export_story NAME --format json|csv|ics|timelinejs|timeml [--approved] [--output FILE]`
(or `--article ID` instead of NAME): write a story's or an article's timeline to stdout or FILE.
A story's export takes the story page's filters: `--from DATE --to DATE --outlet NAME --entity NAME
--keyword WORDS --from-article ID`."""

from __future__ import annotations

import sys
from argparse import ArgumentTypeError
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db.models import Q

from timeline.entities.clusters import find_entity
from timeline.entities.selectors import story_entity_list
from timeline.exports import EXPORT_FORMATS, export_bytes
from timeline.exports.document import article_document, story_document
from timeline.models import Article
from timeline.stories.models import Story
from timeline.stories.selectors import StoryFilters

FILTER_OPTIONS = (("From", "start"), ("To", "end"), ("Outlet", "outlet"), ("Who or where", "entity"),
                  ("Keyword", "keyword"), ("Article", "from_article"))  # fmt: skip


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


class Command(BaseCommand):
    help = "Export a story (by name or slug) or one article as JSON, CSV, iCalendar, TimelineJS or TimeML (ZIP)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("name", nargs="?", help="the story's name or slug")
        parser.add_argument("--article", type=int, help="export this article (by id) instead of a story")
        parser.add_argument("--format", choices=sorted(EXPORT_FORMATS), default="json")
        parser.add_argument("--approved", action="store_true", help="only events a curator approved")
        parser.add_argument("--output", type=Path, help="write here instead of standard output")
        parser.add_argument("--from", dest="start", type=_day, help="happenings on or after this day (YYYY-MM-DD)")
        parser.add_argument("--to", dest="end", type=_day, help="happenings on or before this day (YYYY-MM-DD)")
        parser.add_argument("--outlet", default="", help="happenings one of whose articles is from this outlet")
        parser.add_argument("--entity", default="", help="happenings naming this person, organisation or place")
        parser.add_argument("--keyword", default="", help="happenings whose title or sentences hold these words")
        parser.add_argument("--from-article", type=int, help="happenings reported by this article (its id)")

    def handle(self, *args: Any, **options: Any) -> None:
        if (options["name"] is None) == (options["article"] is None):
            raise CommandError("Give a story NAME or --article ID (one of them).")
        if options["article"] is not None:
            article = Article.objects.defer("text").filter(pk=options["article"]).first()
            if article is None:
                raise CommandError(f"No article with id {options['article']}.")
            document = article_document(article=article, approved_only=options["approved"])
        else:
            name = " ".join(options["name"].split())
            story = Story.objects.filter(Q(name__iexact=name) | Q(slug=name)).first()
            if story is None:
                known = ", ".join(Story.objects.order_by("name").values_list("name", flat=True)[:20]) or "none yet"
                raise CommandError(f"No story called {name!r}. Stories: {known}.")
            filters = StoryFilters(
                start=options["start"], end=options["end"], outlet=options["outlet"].strip(),
                entity=options["entity"].strip(), keyword=options["keyword"].strip(),
                article_ids=(options["from_article"],) if options["from_article"] else (),
            )  # fmt: skip
            entity = find_entity(story_entity_list(story=story, limit=None), filters.entity) if filters.entity else None
            if entity is not None:
                filters = replace(filters, entity_names=entity.written)
            words = tuple((label, str(options[key])) for label, key in FILTER_OPTIONS if options[key] not in (None, ""))
            document = story_document(
                story=story, approved_only=options["approved"], filters=filters, filtered_by=words
            )
        data = export_bytes(document, options["format"])
        if options["output"] is not None:
            try:
                options["output"].write_bytes(data)
            except OSError as exc:
                raise CommandError(f"Could not write {options['output']}: {exc.strerror}") from None
            self.stderr.write(f"{len(document.events)} events written to {options['output']} ({len(data):,} bytes).")
            return
        if options["format"] != "timeml":
            self.stdout.write(data.decode("utf-8"), ending="")
            return
        if sys.stdout.isatty():
            raise CommandError("TimeML is a ZIP archive: give --output FILE or redirect standard output.")
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
