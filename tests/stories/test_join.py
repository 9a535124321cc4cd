"""A new article joins a grouped story: the same grouping as a full regroup, curation kept, and a
number of queries that does not grow with the story."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.factories import make_article, make_reported_event, make_story
from timeline.models import Event
from timeline.stories.curation import story_event_update, story_mention_split
from timeline.stories.join import join_articles
from timeline.stories.models import StoryEvent, StoryMention
from timeline.stories.services import story_add_articles, story_events_rebuild

pytestmark = pytest.mark.django_db
FRIDAY, SATURDAY = date(1998, 8, 7), date(1998, 8, 8)
# (article, sentence, phrase, day): several outlets, two happenings each told three ways, a near-miss.
REPORTS = [
    (0, "A truck bomb exploded outside the U.S. Embassy in Nairobi on Friday, killing dozens.", "Friday", FRIDAY),
    (0, "Kenyan rescuers pulled three survivors from the rubble of an office block on Saturday.", "Saturday", SATURDAY),
    (1, "A huge bomb exploded at the American embassy in Nairobi on Friday, wounding hundreds.", "Friday", FRIDAY),
    (1, "Dock workers in Mombasa went on strike on Friday over unpaid wages.", "Friday", FRIDAY),
    (2, "Rescuers pulled three survivors from the rubble of the collapsed office block on Saturday.", "Saturday",
     SATURDAY),
    (2, "Mombasa dock workers walked out on Friday, demanding their unpaid wages.", "Friday", FRIDAY),
    (3, "The bomb that exploded at the U.S. Embassy in Nairobi on Friday killed dozens, police said.", "Friday", FRIDAY),
    (3, "On Saturday, rescuers pulled survivors from the rubble of the office block.", "Saturday", SATURDAY),
]  # fmt: skip


def _articles() -> tuple[list, dict[int, list[Event]]]:
    articles = [make_article() for _ in range(4)]
    events: dict[int, list[Event]] = {n: [] for n in range(4)}
    for n, sentence, phrase, day in REPORTS:
        events[n].append(make_reported_event(article=articles[n], sentence_text=sentence, phrase=phrase, day=day))
    return articles, events


def _groups(story) -> set[frozenset[int]]:
    return {frozenset(m.event_id for m in se.mentions.all()) for se in StoryEvent.objects.filter(story=story)}


def test_a_joining_article_is_grouped_as_a_full_regroup_groups_it() -> None:
    articles, events = _articles()
    joined = make_story()
    story_add_articles(story=joined, articles=articles[:3])
    before = _groups(joined)
    joined.articles.add(articles[3])
    assert (
        join_articles(joined, {articles[3].pk}) is not None
    )  # the story was current: the join ran, not a full regroup
    whole = make_story(articles=articles)
    story_events_rebuild(story=whole)
    assert _groups(joined) == _groups(whole)
    blast, rescue = events[3]
    assert {events[0][0].pk, events[1][0].pk, blast.pk} in _groups(joined)  # the new reports joined the old ones
    assert any(rescue.pk in g and len(g) == 3 for g in _groups(joined))
    strike = frozenset({events[1][1].pk, events[2][1].pk})
    assert strike in before and strike in _groups(joined)  # the strike, nothing new to match, was left alone


def test_a_join_keeps_a_split_and_a_curated_title() -> None:
    articles, events = _articles()
    story = make_story()
    story_add_articles(story=story, articles=articles[:3])
    bomb = StoryEvent.objects.get(mentions__event=events[0][0])
    story_event_update(story_event=bomb, title="Embassy bombing in Nairobi")
    story_mention_split(mention=StoryMention.objects.get(event=events[1][0]))
    story_add_articles(story=story, articles=[articles[3]])
    bomb.refresh_from_db()
    assert bomb.title == "Embassy bombing in Nairobi"
    assert set(bomb.mentions.values_list("event_id", flat=True)) == {events[0][0].pk, events[3][0].pk}
    split = StoryMention.objects.get(event=events[1][0])
    assert split.confirmed and split.story_event.mentions.count() == 1


def test_a_story_whose_grouping_is_out_of_date_is_regrouped_whole() -> None:
    articles, events = _articles()
    story = make_story()
    story_add_articles(story=story, articles=articles[:3])
    Event.objects.filter(pk=events[2][0].pk).update(status=Event.Status.HIDDEN)  # no regroup ran after it
    story.articles.add(articles[3])
    assert join_articles(story, {articles[3].pk}) is None
    story_add_articles(story=story, articles=[articles[3]])  # already in: nothing to do
    story_events_rebuild(story=story)
    assert not StoryMention.objects.filter(story=story, event=events[2][0]).exists()


ACTORS = ["Harlow Foods", "the city council", "the port authority", "the transit union", "Orion Retail"]
ACTIONS = ["approved the budget", "closed the plant", "opened an inquiry", "signed a deal", "went on strike"]


def _story_of(size: int):
    """A grouped story of ``size`` articles, two dated sentences each, and one article to join."""
    articles = [make_article() for _ in range(size + 1)]
    for n, article in enumerate(articles):
        for k in range(2):
            day = date(2025, 3, 3) + timedelta(days=(n + k) % 5)
            sentence = f"{ACTORS[(n + k) % 5]} {ACTIONS[(n * 2 + k) % 5]} in Brevik on {day:%B} {day.day}."
            make_reported_event(article=article, sentence_text=sentence, phrase=f"{day:%B} {day.day}", day=day)
    story = make_story()
    story_add_articles(story=story, articles=articles[:-1])
    return story, articles[-1]


@pytest.mark.parametrize("size", [3, 15])
def test_a_join_costs_the_same_queries_whatever_the_story_size(size, django_assert_max_num_queries) -> None:
    story, joining = _story_of(size)
    with django_assert_max_num_queries(20):
        story_add_articles(story=story, articles=[joining])
    assert StoryMention.objects.filter(story=story, event__article=joining).count() == 2


def test_a_negated_event_without_a_story_event_does_not_stop_the_join() -> None:
    articles, events = _articles()
    denied = make_reported_event(
        article=articles[0], sentence_text="Police did not arrest anyone on Friday.", phrase="Friday", day=FRIDAY
    )
    story = make_story()
    story_add_articles(story=story, articles=articles[:3])
    assert not StoryMention.objects.filter(story=story, event=denied).exists()  # no story event of its own
    story.articles.add(articles[3])
    assert join_articles(story, {articles[3].pk}) is not None
