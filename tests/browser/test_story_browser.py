"""The story page in headless Debian Chromium: one marker per happening with all its sources,
hover text, filters that narrow the view and survive a reload, and the docs screenshot."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest
from django.conf import settings

from tests.browser.test_timeline_browser import SCREENSHOTS
from tests.factories import make_article, make_event, make_story, make_story_event

pytestmark = pytest.mark.browser

DOCS = Path(settings.BASE_DIR) / "docs"
FIXTURE_STORY = Path(settings.BASE_DIR) / "fixtures" / "story_page"

# Every marker on the chart as {id, x, y (page pixels), size, hover}.
MARKERS = """() => {
  const gd = document.getElementById("timeline-chart");
  const box = gd.getBoundingClientRect();
  const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
  const out = [];
  for (const trace of gd.data) {
    if (!trace.customdata) continue;
    trace.customdata.forEach((row, i) => out.push({
      id: row[0], hover: row[1], size: trace.marker.size[i],
      x: box.left + xa._offset + xa.d2p(trace.x[i]), y: box.top + ya._offset + ya.d2p(trace.y[i]),
    }));
  }
  return out;
}"""


# Marker labels and x tick labels that draw (not empty), with the plot area, in page pixels.
PHONE_TEXT = """() => {
  const gd = document.getElementById("timeline-chart");
  const xa = gd._fullLayout.xaxis, box = gd.getBoundingClientRect();
  const drawn = (sel) => [...gd.querySelectorAll(sel)].filter((t) => t.textContent.trim())
    .map((t) => { const r = t.getBoundingClientRect(); return [t.textContent, r.left, r.right]; });
  return {plot: [box.left + xa._offset, box.left + xa._offset + xa._length], chart: [box.left, box.right],
          labels: drawn(".textpoint text"), ticks: drawn(".xtick text")};
}"""


def assert_readable_on_a_phone(page, min_labels: int) -> None:
    """Every drawn label lies whole inside the plot area (none cut at an edge) and at least
    three dates label the x axis inside the chart."""
    text = page.evaluate(PHONE_TEXT)
    (left, right), (chart_left, chart_right) = text["plot"], text["chart"]
    outside = [(t, round(a), round(b)) for t, a, b in text["labels"] if a < left - 1 or b > right + 1]
    assert not outside, (outside, left, right)
    assert len(text["labels"]) >= min_labels, text["labels"]
    ticks = [t for t, a, b in text["ticks"] if a >= chart_left and b <= chart_right]
    assert len(ticks) >= 3, text["ticks"]


def open_story(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("#timeline-chart.js-plotly-plot.is-ready", timeout=30_000)


@pytest.fixture
def three_outlets(db):
    """One bombing reported by three articles, plus an arrest reported by one."""
    articles = [
        make_article(title="Embassy bombed in Nairobi", source="https://apnews.com/a/1", published=date(1998, 8, 7)),
        make_article(title="Blast hits US embassy", source="Xinhua", published=date(1998, 8, 8)),
        make_article(title="Nairobi mourns its dead", source="Daily Nation", published=date(1998, 8, 9)),
    ]
    blasts = [make_event(article=a, title="Bomb explodes", earliest=date(1998, 8, 7), phrase="Friday",
                         sentence_text=f"A bomb exploded outside the embassy on Friday ({a.source}).")
              for a in articles]  # fmt: skip
    arrest = make_event(
        article=articles[1],
        title="Police arrest suspect",
        earliest=date(1998, 8, 14),
        phrase="Aug. 14",
        sentence_text="Police arrested a suspect in Dar es Salaam on Aug. 14.",
    )
    story = make_story(name="Embassy bombings", articles=articles)
    bombing = make_story_event(story=story, events=blasts, title="Bomb explodes at the embassy")
    arrested = make_story_event(story=story, events=[arrest], title="Police arrest a suspect")
    return story, bombing, arrested


def test_one_happening_three_sources_hover_and_filter_survive_reload(live_server, page, three_outlets):
    story, bombing, arrested = three_outlets
    open_story(page, f"{live_server.url}/stories/{story.slug}/")
    markers = page.evaluate(MARKERS)
    assert sorted(m["id"] for m in markers) == sorted([bombing.pk, arrested.pk])
    big = next(m for m in markers if m["id"] == bombing.pk)
    small = next(m for m in markers if m["id"] == arrested.pk)
    assert big["size"] > small["size"]
    # The label beside the marker says how many sources, readable without hovering.
    assert "Bomb explodes at the embassy ×3" in page.inner_text("#timeline-chart")

    page.mouse.move(big["x"], big["y"])
    hover = page.wait_for_selector(".hoverlayer .hovertext", timeout=5_000).text_content() or ""
    for title in ("Embassy bombed in Nairobi", "Blast hits US embassy", "Nairobi mourns its dead"):
        assert title in hover
    assert "3 articles from 3 outlets" in hover and "A bomb exploded outside the embassy on" in hover

    row = page.locator(f"#story-event-{bombing.pk}")
    assert row.locator(".source-list li").count() == 3
    assert row.locator(".title .badge").first.inner_text() == "3 articles from 3 outlets"

    page.fill("#id_q", "arrested")
    page.click("button:has-text('Apply filters')")
    page.wait_for_url("**q=arrested**")
    page.wait_for_selector("#timeline-chart.js-plotly-plot.is-ready", timeout=30_000)
    assert [m["id"] for m in page.evaluate(MARKERS)] == [arrested.pk]
    page.reload()
    page.wait_for_selector("#timeline-chart.js-plotly-plot.is-ready", timeout=30_000)
    assert [m["id"] for m in page.evaluate(MARKERS)] == [arrested.pk]
    assert page.input_value("#id_q") == "arrested"
    assert page.locator(f"#story-event-{bombing.pk}").count() == 0
    assert page.problems == []


def test_an_article_telling_a_happening_twice_reads_as_one_article_and_two_mentions(live_server, page, db):
    """Two sentences of one AP story are one source: "1 article · 2 mentions", one marker of one size."""
    ap = make_article(title="Embassy bombed in Nairobi", source="AP", published=date(1998, 8, 7))
    reuters = make_article(title="Blast in Nairobi", source="Reuters", published=date(1998, 8, 8))
    twice = [make_event(article=ap, title="Bomb explodes", earliest=date(1998, 8, 7), phrase="Friday", sentence_text=text)
             for text in ("A bomb exploded outside the embassy on Friday.", "Friday's blast killed 12 people.")]  # fmt: skip
    once = make_event(article=reuters, title="Police arrest", earliest=date(1998, 8, 8), phrase="Saturday",
                      sentence_text="Police arrested a suspect on Saturday.")  # fmt: skip
    story = make_story(name="Nairobi blast", articles=[ap, reuters])
    blast = make_story_event(story=story, events=twice, title="Bomb explodes at the embassy")
    arrest = make_story_event(story=story, events=[once], title="Police arrest a suspect")
    open_story(page, f"{live_server.url}/stories/{story.slug}/")
    sizes = {m["id"]: m["size"] for m in page.evaluate(MARKERS)}
    assert sizes[blast.pk] == sizes[arrest.pk]
    assert "×2" not in page.inner_text("#timeline-chart")
    big = next(m for m in page.evaluate(MARKERS) if m["id"] == blast.pk)
    page.mouse.move(big["x"], big["y"])
    hover = page.wait_for_selector(".hoverlayer .hovertext", timeout=5_000).text_content() or ""
    assert "1 article · 2 mentions" in hover and hover.count("Embassy bombed in Nairobi") == 1
    row = page.locator(f"#story-event-{blast.pk}")
    assert [b.strip() for b in row.locator(".title .badge").all_inner_texts()] == ["1 article", "2 mentions"]
    assert row.locator(".source-list li").count() == 1 and row.locator(".source-list .sentence").count() == 2
    assert "reported by 3 articles" in page.inner_text(".chart-key")
    assert page.problems == []


def test_clicking_a_marker_jumps_to_its_row(live_server, page, three_outlets):
    story, bombing, _ = three_outlets
    open_story(page, f"{live_server.url}/stories/{story.slug}/")
    big = next(m for m in page.evaluate(MARKERS) if m["id"] == bombing.pk)
    page.mouse.click(big["x"], big["y"])
    page.wait_for_url(f"**#story-event-{bombing.pk}")
    assert page.problems == []


def test_fixture_story_through_engine_and_grouping_screenshot(live_server, page, db):
    """The made-up ferry story imported by the real engine and grouped by the stories app.

    Saves artifacts/screenshots/story-page.png; with UPDATE_DOCS=1 also docs/story-page.png
    (the README's picture), so an ordinary run leaves the repository untouched."""
    from timeline.services import article_import
    from timeline.stories.services import story_add_articles, story_get_or_create

    articles = [
        article_import(text=(FIXTURE_STORY / row["path"]).read_text(encoding="utf-8"), title=row["title"],
                       published=date.fromisoformat(row["published"]), source=row["source"])
        for row in json.loads((FIXTURE_STORY / "manifest.json").read_text(encoding="utf-8"))
    ]  # fmt: skip
    story = story_get_or_create(name="Marisol ferry disaster")
    story_add_articles(story=story, articles=articles)
    page.set_viewport_size({"width": 1280, "height": 1150})
    open_story(page, f"{live_server.url}/stories/{story.slug}/")
    markers = page.evaluate(MARKERS)
    assert len(markers) == story.story_events.exclude(status="hidden").count() > 0
    assert max(m["size"] for m in markers) > min(m["size"] for m in markers)  # some happening has several sources
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "story-page.png"), full_page=False)
    if os.environ.get("UPDATE_DOCS") == "1":
        DOCS.mkdir(exist_ok=True)
        page.screenshot(path=str(DOCS / "story-page.png"), full_page=False)
    assert page.problems == []


