"""The story list, the story page (filters in the URL, table of happenings with sources) and its chart data."""

from __future__ import annotations

import json
from datetime import date

import pytest
from django.urls import reverse

from tests.factories import make_article, make_event, make_story, make_story_event
from timeline.entities.models import SentenceEntity
from webapp.charts.payload import expand_hover_strings

pytestmark = pytest.mark.django_db

HOSTILE = "<img src=x onerror=alert(1)>"


@pytest.fixture
def bombing_story():
    """Three outlets report one bombing; one of them also reports a later arrest."""
    ap = make_article(title="Embassy bombed in Nairobi", source="https://apnews.com/a/1", published=date(1998, 8, 7))
    xinhua = make_article(title="Blast hits US embassy", source="Xinhua", published=date(1998, 8, 8))
    local = make_article(title="Nairobi mourns", source="file-3.txt", published=date(1998, 8, 9))
    blasts = [
        make_event(
            article=a,
            title="Bomb explodes",
            earliest=date(1998, 8, 7),
            phrase="Friday",
            sentence_text=f"A bomb exploded near the embassy on Friday, {a.title} said.",
        )
        for a in (ap, xinhua, local)
    ]
    arrest = make_event(
        article=xinhua,
        title="Police arrest suspect",
        earliest=date(1998, 8, 14),
        phrase="Aug. 14",
        sentence_text="Police in Dar es Salaam arrested a suspect on Aug. 14.",
    )
    story = make_story(name="Embassy bombings", articles=[ap, xinhua, local])
    bombing = make_story_event(story=story, events=blasts, title="Bomb explodes at embassy", status="approved")
    arrested = make_story_event(story=story, events=[arrest], title="Police arrest suspect")
    SentenceEntity.objects.create(sentence=arrest.sentence, text="Dar es Salaam", kind="place")
    return {"story": story, "bombing": bombing, "arrest": arrested, "articles": (ap, xinhua, local)}


def figure(client, story, query: str = "") -> dict:
    response = client.get(reverse("story-figure", args=[story.slug]) + query)
    assert response.status_code == 200
    return expand_hover_strings(json.loads(response.content))


def hovers(spec: dict) -> dict[int, str]:
    return {row[0]: row[1] for trace in spec["data"] for row in trace.get("customdata") or []}


def test_home_lists_stories_first_with_counts(client, bombing_story):
    html = client.get(reverse("article-list")).content.decode()
    story_at = html.index("Embassy bombings")
    assert story_at < html.index("Nairobi mourns")
    card = html[story_at : story_at + 600]
    assert "<strong>2</strong> events" in card and "<strong>3</strong> articles" in card


def test_story_list_page(client, bombing_story):
    response = client.get(reverse("story-list"))
    assert response.status_code == 200
    assert reverse("story-detail", args=["embassy-bombings"]) in response.content.decode()


def test_story_page_nests_sources_under_one_happening(client, bombing_story):
    response = client.get(reverse("story-detail", args=[bombing_story["story"].slug]))
    html = response.content.decode()
    row = html[html.index(f'id="story-event-{bombing_story["bombing"].pk}"') :]
    row = row[: row.index("</tr>")]
    assert "3 articles from 3 outlets" in row
    for article in bombing_story["articles"]:
        assert reverse("article-timeline", args=[article.pk]) in row
    assert row.count("<mark>Friday</mark>") == 3
    assert "(apnews.com)" in row and "(Xinhua)" in row


def test_one_marker_per_happening_with_its_sources_in_the_hover(client, bombing_story):
    spec = figure(client, bombing_story["story"])
    texts = hovers(spec)
    assert set(texts) == {bombing_story["bombing"].pk, bombing_story["arrest"].pk}
    bombing = texts[bombing_story["bombing"].pk]
    assert "3 articles from 3 outlets" in bombing and "Blast hits US embassy" in bombing and "<b>Friday</b>" in bombing
    labels = [t for trace in spec["data"] if trace.get("mode") == "text" for t in trace["text"]]
    assert any("Bomb explodes at embassy" in label and "×3" in label for label in labels)


@pytest.mark.parametrize(
    ("query", "kept"),
    [
        ("?start=1998-08-10", {"arrest"}),
        ("?end=1998-08-08", {"bombing"}),
        ("?outlet=apnews.com", {"bombing"}),
        ("?q=arrested", {"arrest"}),
        ("?q=EMBASSY", {"bombing"}),
        ("?status=approved", {"bombing"}),
        ("?status=proposed", {"arrest"}),
        ("?entity=dar+es+salaam", {"arrest"}),
        ("", {"bombing", "arrest"}),
    ],
)
def test_filters_from_the_query_string_narrow_page_and_chart(client, bombing_story, query, kept):
    story = bombing_story["story"]
    expected = {bombing_story[name].pk for name in kept}
    assert set(hovers(figure(client, story, query))) == expected
    html = client.get(reverse("story-detail", args=[story.slug]) + query).content.decode()
    shown = {pk for pk in (bombing_story["bombing"].pk, bombing_story["arrest"].pk) if f'id="story-event-{pk}"' in html}
    assert shown == expected
    if query:
        # The chart fetches the same filtered data the table shows.
        assert reverse("story-figure", args=[story.slug]) + query.replace("+", "+") in html.replace("&amp;", "&")


def test_article_filter_keeps_every_source_of_a_kept_happening(client, bombing_story):
    ap = bombing_story["articles"][0]
    texts = hovers(figure(client, bombing_story["story"], f"?article={ap.pk}"))
    assert list(texts) == [bombing_story["bombing"].pk]
    assert "3 articles from 3 outlets" in texts[bombing_story["bombing"].pk]


