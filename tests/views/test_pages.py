"""Every read page answers, shows what it should, and keeps article text inert."""

from __future__ import annotations

import json
from datetime import date

import pytest
from django.urls import reverse

from tests.factories import make_article, make_event
from tests.views.conftest import HOSTILE, HOSTILE_SCRIPT
from timeline.models import Event
from timeline.temporal.types import OPEN_END
from webapp.charts.payload import expand_hover_strings

pytestmark = pytest.mark.django_db


def page_urls(article, event) -> list[str]:
    return [
        reverse("article-list"),
        reverse("timeline"),
        reverse("article-timeline", args=[article.pk]),
        reverse("event-detail", args=[event.pk]),
        reverse("api-events"),
        reverse("article-timelinejs", args=[article.pk]),
    ]


def test_every_page_answers(client, hostile_article, hostile_event):
    for url in page_urls(hostile_article, hostile_event):
        assert client.get(url).status_code == 200, url


def test_missing_article_and_event_are_404(client, db):
    for url in (
        reverse("article-timeline", args=[999]),
        reverse("event-detail", args=[999]),
        reverse("article-timelinejs", args=[999]),
    ):
        assert client.get(url).status_code == 404, url


@pytest.mark.parametrize("name", ["article-list", "timeline", "article-timeline", "event-detail"])
def test_hostile_text_is_escaped_on_every_page(client, hostile_article, hostile_event, name):
    arg = {"article-timeline": [hostile_article.pk], "event-detail": [hostile_event.pk]}.get(name, [])
    html = client.get(reverse(name, args=arg)).content.decode()
    assert HOSTILE not in html and "<script>alert" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert 'href="javascript:' not in html


def test_figure_json_carries_article_text_escaped(client, hostile_article):
    html = client.get(reverse("article-timeline", args=[hostile_article.pk])).content.decode()
    response = client.get(reverse("article-timeline-figure", args=[hostile_article.pk]))
    assert response["Content-Type"] == "application/json"
    figure = expand_hover_strings(response.json())
    hover = json.dumps(figure["data"])
    # Plotly renders hover text as HTML: the article's markup arrives escaped.
    assert "&lt;img src=x onerror=alert(1)&gt;" in hover and "<img" not in hover
    assert HOSTILE_SCRIPT not in html


def test_article_timeline_shows_dct_evidence_and_engine_warning(client, hostile_article):
    html = client.get(reverse("article-timeline", args=[hostile_article.pk])).content.decode()
    assert "inferred from: “&lt;img src=x onerror=alert(1)&gt; April 13”" in html
    assert "without the spaCy language model" in html


def test_timeline_page_embeds_chart_assets_and_detail_links(client):
    event = make_event(title="Iran launches drones", earliest=date(2024, 4, 13))
    response = client.get(reverse("article-timeline", args=[event.article_id]))
    html = response.content.decode()
    assert reverse("plotly-js") in html and "webapp/timeline.js" in html
    assert f'data-event-url="{reverse("event-detail", args=[0])}"' in html
    assert reverse("event-detail", args=[event.pk]) in html
    assert '<th scope="col">When</th>' in html and "<caption>" in html
    assert "<mark>Saturday</mark>" in html and "Sat 13 Apr 2024" in html


def test_hidden_and_merged_events_stay_off_the_timeline(client):
    article = make_article()
    shown = make_event(article=article, title="Shown event")
    make_event(article=article, title="Hidden event", status=Event.Status.HIDDEN)
    make_event(article=article, title="Merged away event", merged_into=shown)
    for url in (reverse("article-timeline", args=[article.pk]), reverse("timeline")):
        # The article page notes where a merged event went (below); the timeline itself leaves it out.
        html = client.get(url).content.decode().split('<section class="card merged-away"')[0]
        assert "Shown event" in html and "Hidden event" not in html and "Merged away event" not in html


def test_event_table_is_paginated(client):
    article = make_article()
    for day in range(1, 6):
        make_event(article=article, title=f"Event on day {day}", earliest=date(2024, 4, day))
    from webapp.views import pages

    pages.TABLE_PAGE_SIZE, saved = 2, pages.TABLE_PAGE_SIZE
    try:
        html = client.get(reverse("article-timeline", args=[article.pk]), {"page": 3}).content.decode()
    finally:
        pages.TABLE_PAGE_SIZE = saved
    assert "page 3 of 3" in html and "Event on day 5" in html and ">Event on day 1<" not in html
    # The chart (fetched from its own URL) still has every event.
    figure = json.dumps(expand_hover_strings(client.get(reverse("article-timeline-figure", args=[article.pk])).json()))
    assert all(f"Event on day {day}" in figure for day in range(1, 6))


def test_event_detail_shows_paragraph_with_marked_phrase_and_admin_link(client):
    text = "First paragraph.\nEarlier words. Biden kept his promise on Friday. Later words.\nLast paragraph."
    article = make_article(text=text)
    sentence = "Biden kept his promise on Friday."
    event = make_event(
        article=article,
        title="Biden keeps his promise",
        earliest=date(2024, 4, 12),
        sentence_text=sentence,
        phrase="Friday",
    )
    # Place the sentence where it really is in the article text.
    offset = text.index(sentence)
    event.sentence.start, event.sentence.end = offset, offset + len(sentence)
    event.sentence.save()
    event.expression.start = offset + sentence.index("Friday")
    event.expression.end = event.expression.start + len("Friday")
    event.expression.save()
    html = client.get(reverse("event-detail", args=[event.pk])).content.decode()
    assert (
        'Earlier words. <span class="sentence">Biden kept his promise on <mark>Friday</mark>.</span> Later words.'
        in html
    )
    assert "First paragraph" not in html and "Last paragraph" not in html
    assert reverse("admin:timeline_event_change", args=[event.pk]) not in html  # anonymous: no admin link
    assert "Fri 12 Apr 2024" in html and "“Friday”" in html


def test_article_list_links_timelines_and_import(client):
    article = make_article(title="A quiet week")
    make_event(article=article)
    html = client.get(reverse("article-list")).content.decode()
    assert reverse("article-timeline", args=[article.pk]) in html
    assert reverse("timeline") in html and reverse("import") in html
    assert "<strong>1</strong> event" in html


@pytest.mark.parametrize("published", [None, date(2024, 4, 13)])
def test_article_card_source_stands_on_its_own_line_without_a_separator(client, published):
    make_article(title="Council votes", source="z2.md", published=published)
    html = client.get(reverse("article-list")).content.decode()
    card = html[html.index("Council votes") :]
    card = card[: card.index("</li>")]
    assert '<p class="meta article-source">z2.md</p>' in card
    # A separator only ever stands between two items of one line, never before the first.
    for line in card.split('<p class="meta')[1:]:
        assert not line.split(">", 1)[1].lstrip().startswith('<span class="sep"')


def test_login_required_setting_closes_browsing(client, settings, hostile_article, hostile_event):
    settings.TIMELINE_LOGIN_REQUIRED = True
    for url in page_urls(hostile_article, hostile_event):
        response = client.get(url)
        if url.endswith(".json"):
            assert response.status_code == 401, url
        else:
            assert response.status_code == 302 and response["Location"].startswith(reverse("login")), url


def test_login_required_setting_lets_signed_in_users_browse(user_client, settings, hostile_article, hostile_event):
    settings.TIMELINE_LOGIN_REQUIRED = True
    for url in page_urls(hostile_article, hostile_event):
        assert user_client.get(url).status_code == 200, url


def test_plotly_is_served_locally_with_long_cache(client):
    response = client.get(reverse("plotly-js"), HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert "immutable" in response["Cache-Control"] and response["Content-Encoding"] == "gzip"
    import gzip

    assert b"plotly" in gzip.decompress(response.content)[:2000].lower()
    plain = client.get(reverse("plotly-js"))
    assert "Content-Encoding" not in plain and len(plain.content) > 1_000_000


def test_event_that_lost_its_sentence_on_reanalysis_still_renders(client):
    event = make_event(title="Curated survivor", curated=True)
    Event.objects.filter(pk=event.pk).update(sentence=None, expression=None)
    html = client.get(reverse("event-detail", args=[event.pk])).content.decode()
    assert "Curated survivor" in html and "no longer in the article" in html
    article_page = client.get(reverse("article-timeline", args=[event.article_id])).content.decode()
    assert "Curated survivor" in article_page


def test_not_found_page_is_friendly(client, db):
    response = client.get("/no/such/page/")
    assert response.status_code == 404 and "Not found" in response.content.decode()


def test_article_list_pages_are_newest_first_stable_and_warning_free(client, monkeypatch):
    import warnings

    from webapp.views import pages

    for day in range(1, 6):
        make_article(title=f"Published on day {day}", published=date(2024, 4, day))
    make_article(title="Twin A", published=date(2024, 4, 3))
    monkeypatch.setattr(pages, "ARTICLE_PAGE_SIZE", 2)
    seen = []
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # an UnorderedObjectListWarning from the paginator fails the test
        for number in (1, 2, 3):
            first, again = ([a.title for a in client.get(reverse("article-list"), {"page": number}).context["articles"]]
                            for _ in range(2))  # fmt: skip
            assert first == again, number
            seen += first
    assert seen == ["Published on day 5", "Published on day 4", "Twin A", "Published on day 3",
                    "Published on day 2", "Published on day 1"]  # fmt: skip


def test_table_and_detail_page_read_dates_in_words_and_keep_the_code_for_experts(client):
    article = make_article()
    days = make_event(article=article, title="Tension builds", earliest=date(2024, 4, 6), latest=date(2024, 4, 13))
    going_on = make_event(article=article, title="Talks go on", earliest=date(2024, 4, 13), latest=OPEN_END)
    Event.objects.filter(pk=days.pk).update(value="PXD")
    Event.objects.filter(pk=going_on.pk).update(value="FUTURE_REF", granularity="open")
    table = client.get(reverse("article-timeline", args=[article.pk])).content.decode()
    table = table[table.index('class="event-table"') :]
    assert "6–13 Apr 2024" in table and "from Sat 13 Apr 2024 on (open-ended)" in table
    assert "PXD" not in table and "FUTURE_REF" not in table and "9999" not in table
    detail = client.get(reverse("event-detail", args=[going_on.pk])).content.decode()
    assert "<strong>from Sat 13 Apr 2024 on (open-ended)</strong>" in detail
    assert '<code title="TIMEX3 value">FUTURE_REF</code>' in detail and "2024-04-13 → open" in detail
    assert "9999" not in detail


def test_favicon_ico_redirects_to_the_static_icon(client, db):
    response = client.get("/favicon.ico")
    assert response.status_code == 302 and response["Location"].endswith("/static/webapp/favicon.svg")


def test_the_table_shows_which_events_a_curator_edited(client):
    article = make_article()
    make_event(article=article, title="Touched by hand", curated=True)
    make_event(article=article, title="Straight from the engine")
    html = client.get(reverse("article-timeline", args=[article.pk])).content.decode()
    rows = html[html.index("<tbody>") :].split("</tr>")
    touched = next(row for row in rows if "Touched by hand" in row)
    untouched = next(row for row in rows if "Straight from the engine" in row)
    assert "edited by a curator" in touched and "edited by a curator" not in untouched


def test_article_page_links_to_where_its_merged_events_went(client):
    from timeline.services import event_merge

    source = make_article(title="Source desk")
    other = make_article(title="Other <desk>")
    away = make_event(article=source, title="Blast near embassy")
    survivor = make_event(article=other, title="Embassy bombed")
    event_merge(events=[away], into=survivor)
    page = client.get(reverse("article-timeline", args=[source.pk])).content.decode()
    assert "Merged into other events" in page
    assert f'<a href="{reverse("event-detail", args=[survivor.pk])}">Embassy bombed</a>' in page
    assert f'<a href="{reverse("article-timeline", args=[other.pk])}">Other &lt;desk&gt;</a>' in page
    untouched = client.get(reverse("article-timeline", args=[other.pk])).content.decode()
    assert "Merged into other events" not in untouched


def test_event_detail_shows_why_the_date_was_chosen_escaped(client):
    event = make_event(title="Bidders extend offers", earliest=date(1989, 10, 27), phrase="Friday")
    event.expression.evidence = "possessive ('Thursday's closing price'): a day already known <b>x</b>"
    event.expression.save()
    html = client.get(reverse("event-detail", args=[event.pk])).content.decode()
    assert "Why this date" in html
    assert "possessive (&#x27;Thursday&#x27;s closing price&#x27;): a day already known &lt;b&gt;x&lt;/b&gt;" in html
    assert "<b>x</b>" not in html