def test_hostile_story_runs_no_script(live_server, page, db):
    hostile = "<img src=x onerror=alert(1)>"
    article = make_article(title=f"Talks {hostile}", source=hostile)
    event = make_event(
        article=article,
        title=f"Meet {hostile}",
        earliest=date(2024, 4, 12),
        phrase="Friday",
        sentence_text=f"They met on Friday {hostile} </script><script>alert(2)</script>.",
    )
    story = make_story(name=f"Story {hostile}", description=hostile)
    story_event = make_story_event(story=story, events=[event], title=f"Meet {hostile}")
    open_story(page, f"{live_server.url}/stories/{story.slug}/")
    (marker,) = page.evaluate(MARKERS)
    assert hostile in page.inner_text("#timeline-chart")  # the label, as text
    page.mouse.move(marker["x"], marker["y"])
    hover = page.wait_for_selector(".hoverlayer .hovertext", timeout=5_000).text_content() or ""
    assert hostile in hover
    assert page.locator("img[src='x']").count() == 0
    assert story_event.title in page.inner_text(f"#story-event-{story_event.pk}")
    assert page.problems == []


def test_story_page_fits_a_phone_without_sideways_scrolling(live_server, page, three_outlets):
    story, _, _ = three_outlets
    page.set_viewport_size({"width": 390, "height": 844})
    open_story(page, f"{live_server.url}/stories/{story.slug}/")
    width, inner = page.evaluate("[document.documentElement.scrollWidth, innerWidth]")
    assert width <= inner
    cut = page.evaluate("""() => [...document.querySelectorAll('.story-table td')]
        .filter(td => td.getBoundingClientRect().right > innerWidth).map(td => td.className)""")
    assert cut == []
    # The logo and the session link keep the page's side margin instead of touching the screen edge.
    brand = page.locator(".brand").bounding_box()
    session = page.locator(".session a").first.bounding_box()
    assert brand["x"] >= 8 and session["x"] >= 8 and session["x"] + session["width"] <= inner - 8
    assert_readable_on_a_phone(page, min_labels=2)
    assert page.problems == []


def test_seed_story_labels_stay_inside_the_chart_on_a_phone(live_server, page, seed_article):
    """The seed's long titles ran off the left edge ("esident Joe Biden…") with one date tick:
    on a phone each label moves to the side with room, cut with an ellipsis, after a pan too."""
    from timeline.stories.services import story_add_articles, story_get_or_create

    story = story_add_articles(story=story_get_or_create(name="Seed"), articles=[seed_article])
    page.set_viewport_size({"width": 390, "height": 844})
    open_story(page, f"{live_server.url}/stories/{story.slug}/")
    assert_readable_on_a_phone(page, min_labels=8)
    assert any(label.strip().endswith("…") for label, _, _ in page.evaluate(PHONE_TEXT)["labels"])
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "story_phone.png"))
    page.evaluate("() => Plotly.relayout('timeline-chart', {'xaxis.range': ['2024-04-09', '2024-04-15']})")
    page.wait_for_timeout(400)
    assert_readable_on_a_phone(page, min_labels=4)
    assert page.problems == []
