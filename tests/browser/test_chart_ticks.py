"""Short-range charts label ticks with dates (never "00:00" for a day) and day events stand on their day's tick."""

from __future__ import annotations

import re
from datetime import date

import pytest
from playwright.sync_api import Page

from tests.browser.test_timeline_browser import SCREENSHOTS, open_chart
from tests.factories import make_article, make_event

pytestmark = pytest.mark.browser

TICKS = """() => {
  const xa = document.getElementById("timeline-chart")._fullLayout.xaxis;
  return Array.from(document.querySelectorAll("#timeline-chart .xtick text")).map((t) => t.textContent);
}"""
# Pixel gap between each day marker and the nearest tick, from the plot's own axis.
MARKER_TO_TICK_PX = """() => {
  const gd = document.getElementById("timeline-chart");
  const xa = gd._fullLayout.xaxis;
  const ticks = xa._vals.map((v) => xa.l2p(v.x));
  const gaps = {};
  for (const trace of gd.data) {
    if (!trace.customdata) continue;
    trace.customdata.forEach((fields, i) => {
      const x = xa.d2p(trace.x[i]);
      gaps[fields[2]] = Math.min(...ticks.map((t) => Math.abs(t - x)));
    });
  }
  return gaps;
}"""
DATED_TICK = re.compile(r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d\d [A-Z][a-z]{2}")


def zoom(page: Page, start: str, end: str) -> None:
    page.evaluate(f"() => Plotly.relayout('timeline-chart', {{'xaxis.range': ['{start}', '{end}']}})")
    page.wait_for_timeout(300)  # fitTicks answers the relayout with a second one


def test_short_range_ticks_are_days_at_noon_under_their_events(live_server, page):
    article = make_article(title="A busy week", published=date(2024, 4, 13))
    for day, phrase in [(8, "Monday"), (9, "Tuesday"), (10, "Wednesday"), (11, "Thursday"), (12, "Friday")]:
        make_event(article=article, title=f"Talks on {phrase}", earliest=date(2024, 4, day), phrase=phrase)
    open_chart(page, f"{live_server.url}/articles/{article.pk}/timeline/")

    labels = page.evaluate(TICKS)
    assert labels and all(DATED_TICK.match(label) for label in labels), labels
    assert not any("00:00" in label for label in labels)
    gaps = page.evaluate(MARKER_TO_TICK_PX)
    assert set(gaps) == {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"}
    assert all(gap < 1.5 for gap in gaps.values()), gaps  # each day event stands on its day's tick
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "timeline_short_range.png"), full_page=True)

    zoom(page, "2024-04-09", "2024-04-12")  # three days: still one tick per day, dated
    labels = page.evaluate(TICKS)
    assert len(labels) >= 3 and all(DATED_TICK.match(label) for label in labels), labels
    assert max(page.evaluate(MARKER_TO_TICK_PX)[day] for day in ("Tuesday", "Wednesday", "Thursday")) < 1.5

    zoom(page, "2024-04-10 06:00", "2024-04-10 18:00")  # half a day: hours are the useful labels
    assert all(":" in label for label in page.evaluate(TICKS))
    assert page.problems == []
