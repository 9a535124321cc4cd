"""Nothing on the chart covers a button: notes and the zoom bar leave the range buttons clickable."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.browser.test_timeline_browser import SCREENSHOTS, open_chart
from tests.factories import make_article, make_event

pytestmark = pytest.mark.browser

# Bounding boxes of every annotation and every button, in page pixels.
BOXES = """() => {
  const box = (el) => { const r = el.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
  const shown = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  const chart = document.getElementById("timeline-chart");
  chart.dispatchEvent(new MouseEvent("mousemove", {bubbles: true}));  // the mode bar shows on hover
  return {
    notes: Array.from(chart.querySelectorAll(".annotation")).filter(shown).map((el) => [el.textContent, box(el)]),
    buttons: Array.from(chart.querySelectorAll(".modebar-btn, .updatemenu-button")).filter(shown).map(box),
    zoombar: Array.from(chart.querySelectorAll(".modebar-btn")).filter(shown).map(box),
    ranges: Array.from(chart.querySelectorAll(".updatemenu-button")).filter(shown).map(box),
  };
}"""


def _overlap(a: list[float], b: list[float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.mark.parametrize("width", [1360, 800, 390])
def test_chart_notes_never_cover_buttons(live_server, browser, width):  # noqa: F811 - fixture
    for n in range(34):  # more lanes than fit: the "drag the article names" note shows
        article = make_article(title=f"Wire story {n}", published=date(2024, 4, 13))
        make_event(article=article, title=f"Event {n}", earliest=date(2024, 4, 12))
        if n % 5 == 0:  # far from the rest: the opening view leaves them out, with a note
            make_event(
                article=article, title=f"Old {n}", earliest=date(2019, 1, 1) + timedelta(days=n), phrase="Monday"
            )
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    open_chart(page, f"{live_server.url}/timeline/")
    page.hover("#timeline-chart .nsewdrag")
    page.wait_for_timeout(200)
    boxes = page.evaluate(BOXES)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"chart_notes_{width}.png"))
    assert boxes["buttons"] and boxes["notes"]
    covered = [(text, note) for text, note in boxes["notes"] for button in boxes["buttons"] if _overlap(note, button)]
    assert not covered, covered
    assert not [(z, r) for z in boxes["zoombar"] for r in boxes["ranges"] if _overlap(z, r)]
    # The notes read as text under the chart, and the range buttons still show and hide theirs.
    notes = page.locator(".chart-notes span")
    assert notes.all_inner_texts() == [
        "30 of 34 articles shown: drag the article names up or down for the rest",
        "7 events outside this view — click “All dates”",
    ]
    page.locator("#timeline-chart .updatemenu-button", has_text="All dates").click()
    page.wait_for_timeout(300)
    assert notes.nth(0).is_visible() and not notes.nth(1).is_visible()
    page.locator("#timeline-chart .updatemenu-button", has_text="Around publication").click()
    page.wait_for_timeout(300)
    assert notes.nth(1).is_visible()
    context.close()
