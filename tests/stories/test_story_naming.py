"""story_get_or_create matches existing stories ignoring case and spacing; names are suggested."""

from __future__ import annotations

import pytest

from timeline.stories.models import Story
from timeline.stories.selectors import story_named, story_names
from timeline.stories.services import story_get_or_create

pytestmark = pytest.mark.django_db


def test_a_name_differing_only_in_case_or_spacing_finds_the_existing_story():
    seed = story_get_or_create(name="Seed story")
    for typed in ("seed story", "  SEED   story ", "Seed\tStory"):
        assert story_get_or_create(name=typed) == seed
    assert Story.objects.count() == 1 and Story.objects.get().slug == "seed-story"


def test_case_folding_covers_letters_beyond_ascii():
    zurich = story_get_or_create(name="ÉLECTIONS à Zürich")
    assert story_get_or_create(name="élections À ZÜRICH") == zurich
    assert Story.objects.count() == 1


def test_a_different_name_still_makes_a_new_story():
    story_get_or_create(name="Seed")
    other = story_get_or_create(name="Seeds")
    assert other.name == "Seeds" and Story.objects.count() == 2


def test_older_case_duplicates_prefer_the_exact_spelling_then_the_oldest():
    first = Story.objects.create(name="Seed", slug="seed")
    second = Story.objects.create(name="seed", slug="seed-2")
    assert story_named(name="seed") == second
    assert story_named(name="SEED") == first
    assert story_named(name="Unknown") is None


def test_story_names_are_listed_by_name():
    for name in ("Vienna talks", "Budget", "Ärzte strike"):
        story_get_or_create(name=name)
    names = story_names()
    assert set(names) == {"Vienna talks", "Budget", "Ärzte strike"}
    assert names.index("Budget") < names.index("Vienna talks")
