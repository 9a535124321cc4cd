"""A story's entity pages and the entity filter use the clusters: "Clinton" finds "Bill Clinton"."""

from __future__ import annotations

from datetime import date

import pytest

from tests.factories import make_article, make_event, make_story, make_story_event
from timeline.entities.models import EntityScan, SentenceEntity

pytestmark = pytest.mark.django_db


@pytest.fixture
def story():
    article = make_article(title="Embassy wire")
    visit = make_event(
        article=article,
        title="Bill Clinton visits Nairobi",
        sentence_text="Bill Clinton visited Nairobi on Friday.",
        phrase="Friday",
    )
    speech = make_event(
        article=article,
        title="Clinton condemns attack",
        sentence_text="Clinton condemned the attack on Saturday.",
        phrase="Saturday",
        earliest=date(2024, 4, 14),
    )
    rain = make_event(
        article=article,
        title="Rain falls",
        sentence_text="Rain fell on Sunday.",
        phrase="Sunday",
        earliest=date(2024, 4, 15),
    )
    story = make_story(name="Embassy", articles=[article])
    for event, names in (
        (visit, [("Bill Clinton", "person"), ("Nairobi", "place")]),
        (speech, [("Clinton", "person")]),
        (rain, []),
    ):
        make_story_event(story=story, events=[event], title=event.title)
        SentenceEntity.objects.bulk_create(SentenceEntity(sentence=event.sentence, text=t, kind=k) for t, k in names)
        EntityScan.objects.create(sentence=event.sentence)
    return story


def test_the_entity_page_lists_the_happenings_naming_any_of_its_names(client, story):
    page = client.get(f"/stories/{story.slug}/entities/bill-clinton/").content.decode()
    assert "<h1>Bill Clinton</h1>" in page and "Also named “Clinton”" in page
    assert "Bill Clinton visits Nairobi" in page and "Clinton condemns attack" in page and "Rain falls" not in page


def test_the_filter_by_a_short_name_finds_the_full_name_too(client, story):
    page = client.get(f"/stories/{story.slug}/", {"entity": "Clinton"}).content.decode()
    assert "Bill Clinton visits Nairobi" in page and "Clinton condemns attack" in page and "Rain falls" not in page
    figure = client.get(f"/stories/{story.slug}/figure.json", {"entity": "clinton"}).content.decode()
    assert "Bill Clinton visits Nairobi" in figure and "Rain falls" not in figure


def test_the_story_page_links_each_entity_and_an_unknown_one_is_not_found(client, story):
    page = client.get(f"/stories/{story.slug}/").content.decode()
    assert f'href="/stories/{story.slug}/entities/bill-clinton/"' in page and ">Nairobi</a>" in page
    assert client.get(f"/stories/{story.slug}/entities/mombasa/").status_code == 404
