"""`manage.py story_entities [NAME ...]`: find the people, organisations and places of the stories'
mention sentences (all stories when no name is given), for the story page's entity filter."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db.models import Q

from timeline.entities.services import story_entities_refresh
from timeline.stories.models import Story


class Command(BaseCommand):
    help = "Find named entities in the sentences of stories' mentions (sentences already read are skipped)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("names", nargs="*", help="story names or slugs (default: every story)")

    def handle(self, *args: Any, **options: Any) -> None:
        stories = list(Story.objects.order_by("name"))
        if options["names"]:
            wanted = []
            for name in options["names"]:
                story = Story.objects.filter(Q(name__iexact=" ".join(name.split())) | Q(slug=name)).first()
                if story is None:
                    raise CommandError(f"No story called {name!r}.")
                wanted.append(story)
            stories = wanted
        for story in stories:
            read = story_entities_refresh(story=story)
            self.stdout.write(f"{story.name}: {read} sentence{'s' if read != 1 else ''} read")
