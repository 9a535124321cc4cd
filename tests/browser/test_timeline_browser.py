"""Headless Debian Chromium against a live server: the chart draws, hovers, clicks, and stays inert.

Needs /usr/bin/chromium (Debian package ``chromium``); the tests fail, not skip, without it.
"""

from __future__ import annotations

import re
import time
from datetime import date
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import Page

from tests.factories import make_article, make_event

pytestmark = pytest.mark.browser

SCREENSHOTS = Path(settings.BASE_DIR) / "artifacts" / "screenshots"
HOSTILE = "<img src=x onerror=alert(1)>"

# Page coordinates of the marker whose customdata names ``phrase``, from the plot's own axes.
POINT_POSITION = """(phrase) => {
  const gd = document.getElementById("timeline-chart");
  const box = gd.getBoundingClientRect();
  const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
  for (const trace of gd.data) {
    if (!trace.customdata) continue;
    const i = trace.customdata.findIndex((fields) => fields[2] === phrase);
    if (i >= 0) {
      return {x: box.left + xa._offset + xa.d2p(trace.x[i]), y: box.top + ya._offset + ya.d2p(trace.y[i]),
              id: trace.customdata[i][0]};
    }
  }
  return null;
}"""
DATED_POINTS = "() => document.getElementById('timeline-chart').data.filter((t) => t.customdata).reduce((n, t) => n + t.customdata.length, 0)"


def open_chart(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("#timeline-chart.js-plotly-plot.is-ready", timeout=30_000)
    page.wait_for_function("() => document.getElementById('timeline-chart').data.length > 0")


def hover_text(page: Page, phrase: str) -> str:
    point = page.evaluate(POINT_POSITION, phrase)
    assert point is not None, f"no marker for {phrase!r}"
    page.mouse.move(point["x"], point["y"])
    label = page.wait_for_selector(".hoverlayer .hovertext", timeout=5_000)
    return label.text_content() or ""


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_seed_timeline_draws_hovers_and_opens_events(live_server, seed_article, page):
    open_chart(page, f"{live_server.url}/articles/{seed_article.pk}/timeline/")
    assert page.evaluate(DATED_POINTS) >= 12
    text = hover_text(page, "Friday")
    assert "Biden keeps his promise" in text or "Friday" in text
    assert squash("Biden kept his promise on Friday") in squash(text)
    assert "Fri 12 Apr 2024" in text
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "timeline.png"), full_page=True)
    point = page.evaluate(POINT_POSITION, "Friday")
    page.mouse.click(point["x"], point["y"])
    page.wait_for_url(f"**/events/{point['id']}/")
    assert "Biden kept his promise on" in page.inner_text(".paragraph")
    assert page.inner_text(".paragraph mark") == "Friday"
    assert page.problems == []


def test_hostile_article_runs_no_script(live_server, page):
    article = make_article(title=f"Talks {HOSTILE}", source=HOSTILE, dct_evidence=HOSTILE, dct_inferred=True)
    make_event(
        article=article,
        title=f"Meeting {HOSTILE}",
        earliest=date(2024, 4, 12),
        phrase="Friday",
        sentence_text=f"They met on Friday {HOSTILE} </script><script>alert(2)</script>.",
    )
    for path in (f"/articles/{article.pk}/timeline/", "/timeline/"):
        open_chart(page, live_server.url + path)
        text = hover_text(page, "Friday")
        assert HOSTILE in text  # shown as text, not run as markup
        page.mouse.move(5, 5)
    assert page.locator("img[src='x']").count() == 0
    page.goto(f"{live_server.url}/events/{article.events.get().pk}/")
    page.goto(f"{live_server.url}/")
    assert page.problems == []


def test_table_lists_every_event_without_javascript(live_server, seed_article, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/articles/{seed_article.pk}/timeline/")
    rows = page.locator("table.event-table tbody tr")
    assert rows.count() >= 12
    assert "Without JavaScript" in page.inner_text(".chart-fallback")
    context.close()


@pytest.mark.slow
def test_ten_thousand_events_draw_in_webgl(live_server, page, settings):
    from tests.browser.bulk import make_many_events

    settings.TIMELINE_FIGURE_MAX_EVENTS = 10_000  # the chart itself must hold that many (the public cap is lower)
    make_many_events(articles=20, events=10_000)
    started = time.monotonic()
    open_chart(page, f"{live_server.url}/timeline/")
    elapsed = time.monotonic() - started
    assert page.evaluate(DATED_POINTS) == 10_000
    assert page.evaluate("() => document.querySelectorAll('#timeline-chart canvas').length") > 0
    assert page.locator("table.event-table tbody tr").count() == 200  # the table is paginated
    assert elapsed < 30, f"the 10,000-event timeline took {elapsed:.1f}s to draw"
    page.screenshot(path=str(SCREENSHOTS / "timeline_10k.png"))
    assert page.problems == []
