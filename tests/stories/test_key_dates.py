"""Key dates: ranked by distinct articles, then outlets, then leads; shown in time order."""

from __future__ import annotations

import json
from datetime import date

import pytest

from tests.factories import make_article, make_event, make_story, make_story_event
from timeline.exports import export_bytes
from timeline.exports.document import story_document
from timeline.stories.key_dates import Candidate, MentionText, best_sentence, key_dates
from timeline.temporal.types import OPEN_END

DAY = date(1998, 8, 7)


def candidate(event_id, day, *mentions, latest=None):
    return Candidate(event_id, f"Happening {event_id}", day, latest or day, tuple(mentions))


def told(article_id, source="AP", position=0, sentence="Two bombs exploded outside the embassies on Friday."):
    return MentionText(article_id, source, sentence, position)


def test_ranked_by_articles_then_outlets_then_leads_and_shown_in_time_order():
    bombing = candidate(1, DAY, told(1), told(2), told(3, "Reuters"))
    arrests = candidate(2, date(1998, 8, 9), told(1), told(2, "Xinhua"))  # 2 articles, 2 outlets
    funeral = candidate(3, date(1998, 8, 12), told(1), told(2))  # 2 articles, 1 outlet
    deep = candidate(4, date(1998, 8, 10), told(1, position=2000), told(2, "Xinhua", position=2000))
    aside = candidate(5, date(1998, 8, 8), told(3), told(3))  # one article twice: no key date
    found = key_dates([funeral, aside, deep, arrests, bombing], limit=3)
    # bombing (3 articles) first; arrests and deep have two outlets, arrests is in two leads; funeral
    # has one outlet and is left out at three.
    assert [k.event_id for k in found] == [1, 2, 4]
    assert found[0].count.articles == 3 and "3 articles from 2 outlets" in found[0].reason


def test_open_ended_and_long_spans_are_no_key_dates():
    open_ended = candidate(1, DAY, told(1), told(2), latest=OPEN_END)
    season = candidate(2, date(1998, 6, 1), told(1), told(2), latest=date(1998, 8, 31))
    day = candidate(3, DAY, told(1), told(2))
    aside = candidate(4, DAY, told(1))  # one article only: no key date
    assert [k.event_id for k in key_dates([open_ended, season, day, aside])] == [3]


def test_best_sentence_tells_the_title_rather_than_an_earlier_aside():
    funeral = told(
        1, position=40, sentence="A state funeral was held on Tuesday for those killed when a bomb exploded."
    )
    bombing = told(2, position=300, sentence="A truck bomb exploded outside the embassy in Tesmar on Friday.")
    assert best_sentence([funeral, bombing], "Truck bomb explodes outside embassy in Tesmar") == bombing.sentence


def test_best_sentence_is_the_earliest_readable_one():
    assert best_sentence([told(1, position=900, sentence="Later, officials said the toll rose."),
                          told(2, position=120, sentence="Bombs hit."),
                          told(3, position=300, sentence="Two bombs exploded outside the embassies on Friday.")]) == (
        "Two bombs exploded outside the embassies on Friday."
    )  # fmt: skip


@pytest.mark.django_db
def test_the_json_export_and_the_story_page_list_the_key_dates(client):
    first, second = make_article(title="AP wire", source="AP"), make_article(title="Xinhua wire", source="Xinhua")
    story = make_story(name="Embassies", articles=[first, second])
    bombs = [make_event(article=a, title="Bombs explode", sentence_text="Bombs exploded on Friday.", phrase="Friday",
                        earliest=DAY) for a in (first, second)]  # fmt: skip
    make_story_event(story=story, events=bombs, title="Bombs explode at embassies")
    aside = make_event(article=first, title="Talks resume", sentence_text="Talks resumed on Monday.", phrase="Monday")
    make_story_event(story=story, events=[aside], title="Talks resume")
    exported = json.loads(export_bytes(story_document(story=story), "json"))
    assert [k["title"] for k in exported["key_dates"]] == ["Bombs explode at embassies"]
    assert exported["key_dates"][0]["article_count"] == 2 and exported["key_dates"][0]["outlet_count"] == 2
    page = client.get(f"/stories/{story.slug}/").content.decode()
    assert "Key dates" in page and "Bombs exploded on Friday." in page and "2 articles from 2 outlets" in page
