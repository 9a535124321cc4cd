"""Every write to the story tables goes through these functions (keyword-only, atomic)."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.text import slugify

from timeline.models import Article
from timeline.stories.clustering import Grouper, group_mentions
from timeline.stories.join import join_articles
from timeline.stories.models import Story
from timeline.stories.regroup import RebuildSummary, rebuild
from timeline.stories.selectors import story_named


def story_get_or_create(*, name: str) -> Story:
    """The story called ``name``, created with a unique slug when new.

    Names match ignoring case and runs of whitespace, so typing "seed" on the import
    form (or in ``import_articles --story``) joins the existing "Seed" story instead of
    starting a second one beside it.
    """
    name = " ".join(name.split())
    if not name:
        raise ValidationError({"name": "A story needs a name."})
    if len(name) > Story._meta.get_field("name").max_length:
        raise ValidationError({"name": "The story name is too long (200 characters at most)."})
    existing = story_named(name=name)
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            return Story.objects.create(name=name, slug=_free_slug(name))
    except IntegrityError:
        # A concurrent request created it first.
        return Story.objects.get(name=name)


def story_add_articles(*, story: Story, articles: Iterable[Article], regroup: bool = True) -> Story:
    """Add ``articles`` to ``story`` (articles already in it are left alone), then regroup.

    Their events join matching story events or become new ones; curator decisions stay. Only the
    story events their events could match are regrouped (``join.py``), unless the story's grouping
    is out of date, when the whole story is.
    ``regroup=False`` defers the grouping (a batch adding many articles regroups once at the end).
    """
    articles = list(articles)
    with transaction.atomic():
        before = set(story.articles.values_list("pk", flat=True))
        story.articles.add(*articles)
    added = {a.pk for a in articles} - before
    if regroup and added and join_articles(story, added) is None:
        rebuild(story)  # the story's grouping was not current: regroup it all
    return story


def story_events_rebuild(*, story: Story, grouper: Grouper = group_mentions) -> RebuildSummary:
    """Regroup the story's events into story events; idempotent.

    Keeps every curator decision: confirmed mentions stay together, rejected pairings are
    never proposed again, curated titles/dates/statuses are kept. Run after articles join
    the story or one of its articles is re-analysed (the stories app hooks that in).
    """
    return rebuild(story, grouper)


def _free_slug(name: str) -> str:
    base = slugify(name)[:200] or "story"
    slug, n = base, 2
    while Story.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug
