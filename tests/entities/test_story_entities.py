"""People, organisations and places of a story's mention sentences, found once by spaCy and filterable."""

from __future__ import annotations

from datetime import date

import pytest

from tests.factories import make_article, make_event, make_story, make_story_event
from timeline.entities.models import EntityScan, SentenceEntity
from timeline.entities.recognise import entities_in
from timeline.entities.selectors import story_entity_list
from timeline.entities.services import story_entities_refresh
from timeline.signals import send_article_analysed
from timeline.stories.selectors import StoryFilters, story_event_list


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [("Madeleine Albright flew to Nairobi on Friday.", {("Madeleine Albright", "person"), ("Nairobi", "place")}),
     ("The FBI sent agents to Kenya on Monday.", {("FBI", "organisation"), ("Kenya", "place")}),
     ("It rained on Monday.", set())],
)  # fmt: skip
def test_entities_in_sentences(sentence, expected):
    (found,) = entities_in([sentence])
    assert found == expected


@pytest.mark.django_db
def test_refresh_stores_entities_once_and_the_filter_uses_them():
    article = make_article()
    nairobi = make_event(article=article, sentence_text="A bomb exploded in Nairobi on Friday.", phrase="Friday")
    rain = make_event(
        article=article, sentence_text="It rained on Saturday.", phrase="Saturday", earliest=date(2024, 4, 14)
    )
    story = make_story(articles=[article])
    kept = make_story_event(story=story, events=[nairobi])
    make_story_event(story=story, events=[rain])
    assert story_entities_refresh(story=story) == 2
    assert story_entities_refresh(story=story) == 0  # read sentences are not read again
    assert EntityScan.objects.count() == 2
    assert list(SentenceEntity.objects.values_list("text", "kind")) == [("Nairobi", "place")]
    assert [(e.label, e.kind, e.mentions) for e in story_entity_list(story=story)] == [("Nairobi", "place", 1)]
    assert list(story_event_list(story=story, filters=StoryFilters(entity="nairobi"))) == [kept]


@pytest.mark.django_db
def test_command_reads_named_or_all_stories():
    import io

    from django.core.management import CommandError, call_command

    article = make_article()
    story = make_story(name="Blast", articles=[article])
    make_story_event(
        story=story,
        events=[make_event(article=article, sentence_text="Police in Kenya acted on Friday.", phrase="Friday")],
    )
    out = io.StringIO()
    call_command("story_entities", "blast", stdout=out)
    assert out.getvalue().strip() == "Blast: 1 sentence read"
    out = io.StringIO()
    call_command("story_entities", stdout=out)
    assert out.getvalue().strip() == "Blast: 0 sentences read"
    with pytest.raises(CommandError, match="No story called 'other'"):
        call_command("story_entities", "other")


@pytest.mark.django_db
def test_unread_sentences_match_the_name_in_their_text_until_read():
    article = make_article()
    kenya = make_event(article=article, sentence_text="Police in Kenya acted on Friday.", phrase="Friday")
    # "Kenyan" contains the name but is not the place: once read, only the entity counts.
    kenyan = make_event(
        article=article, sentence_text="A Kenyan court sat on Saturday.", phrase="Saturday", earliest=date(2024, 4, 14)
    )
    story = make_story(articles=[article])
    in_kenya = make_story_event(story=story, events=[kenya])
    court = make_story_event(story=story, events=[kenyan])
    assert set(story_event_list(story=story, filters=StoryFilters(entity="Kenya"))) == {in_kenya, court}
    story_entities_refresh(story=story)
    assert list(story_event_list(story=story, filters=StoryFilters(entity="Kenya"))) == [in_kenya]


@pytest.mark.django_db
def test_articles_joining_a_story_or_reanalysed_are_read_after_the_commit(django_capture_on_commit_callbacks):
    article = make_article()
    make_event(article=article, sentence_text="Albright flew to Nairobi on Friday.", phrase="Friday")
    story = make_story()
    with django_capture_on_commit_callbacks(execute=True):
        story.articles.add(article)
    assert set(SentenceEntity.objects.values_list("text", flat=True)) == {"Albright", "Nairobi"}
    make_event(
        article=article, sentence_text="The FBI arrived on Saturday.", phrase="Saturday", earliest=date(2024, 4, 14)
    )
    with django_capture_on_commit_callbacks(execute=True):
        send_article_analysed(article.pk)  # what store_extraction sends after a re-analysis
    assert "FBI" in set(SentenceEntity.objects.values_list("text", flat=True))
    other = make_story()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        article.stories.add(other)  # from the article's side: nothing new to read
    assert len(callbacks) == 1 and EntityScan.objects.count() == 2


@pytest.mark.django_db
def test_without_the_model_nothing_is_marked_read(monkeypatch):
    from timeline.entities import services
    from timeline.temporal.nlp import Pipeline

    monkeypatch.setattr(services, "load_pipeline", lambda: Pipeline(splitter=None, parser=None, mode="blank"))
    article = make_article()
    make_event(article=article, sentence_text="Police in Kenya acted on Friday.", phrase="Friday")
    story = make_story(articles=[article])
    assert story_entities_refresh(story=story) == 0
    assert not EntityScan.objects.exists()  # read again once the model is installed


@pytest.mark.django_db
def test_a_name_read_as_two_kinds_is_listed_once():
    article = make_article()
    first = make_event(article=article, sentence_text="Biden spoke on Friday.", phrase="Friday")
    second = make_event(
        article=article, sentence_text="Biden met aides on Saturday.", phrase="Saturday", earliest=date(2024, 4, 14)
    )
    story = make_story(articles=[article])
    make_story_event(story=story, events=[first])
    make_story_event(story=story, events=[second])
    SentenceEntity.objects.create(sentence=first.sentence, text="Biden", kind="person")
    SentenceEntity.objects.create(sentence=second.sentence, text="Biden", kind="organisation")
    assert [(e.label, e.kind, e.mentions) for e in story_entity_list(story=story)] == [("Biden", "person", 2)]