def test_bad_filter_is_reported_and_the_rest_still_apply(client, bombing_story):
    story = bombing_story["story"]
    response = client.get(reverse("story-detail", args=[story.slug]) + "?start=yesterday&status=approved")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Some filters could not be used" in html and "<strong>From</strong>:" in html
    assert "filtered by the other filters only" in html and "1 happening matches the filters that could be used" in html
    assert f'id="story-event-{bombing_story["arrest"].pk}"' not in html


def test_a_reversed_date_range_is_ignored_whole_and_the_count_says_so(client, bombing_story):
    story = bombing_story["story"]
    url = reverse("story-detail", args=[story.slug])
    html = client.get(url + "?start=1998-08-10&end=1998-08-01").content.decode()
    assert "<strong>From and To</strong>: the end date is before the start date" in html
    assert "not filtered" in html and "match the filters" not in html
    assert "2 happenings," in html  # From alone would have kept 1 and called it a match
    for key in ("bombing", "arrest"):
        assert f'id="story-event-{bombing_story[key].pk}"' in html
    assert len(hovers(figure(client, story, "?start=1998-08-10&end=1998-08-01"))) == 2  # the chart agrees


def test_unknown_story_is_404(client, db):
    assert client.get(reverse("story-detail", args=["nope"])).status_code == 404
    assert client.get(reverse("story-figure", args=["nope"])).status_code == 404


def test_story_text_is_escaped_on_page_and_chart(client):
    article = make_article(title=f"Talks {HOSTILE}", source=HOSTILE)
    event = make_event(article=article, title=f"Meet {HOSTILE}", sentence_text=f"They met {HOSTILE} on Saturday.")
    story = make_story(name="Hostile", description=HOSTILE)
    make_story_event(story=story, events=[event])
    html = client.get(reverse("story-detail", args=[story.slug])).content.decode()
    assert HOSTILE not in html and "&lt;img src=x" in html
    raw = client.get(reverse("story-figure", args=[story.slug])).content.decode()
    assert "<img" not in json.loads(raw).__repr__()


def test_at_opens_the_table_page_holding_that_story_event(client):
    from timeline.stories.models import StoryEvent

    article = make_article()
    story = make_story(name="Long", articles=[article])
    # 230 story events over 23 days: ten share each day, so order within a day falls to the id.
    StoryEvent.objects.bulk_create([
        StoryEvent(story=story, title=f"Happening {n}", earliest=date(2024, 1, 1 + n % 23), latest=date(2024, 1, 1 + n % 23))
        for n in range(230)
    ])  # fmt: skip
    ordered = list(StoryEvent.objects.filter(story=story).order_by("earliest", "latest", "id"))
    events = {se.pk: make_event(article=article, earliest=se.earliest) for se in ordered}
    from timeline.stories.models import StoryMention

    StoryMention.objects.bulk_create(
        [StoryMention(story=story, story_event_id=pk, event=e) for pk, e in events.items()]
    )
    for position in (0, 99, 100, 229):
        target = ordered[position]
        html = client.get(reverse("story-detail", args=[story.slug]) + f"?at={target.pk}").content.decode()
        assert f"Page {position // 100 + 1} of 3" in html
        assert f'id="story-event-{target.pk}"' in html
    # Filtered out: the first page, not an error.
    html = client.get(
        reverse("story-detail", args=[story.slug]) + f"?at={ordered[5].pk}&status=approved"
    ).content.decode()
    assert "No happening matches these filters." in html


def test_curators_get_a_curate_link_per_happening_readers_do_not(client, admin_client, bombing_story):
    url = reverse("story-detail", args=[bombing_story["story"].slug])
    change = reverse("admin:stories_storyevent_change", args=[bombing_story["bombing"].pk])
    assert change in admin_client.get(url).content.decode()
    assert change not in client.get(url).content.decode()
    assert admin_client.get(change).status_code == 200


def lede(html: str) -> str:
    start = html.index('<p class="lede">', html.index("<h1>"))
    return " ".join(html[start : html.index("</p>", start)].removeprefix('<p class="lede">').split())


def test_a_bad_date_is_reported_with_one_full_stop(client, bombing_story):
    url = reverse("story-detail", args=[bombing_story["story"].slug])
    html = client.get(url + "?start=yesterday").content.decode()
    assert "<strong>From</strong>: Enter a valid date. The happenings below" in html
    assert ".." not in html.replace("...", "")


def test_the_count_reads_naturally_and_claims_no_articles_for_no_match(client, bombing_story):
    url = reverse("story-detail", args=[bombing_story["story"].slug])
    assert lede(client.get(url + "?q=zeppelin").content.decode()) == "No happenings match the filters."
    one = lede(client.get(url + "?entity=dar+es+salaam").content.decode())
    assert one.startswith("1 happening matches the filters.") and "reported by" not in one
    assert lede(client.get(url + "?start=1998-08-01").content.decode()).startswith("2 happenings match the filters.")
    assert lede(client.get(url).content.decode()).startswith("2 happenings, reported by 3 articles.")


def test_an_empty_story_says_so(client, db):
    empty = make_story(name="Empty")
    assert (
        lede(client.get(reverse("story-detail", args=[empty.slug])).content.decode())
        == "No articles in this story yet."
    )


def test_an_article_page_links_the_stories_it_is_in(client, bombing_story):
    story, article = bombing_story["story"], bombing_story["articles"][0]
    page = client.get(reverse("article-timeline", args=[article.pk])).content.decode()
    assert f'href="{story.get_absolute_url()}"' in page
    assert "<dt>Story</dt>" in page
    alone = make_article(title="Not in any story")
    assert "<dt>Story</dt>" not in client.get(reverse("article-timeline", args=[alone.pk])).content.decode()
