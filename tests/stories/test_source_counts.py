"""Every count of sources is a count of articles: the annotated stories through the real engine
and grouping, and one article that tells a happening twice, on the page, the chart and the exports."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
from django.urls import reverse

from tests.factories import make_article, make_reported_event, make_story, make_story_event
from timeline.exports import export_bytes
from timeline.exports.document import story_document
from timeline.stories.counting import outlet_of
from timeline.stories.evaluation import read_manifest
from timeline.stories.models import StoryEvent
from timeline.stories.selectors import story_mention_rows, with_source_counts
from webapp.charts.payload import expand_hover_strings
from webapp.views.story_rows import story_events_from_rows

pytestmark = pytest.mark.django_db

STORIES = Path(__file__).resolve().parents[2] / "fixtures" / "stories"
FOLDERS = sorted(p for p in STORIES.iterdir() if (p / "manifest.jsonl").is_file())
FRIDAY, MONDAY = date(1998, 8, 7), date(1998, 8, 10)


def _imported_story(folder: Path):
    from timeline.services import article_import
    from timeline.stories.services import story_add_articles, story_get_or_create

    articles = [
        article_import(text=a.text, title=a.title, published=a.published, source=a.source)
        for a in read_manifest(folder)
    ]
    story = story_get_or_create(name=folder.name)
    return story_add_articles(story=story, articles=articles), articles


@pytest.mark.slow
@pytest.mark.parametrize("folder", FOLDERS, ids=[f.name for f in FOLDERS])
def test_no_story_event_counts_more_sources_than_its_distinct_articles(folder: Path) -> None:
    story, articles = _imported_story(folder)
    outlet = {a.pk: outlet_of(a.source) for a in articles}
    page = story_events_from_rows(story_mention_rows(story=story))
    assert page, "the story has happenings"
    exported = {e.id: e for e in story_document(story=story).events}
    in_json = {e["id"]: e for e in json.loads(export_bytes(story_document(story=story), "json"))["events"]}
    in_admin = {e.pk: e for e in with_source_counts(StoryEvent.objects.filter(story=story))}
    for event in page:
        articles_of = {s.article_id for s in event.sources}
        assert event.count.articles == len(articles_of) <= event.count.mentions == len(event.sources)
        assert event.count.outlets == len({outlet[a].casefold() for a in articles_of})
        assert exported[event.id].count == event.count
        got = in_json[event.id]
        assert (got["article_count"], got["outlet_count"], got["mention_count"]) == (
            event.count.articles, event.count.outlets, event.count.mentions,
        )  # fmt: skip
        assert (in_admin[event.id].source_count, in_admin[event.id].mention_count) == (
            event.count.articles, event.count.mentions,
        )  # fmt: skip
    # The grouping does gather articles: a count that could be wrong is tested.
    assert max(e.count.articles for e in page) >= 3


@pytest.fixture
def told_twice():
    """One AP story tells the blast in two sentences and the arrests in two more; a Reuters
    story tells the blast once."""
    ap = make_article(title="Embassy bombed", source="https://apnews.com/a/1", published=MONDAY)
    reuters = make_article(title="Blast in Nairobi", source="Reuters", published=FRIDAY)

    def told(article, sentence: str, phrase: str, day: date):
        return make_reported_event(article=article, sentence_text=sentence, phrase=phrase, day=day)

    blast = [told(ap, "A bomb exploded on Friday.", "Friday", FRIDAY),
             told(ap, "The blast on Friday killed 12 people.", "Friday", FRIDAY),
             told(reuters, "A bomb went off on Friday.", "Friday", FRIDAY)]  # fmt: skip
    arrests = [told(ap, "Police arrested two men on Monday.", "Monday", MONDAY),
               told(ap, "Monday's arrests were the first.", "Monday", MONDAY)]  # fmt: skip
    story = make_story(name="Embassy bombing", articles=[ap, reuters])
    both = make_story_event(story=story, events=blast, title="Bomb explodes")
    ap_only = make_story_event(story=story, events=arrests, title="Police arrest two men")
    return story, ap_only, both


def test_one_article_telling_a_happening_twice_is_one_source_and_two_mentions(client, told_twice) -> None:
    story, ap_only, both = told_twice
    html = client.get(reverse("story-detail", args=[story.slug])).content.decode()
    row = html[html.index(f'id="story-event-{ap_only.pk}"') :]
    row = row[: row.index("</tr>")]
    assert "1 article" in row and "2 mentions" in row and "source" not in row.split('class="sources"')[0]
    assert row.count("<li>") == 1 and row.count('class="sentence"') == 2

    figure = expand_hover_strings(json.loads(client.get(reverse("story-figure", args=[story.slug])).content))
    hover = {row[0]: row[1] for trace in figure["data"] for row in trace.get("customdata") or []}
    assert "1 article · 2 mentions" in hover[ap_only.pk]
    assert "2 articles from 2 outlets · 3 mentions" in hover[both.pk]
    labels = [t for trace in figure["data"] if trace.get("mode") == "text" for t in trace["text"]]
    assert any("Bomb explodes ×2" in t for t in labels) and not any("×3" in t for t in labels)


def test_the_exports_count_articles_and_outlets_and_mentions(told_twice) -> None:
    story, ap_only, both = told_twice
    document = story_document(story=story)
    events = {e["id"]: e for e in json.loads(export_bytes(document, "json"))["events"]}
    assert {k: events[both.pk][k] for k in ("article_count", "outlet_count", "mention_count")} == {
        "article_count": 2, "outlet_count": 2, "mention_count": 3,
    }  # fmt: skip
    assert len(events[both.pk]["mentions"]) == 3  # every mention is still written out
    rows = list(csv.DictReader(io.StringIO(export_bytes(document, "csv").decode("utf-8-sig"))))
    assert {(r["sources"], r["outlets"], r["mentions"]) for r in rows if r["event_id"] == str(ap_only.pk)} == {
        ("1", "1", "2")
    }
    slides = {s["unique_id"]: s for s in json.loads(export_bytes(document, "timelinejs"))["events"]}
    text = slides[f"happening-{both.pk}"]["text"]["text"]
    assert "2 articles from 2 outlets · 3 mentions" in text and text.count("<li>") == 2
    assert "1 article · 2 mentions · proposed" in export_bytes(document, "ics").decode().replace("\r\n ", "")


def test_the_admin_lists_articles_and_says_when_mentions_are_more(admin_client, told_twice) -> None:
    _, ap_only, both = told_twice
    body = admin_client.get(reverse("admin:stories_storyevent_changelist")).content.decode()
    assert "1 (2 mentions)" in body and "2 (3 mentions)" in body
    many = admin_client.get(reverse("admin:stories_storyevent_changelist"), {"sources": "many"}).content.decode()
    assert "Bomb explodes" in many and "Police arrest two men" not in many
