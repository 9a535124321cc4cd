"""story_add_articles / story_events_rebuild: grouping written to the database, curation kept."""

from __future__ import annotations

from datetime import date

import pytest

from tests.factories import make_article, make_reported_event, make_story
from timeline.models import Event
from timeline.stories.curation import story_event_update, story_mention_split
from timeline.stories.models import StoryEvent, StoryMention
from timeline.stories.services import story_add_articles, story_events_rebuild

pytestmark = pytest.mark.django_db
FRIDAY, SATURDAY = date(1998, 8, 7), date(1998, 8, 8)
BLAST = [
    "A truck bomb exploded outside the U.S. Embassy in Nairobi on Friday, killing dozens of people.",
    "A huge bomb exploded at the American embassy in Nairobi on Friday, killing dozens and wounding hundreds.",
    "The bomb that exploded at the U.S. Embassy in Nairobi on Friday killed dozens, police said.",
]
RESCUE = "Kenyan rescuers pulled three survivors from the rubble of a collapsed office block on Saturday."


def _story_with_blast_reports(n: int = 3):
    articles = [make_article() for _ in range(n)]
    events = [
        make_reported_event(article=a, sentence_text=s, phrase="Friday", day=FRIDAY) for a, s in zip(articles, BLAST)
    ]
    return make_story(), articles, events


def _groups(story) -> list[set[int]]:
    return sorted(({m.event_id for m in se.mentions.all()} for se in StoryEvent.objects.filter(story=story)), key=min)


def test_three_reports_of_one_blast_become_one_story_event_with_three_mentions() -> None:
    story, articles, events = _story_with_blast_reports()
    rescue = make_reported_event(article=articles[0], sentence_text=RESCUE, phrase="Saturday", day=SATURDAY)
    story_add_articles(story=story, articles=articles)
    assert _groups(story) == [{e.pk for e in events}, {rescue.pk}]
    blast = StoryEvent.objects.get(mentions__event=events[0])
    assert (blast.earliest, blast.latest) == (FRIDAY, FRIDAY)
    assert 0 < blast.confidence <= 1 and "3 mentions in 3 articles" in blast.evidence
    assert "nairobi" in blast.evidence


def test_rebuild_is_idempotent_and_keeps_story_event_ids() -> None:
    story, articles, _ = _story_with_blast_reports()
    story_add_articles(story=story, articles=articles)
    before = list(StoryEvent.objects.filter(story=story).values_list("pk", "title", "confidence"))
    summary = story_events_rebuild(story=story)
    assert (summary.created, summary.deleted, summary.mentions_moved, summary.mentions_added) == (0, 0, 0, 0)
    assert list(StoryEvent.objects.filter(story=story).values_list("pk", "title", "confidence")) == before


def test_a_new_article_joins_the_existing_story_event_and_its_curated_title_stays() -> None:
    story, articles, events = _story_with_blast_reports(2)
    story_add_articles(story=story, articles=articles[:2])
    blast = StoryEvent.objects.get(story=story)
    story_event_update(story_event=blast, title="Embassy bombing in Nairobi", status="approved")
    late = make_article()
    third = make_reported_event(article=late, sentence_text=BLAST[2], phrase="Friday", day=FRIDAY)
    story_add_articles(story=story, articles=[late])
    blast.refresh_from_db()
    assert blast.mentions.filter(event=third).exists()
    assert (blast.title, blast.status) == ("Embassy bombing in Nairobi", "approved")


def test_a_split_mention_is_never_proposed_with_the_others_again() -> None:
    story, articles, events = _story_with_blast_reports()
    story_add_articles(story=story, articles=articles)
    mention = StoryMention.objects.get(event=events[2])
    story_mention_split(mention=mention)
    story_events_rebuild(story=story)
    assert _groups(story) == [{events[0].pk, events[1].pk}, {events[2].pk}]


def test_hidden_and_merged_away_events_leave_the_story() -> None:
    story, articles, events = _story_with_blast_reports()
    story_add_articles(story=story, articles=articles)
    Event.objects.filter(pk=events[0].pk).update(status=Event.Status.HIDDEN)
    Event.objects.filter(pk=events[1].pk).update(merged_into=events[2])
    story_events_rebuild(story=story)
    assert _groups(story) == [{events[2].pk}]


def test_articles_already_in_the_story_do_not_regroup_again(django_assert_max_num_queries) -> None:
    story, articles, _ = _story_with_blast_reports()
    story_add_articles(story=story, articles=articles)
    with django_assert_max_num_queries(4):
        story_add_articles(story=story, articles=articles)


def test_the_seed_article_loads_into_the_seed_story(seed_article) -> None:
    from timeline.management.commands.load_seed import seed_article_import
    from timeline.stories.models import Story

    story = Story.objects.get(name="Seed")
    assert list(story.articles.all()) == [seed_article]
    events = set(seed_article.events.exclude(status="hidden").values_list("pk", flat=True))
    assert set(StoryMention.objects.filter(story=story).values_list("event_id", flat=True)) == events
    count = StoryEvent.objects.filter(story=story).count()
    assert 0 < count <= len(events)
    assert seed_article_import() == (seed_article, False)  # idempotent
    assert StoryEvent.objects.filter(story=story).count() == count


def test_features_are_stored_and_a_cold_regroup_parses_nothing_again(monkeypatch) -> None:
    from timeline.stories import features
    from timeline.stories.models import EventFeatures

    story, articles, events = _story_with_blast_reports()
    story_add_articles(story=story, articles=articles)
    assert set(EventFeatures.objects.values_list("event_id", flat=True)) == {e.pk for e in events}
    features._CACHE.clear()  # a new process
    monkeypatch.setattr(features, "load_pipeline", lambda: pytest.fail("parsed again"))
    summary = story_events_rebuild(story=story)
    assert (summary.story_events, summary.created, summary.mentions_moved) == (1, 0, 0)


def test_a_changed_sentence_is_parsed_again() -> None:
    from timeline.stories.models import EventFeatures

    story, articles, events = _story_with_blast_reports()
    story_add_articles(story=story, articles=articles)
    before = EventFeatures.objects.get(event=events[0]).digest
    events[0].sentence.text = "Rescuers searched the rubble on Friday."
    events[0].sentence.save()
    story_events_rebuild(story=story)
    row = EventFeatures.objects.get(event=events[0])
    assert row.digest != before and "rescuer" in row.data["lemmas"]


def test_new_story_events_are_written_in_the_same_queries_however_many() -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    happenings = [
        ("Kenyan rescuers pulled three survivors from the rubble on Saturday.", "Saturday", SATURDAY),
        ("The ambassador flew home to Washington on Monday.", "Monday", date(1998, 8, 10)),
        ("Investigators from the FBI arrived in Nairobi on Tuesday.", "Tuesday", date(1998, 8, 11)),
        ("A memorial service was held in the city on Thursday.", "Thursday", date(1998, 8, 13)),
    ]
    queries, summaries = [], []
    for n in (2, 4):
        article = make_article()
        for sentence, phrase, day in happenings[:n]:
            make_reported_event(article=article, sentence_text=sentence, phrase=phrase, day=day)
        story = make_story()
        story.articles.add(article)
        with CaptureQueriesContext(connection) as captured:
            summaries.append(story_events_rebuild(story=story))
        queries.append(len(captured))
    assert [s.created for s in summaries] == [2, 4] and queries[0] == queries[1]
