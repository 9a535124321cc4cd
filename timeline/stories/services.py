"""Every write to the story tables goes through these functions (keyword-only, atomic)."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.text import slugify

from timeline.models import Article
from timeline.stories.models import Story


def story_get_or_create(*, name: str) -> Story:
    """The story called ``name`` (whitespace folded), created with a unique slug when new."""
    name = " ".join(name.split())
    if not name:
        raise ValidationError({"name": "A story needs a name."})
    if len(name) > Story._meta.get_field("name").max_length:
        raise ValidationError({"name": "The story name is too long (200 characters at most)."})
    existing = Story.objects.filter(name=name).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            return Story.objects.create(name=name, slug=_free_slug(name))
    except IntegrityError:
        # A concurrent request created it first.
        return Story.objects.get(name=name)


def story_add_articles(*, story: Story, articles: Iterable[Article]) -> Story:
    """Add ``articles`` to ``story`` (articles already in it are left alone)."""
    with transaction.atomic():
        story.articles.add(*articles)
    return story


def _free_slug(name: str) -> str:
    base = slugify(name)[:200] or "story"
    slug, n = base, 2
    while Story.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug
