"""Printing a story in headless Chromium: the chronology fits a few A4 pages, without navigation."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

from tests.factories import make_article, make_event, make_story, make_story_event

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ROWS = 42


def _story():
    ap, xinhua = make_article(title="AP wire", source="AP"), make_article(title="Xinhua wire", source="Xinhua")
    story = make_story(name="Embassy bombings", articles=[ap, xinhua])
    for n in range(ROWS):
        events = [
            make_event(
                article=a, title=f"Happening {n}", phrase="Monday", earliest=date(1998, 8, 7) + timedelta(days=n),
                sentence_text=f"Investigators reported development number {n} to reporters in Nairobi on Monday.",
            )
            for a in (ap, xinhua)
        ]  # fmt: skip
        make_story_event(story=story, events=events, title=f"Happening {n}")
    return story


def test_the_printable_chronology_of_42_rows_fits_a_few_pages_without_navigation(live_server, page):
    story = _story()
    page.goto(f"{live_server.url}/stories/{story.slug}/print/")
    page.emulate_media(media="print")
    assert page.locator(".site-header").is_hidden() and page.locator(".screen-only").is_hidden()
    assert page.locator(".print-table tbody tr").count() == ROWS
    pdf = page.pdf(format="A4")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert 1 <= pages <= 6, pages


def test_printing_the_story_page_hides_filters_chart_and_navigation(live_server, page):
    story = _story()
    page.goto(f"{live_server.url}/stories/{story.slug}/")
    page.emulate_media(media="print")
    for selector in (".site-header", ".story-filters", ".chart-card", ".export-links"):
        assert page.locator(selector).first.is_hidden(), selector
    assert page.locator("#story-event-" + str(story.story_events.order_by("earliest").first().pk)).is_visible()
