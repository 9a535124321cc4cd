"""Story admin: the article list's "Add to story", story event list, confirm/split/join/approve/hide."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from tests.factories import make_article, make_reported_event, make_story
from timeline.stories.models import RejectedPairing, Story, StoryEvent
from timeline.stories.services import story_add_articles

pytestmark = pytest.mark.django_db
DAY = date(2025, 3, 12)
BREACH = ["The Dunmore Dam collapsed on Wednesday, flooding Brevik.", "The Dunmore Dam gave way on Wednesday.",
          "The Dunmore Dam burst on Wednesday, officials said."]  # fmt: skip
EMERGENCY = "Governor Ellen Marsh declared a state of emergency on Wednesday."
CHANGELIST = "admin:stories_storyevent_changelist"


def _articles():
    articles = [make_article(title=f"Report <b>{n}</b>") for n in range(3)]
    for article, sentence in zip(articles, BREACH):
        make_reported_event(article=article, sentence_text=sentence, phrase="Wednesday", day=DAY)
    make_reported_event(article=articles[1], sentence_text=EMERGENCY, phrase="Wednesday", day=DAY)
    return articles


@pytest.fixture
def story():
    story = make_story(name="Dam")
    story_add_articles(story=story, articles=_articles())
    return story


def _breach(story) -> StoryEvent:
    return StoryEvent.objects.get(story=story, mentions__event__sentence__text=BREACH[0])


def test_add_to_story_asks_for_the_name_then_groups(admin_client) -> None:
    articles = _articles()
    url = reverse("admin:timeline_article_changelist")
    selected = {"action": "add_to_story", "_selected_action": [a.pk for a in articles]}
    page = admin_client.post(url, selected)
    assert page.status_code == 200 and 'name="story_name"' in page.content.decode()
    assert "Report &lt;b&gt;0&lt;/b&gt;" in page.content.decode()  # titles escaped
    done = admin_client.post(url, {**selected, "confirm": "yes", "story_name": " Dunmore  dam "}, follow=True)
    assert "Added 3 article(s) to “Dunmore dam”" in done.content.decode()
    story = Story.objects.get(name="Dunmore dam")
    assert sorted(se.mentions.count() for se in story.story_events.all()) == [1, 3]


def test_add_to_story_with_an_empty_name_says_so_and_creates_nothing(admin_client) -> None:
    articles = _articles()
    response = admin_client.post(
        reverse("admin:timeline_article_changelist"),
        {"action": "add_to_story", "_selected_action": [a.pk for a in articles], "confirm": "yes", "story_name": "  "},
    )
    assert response.status_code == 200 and "A story needs a name." in response.content.decode()
    assert not Story.objects.exists()


def test_story_event_list_shows_sources_and_confidence_and_filters(admin_client, story) -> None:
    response = admin_client.get(reverse(CHANGELIST), {"sources": "many"})
    body = response.content.decode()
    assert response.status_code == 200
    assert _breach(story).title in body and EMERGENCY[:30] not in body
    assert f"{_breach(story).confidence:.2f}" in body
    story_page = admin_client.get(reverse("admin:stories_story_change", args=[story.pk])).content.decode()
    assert "Report &lt;b&gt;1&lt;/b&gt;" in story_page and "<b>1</b>" not in story_page


def test_a_single_source_story_event_shows_no_grouping_confidence(admin_client, story) -> None:
    single = StoryEvent.objects.get(story=story, mentions__event__sentence__text=EMERGENCY)
    assert single.confidence == 1.0  # the stored score of a grouping of one
    body = admin_client.get(reverse(CHANGELIST), {"sources": "one"}).content.decode()
    assert single.title in body and "1.00" not in body and "—" in body
    change = admin_client.get(reverse("admin:stories_storyevent_change", args=[single.pk])).content.decode()
    assert "1.00" not in change and "grouping confidence" in change.lower()


def test_a_confirmed_grouping_says_confirmed(admin_client, story) -> None:
    admin_client.post(reverse(CHANGELIST), {"action": "confirm_grouping", "_selected_action": [_breach(story).pk]})
    body = admin_client.get(reverse(CHANGELIST), {"sources": "many"}).content.decode()
    assert ">confirmed<" in body


def test_the_story_inline_lists_story_events_by_date(admin_client) -> None:
    article = make_article()
    days = [date(2025, 3, 14), date(2025, 3, 10), date(2025, 3, 12)]
    texts = ["Rescuers reached Brevik on Friday.", "Rain began falling on Monday.", "The dam broke on Wednesday."]
    phrases = ["Friday", "Monday", "Wednesday"]
    for text, phrase, day in zip(texts, phrases, days):
        make_reported_event(article=article, sentence_text=text, phrase=phrase, day=day)
    story = make_story(name="Flood")
    story_add_articles(story=story, articles=[article])
    page = admin_client.get(reverse("admin:stories_story_change", args=[story.pk])).content.decode()
    positions = [page.index(f"{day:%a %d %b %Y}") for day in sorted(days)]
    assert positions == sorted(positions)


def test_confirm_approve_and_hide_actions_call_the_services(admin_client, story) -> None:
    breach = _breach(story)
    for action in ("confirm_grouping", "approve"):
        admin_client.post(reverse(CHANGELIST), {"action": action, "_selected_action": [breach.pk]})
    breach.refresh_from_db()
    assert (breach.status, breach.confidence) == ("approved", 1.0)
    assert set(breach.mentions.values_list("confirmed", flat=True)) == {True}
    admin_client.post(reverse(CHANGELIST), {"action": "hide", "_selected_action": [breach.pk]})
    breach.refresh_from_db()
    assert breach.status == "hidden"


def test_split_page_lists_mentions_and_splits_the_ticked_one(admin_client, story) -> None:
    breach = _breach(story)
    selected = {"action": "split_mentions", "_selected_action": [breach.pk]}
    page = admin_client.post(reverse(CHANGELIST), selected).content.decode()
    mention = breach.mentions.order_by("pk").last()
    assert f'value="{mention.pk}"' in page and "Dunmore Dam burst" in page
    admin_client.post(reverse(CHANGELIST), {**selected, "confirm": "yes", "mention": [mention.pk]})
    assert breach.mentions.count() == 2
    assert RejectedPairing.objects.filter(story=story).count() == 2


def test_join_page_preselects_the_approved_story_event_and_joins(admin_client, story) -> None:
    breach = _breach(story)
    emergency = StoryEvent.objects.get(story=story, mentions__event__sentence__text=EMERGENCY)
    admin_client.post(reverse(CHANGELIST), {"action": "approve", "_selected_action": [emergency.pk]})
    selected = {"action": "join_story_events", "_selected_action": [breach.pk, emergency.pk]}
    page = admin_client.post(reverse(CHANGELIST), selected).content.decode()
    assert f'value="{emergency.pk}" checked' in page
    admin_client.post(reverse(CHANGELIST), {**selected, "confirm": "yes", "survivor": emergency.pk})
    assert list(StoryEvent.objects.filter(story=story)) == [emergency]
    assert emergency.mentions.count() == 4


def test_editing_the_title_in_the_admin_marks_it_curated(admin_client, story) -> None:
    breach = _breach(story)
    url = reverse("admin:stories_storyevent_change", args=[breach.pk])
    data = {"title": "Dunmore Dam fails", "earliest": "2025-03-12", "latest": "2025-03-12", "status": "proposed"}
    assert admin_client.post(url, data).status_code == 302
    breach.refresh_from_db()
    assert breach.title == "Dunmore Dam fails" and breach.curated_fields == ["title"]


def test_the_regroup_action_on_stories(admin_client) -> None:
    story = make_story(articles=_articles())
    assert not StoryEvent.objects.filter(story=story).exists()
    response = admin_client.post(
        reverse("admin:stories_story_changelist"),
        {"action": "rebuild_story_events", "_selected_action": [story.pk]},
        follow=True,
    )
    assert "2 story events (2 new, 0 removed)" in response.content.decode()


def test_an_open_ended_story_event_reads_in_words_not_year_one(admin_client, story) -> None:
    from timeline.temporal.types import OPEN_END

    StoryEvent.objects.filter(pk=_breach(story).pk).update(latest=OPEN_END, value="FUTURE_REF")
    body = admin_client.get(reverse(CHANGELIST)).content.decode()
    assert "9999" not in body
