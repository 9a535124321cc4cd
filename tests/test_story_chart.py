"""The story chronology from plain rows: rows in time order, sources, labels, arrows and the opening view."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from tests.plotly_text import plotly_shows
from timeline.temporal.types import OPEN_END, OPEN_START
from webapp.charts.geometry import events_outside
from webapp.charts.story.figure import StoryChartEvent, StorySource, hover_text, marker_size, story_figure_spec
from webapp.charts.story.window import full_window, opening_window

HOSTILE = "<img src=x onerror=alert(1)>"


def source(n: int, sentence: str = "It happened on Friday.", phrase: str = "Friday") -> StorySource:
    at = sentence.find(phrase)
    return StorySource(
        event_id=n,
        article_id=n,
        article_title=f"Article {n}",
        outlet="AP",
        sentence=sentence,
        phrase=phrase,
        phrase_offset=at if at >= 0 else None,
    )


def event(n: int, earliest: date, latest: date | None = None, sources: int = 1, **fields) -> StoryChartEvent:
    return StoryChartEvent(
        id=n,
        title=fields.pop("title", f"Happening {n}"),
        earliest=earliest,
        latest=latest or earliest,
        value=earliest.isoformat(),
        sources=tuple(source(n * 10 + i) for i in range(sources)),
        **fields,
    )


def markers(spec):
    return [t for t in spec["data"] if t.get("customdata")]


def test_one_row_per_story_event_in_time_order():
    events = [event(n, date(2024, 4, 1) + timedelta(days=n)) for n in range(5)]
    spec = story_figure_spec(events)
    rows = {row[0]: y for trace in markers(spec) for row, y in zip(trace["customdata"], trace["y"])}
    assert rows == {n: n for n in range(5)}
    assert spec["layout"]["yaxis"]["range"][1] < spec["layout"]["yaxis"]["range"][0]  # first row on top


def test_marker_size_and_label_count_sources():
    spec = story_figure_spec([event(1, date(2024, 4, 1), sources=3), event(2, date(2024, 4, 2))])
    sizes = dict(zip((r[0] for r in markers(spec)[0]["customdata"]), markers(spec)[0]["marker"]["size"]))
    assert sizes[1] > sizes[2] == marker_size(1)
    labels = [t for trace in spec["data"] if trace.get("mode") == "text" for t in trace["text"]]
    assert any("Happening 1" in t and "×3" in t for t in labels)
    assert any("Happening 2" in t and "×" not in t for t in labels)


def test_one_article_telling_a_happening_twice_is_one_source_with_two_mentions():
    twice = StoryChartEvent(
        id=1, title="Bomb explodes", earliest=date(2024, 4, 12), latest=date(2024, 4, 12),
        sources=(source(7, "A bomb exploded on Friday."), replace(source(7, "The blast on Friday killed 12."), event_id=8)),
    )  # fmt: skip
    once = event(2, date(2024, 4, 13))
    assert (twice.count.articles, twice.count.mentions) == (1, 2)
    spec = story_figure_spec([twice, once])
    sizes = dict(zip((r[0] for r in markers(spec)[0]["customdata"]), markers(spec)[0]["marker"]["size"]))
    assert sizes[1] == sizes[2] == marker_size(1)
    labels = [t for trace in spec["data"] if trace.get("mode") == "text" for t in trace["text"]]
    assert not any("×" in t for t in labels)
    text = hover_text(twice, 200)
    assert "1 article · 2 mentions" in text and "source" not in text
    assert text.count("Article 7</i>") == 1 and "Article 7</i> (AP) · 2 mentions" in text


def test_hover_counts_more_articles_not_more_mentions():
    many = replace(event(1, date(2024, 4, 1), sources=6), title="Many")
    doubled = replace(many, sources=many.sources + many.sources[:1])
    text = hover_text(doubled, 200)
    assert "6 articles from 1 outlet · 7 mentions" in text
    assert "… and 2 more articles (click for all)" in text


def test_hover_lists_sources_and_escapes_text():
    hostile = StoryChartEvent(
        id=1,
        title=f"Meet {HOSTILE}",
        earliest=date(2024, 4, 12),
        latest=date(2024, 4, 12),
        sources=(source(1, f"They met {HOSTILE} on Friday."),),
    )
    text = hover_text(hostile, 200)
    assert "<img" not in text and "&lt;img src=x" in text
    assert "<b>Friday</b>" in text and "Article 1</i> (AP)" in text and "1 article" in text


def test_open_ended_events_never_stretch_the_opening_view():
    days = [event(n, date(2024, 4, 1) + timedelta(days=n)) for n in range(10)]
    open_end = event(20, date(2024, 4, 5), OPEN_END)
    open_start = event(21, OPEN_START, date(2024, 4, 3))
    spec = story_figure_spec([*days, open_end, open_start])
    low, high = spec["layout"]["xaxis"]["range"]
    assert date.fromisoformat(low) >= date(2024, 3, 20) and date.fromisoformat(high) <= date(2024, 4, 20)
    bars = next(t for t in spec["data"] if t.get("name") == "periods")
    ends = [x for x in bars["x"] if x]
    assert max(ends) < "2024-04-20" and min(ends) > "2024-03-20"  # short arrows, not 9999 or year 1
    assert "triangle-right" in bars["marker"]["symbol"] and "triangle-left" in bars["marker"]["symbol"]


def test_opening_view_holds_most_events_and_skips_a_far_outlier():
    cluster = [event(n, date(1998, 8, 7) + timedelta(days=n % 12)) for n in range(20)]
    far = [event(100, date(1988, 1, 1)), event(101, date(2026, 1, 1))]
    everything = [*far[:1], *cluster, *far[1:]]
    view = opening_window(everything)
    assert view[0] > date(1998, 7, 1) and view[1] < date(1998, 10, 1)
    assert events_outside(everything, view) == 2
    assert full_window(everything)[0] < date(1988, 1, 1)
    spec = story_figure_spec(everything)
    assert spec["layout"]["updatemenus"][0]["buttons"][1]["label"] == "All dates"
    assert any("2 events outside this view" in a["text"] for a in spec["layout"]["annotations"])


def test_ranges_are_bars_and_hidden_events_are_dropped():
    spec = story_figure_spec(
        [event(1, date(2024, 4, 1), date(2024, 4, 7)), event(2, date(2024, 4, 3), status="hidden")]
    )
    bars = next(t for t in spec["data"] if t.get("name") == "periods")
    assert bars["x"][:2] == ["2024-04-01 00:00", "2024-04-08 00:00"]
    assert [r[0] for t in markers(spec) for r in t["customdata"]] == [1]


@pytest.mark.parametrize("count", [0, 1, 40])
def test_any_size_builds(count):
    spec = story_figure_spec([event(n, date(2024, 1, 1) + timedelta(days=n)) for n in range(count)])
    assert spec["layout"]["height"] >= 320


def test_rows_follow_the_time_of_day_and_labels_stay_in_view():
    night = StoryChartEvent(
        id=1, title="Ferry capsizes", earliest=date(2025, 3, 13), latest=date(2025, 3, 13), value="2025-03-13TNI"
    )
    evening = StoryChartEvent(
        id=2, title="Ferry leaves", earliest=date(2025, 3, 13), latest=date(2025, 3, 13), value="2025-03-13T21:00"
    )
    cluster = [event(10 + n, date(2025, 3, 14) + timedelta(days=n % 5)) for n in range(10)]
    far = event(99, date(2025, 9, 1), title="Report due")
    spec = story_figure_spec([night, evening, *cluster, far])
    rows = {row[0]: y for trace in markers(spec) for row, y in zip(trace["customdata"], trace["y"])}
    assert rows[2] < rows[1]  # 21:00 above the night
    labels = [t for trace in spec["data"] if trace.get("mode") == "text" for t in trace["text"]]
    assert any("Ferry leaves" in t for t in labels) and not any("Report due" in t for t in labels)


def test_a_year_long_period_does_not_stretch_the_opening_view():
    # The seed story's shape: one "election year" bar, every happening in one week.
    week = [event(n, date(2025, 4, 8) + timedelta(days=n % 6)) for n in range(8)]
    year = event(50, date(2025, 1, 1), date(2025, 12, 31), title="Election year")
    view = opening_window([year, *week])
    assert date(2025, 4, 1) <= view[0] <= date(2025, 4, 8) and date(2025, 4, 14) <= view[1] <= date(2025, 4, 21)
    assert events_outside([year, *week], view) == 0  # the year is drawn clipped, not left out
    assert full_window([year, *week])[0] < date(2025, 1, 1)


def test_ranges_of_up_to_a_month_still_choose_the_view():
    fortnights = [
        event(n, date(2025, 6, 1) + timedelta(days=3 * n), date(2025, 6, 14) + timedelta(days=3 * n)) for n in range(4)
    ]
    view = opening_window([*fortnights, event(9, date(2025, 12, 1))])
    assert date(2025, 6, 1) < view[0] < date(2025, 6, 8) and date(2025, 6, 16) < view[1] < date(2025, 7, 1)


def test_only_long_periods_still_give_a_view():
    years = [event(1, date(2024, 1, 1), date(2024, 12, 31)), event(2, date(2025, 1, 1), date(2025, 12, 31))]
    view = opening_window(years)
    assert view[0] <= date(2024, 7, 2) and view[1] >= date(2025, 7, 2)


def label_traces(spec):
    return [t for t in spec["data"] if t.get("mode") == "text"]


def test_a_period_label_never_runs_through_its_bar():
    week = [event(n, date(2025, 4, 8) + timedelta(days=n % 6)) for n in range(8)]
    early = event(40, date(2025, 4, 7), date(2025, 4, 9), title="Strike")
    late = event(41, date(2025, 4, 11), date(2025, 4, 15), title="Talks")
    year = event(50, date(2025, 1, 1), date(2025, 12, 31), title="Election year")
    spec = story_figure_spec([year, early, late, *week])
    placed = {
        text.strip("\u2003"): (x, trace["textposition"])
        for trace in label_traces(spec)
        for text, x in zip(trace["text"], trace["x"])
    }
    assert placed["Strike"] == ("2025-04-10 00:00", "middle right")  # after the bar's end
    assert placed["Talks"] == ("2025-04-11 00:00", "middle left")  # before its start: no room after it
    low = spec["layout"]["xaxis"]["range"][0]
    assert placed["Election year"] == (f"{low} 00:00" if len(low) == 10 else low, "top right")  # above, clipped


def test_point_labels_sit_beside_their_marker():
    spec = story_figure_spec([event(n, date(2025, 4, 8) + timedelta(days=n)) for n in range(6)])
    placed = [(x, trace["textposition"]) for trace in label_traces(spec) for x in trace["x"]]
    assert placed and {p for _, p in placed} <= {"middle right", "middle left"}
    assert {x[:10] for x, _ in placed} == {(date(2025, 4, 8) + timedelta(days=n)).isoformat() for n in range(6)}


def test_hover_and_labels_show_quotes_and_ampersands_as_written():
    sentence = "This is painful,\" board chair O'Neil said of AT&T <i> on Friday."
    quoted = StoryChartEvent(
        id=1,
        title='"Painful" vote at AT&T',
        earliest=date(2024, 4, 12),
        latest=date(2024, 4, 12),
        sources=(source(1, sentence),),
    )
    text = hover_text(quoted, 200)
    assert "&quot;" not in text and "&#x27;" not in text and "&lt;i&gt;" in text
    shown = " ".join(plotly_shows(text).split())
    assert '"Painful" vote at AT&T' in shown
    assert "This is painful,\" board chair O'Neil said of AT&T <i> on Friday." in shown
    labels = [t for trace in story_figure_spec([quoted])["data"] if trace.get("mode") == "text" for t in trace["text"]]
    assert [plotly_shows(t).strip() for t in labels] == ['"Painful" vote at AT&T']


def test_labels_carry_the_span_their_event_covers_for_narrow_charts():
    single = event(1, date(2024, 4, 12))
    period = event(2, date(2024, 4, 3), date(2024, 4, 5))
    spec = story_figure_spec([single, period])
    spans = {text.strip("\u2003"): span for trace in spec["data"] if trace.get("mode") == "text"
             for text, span in zip(trace["text"], trace["meta"]["spans"])}  # fmt: skip
    assert spans["Happening 1"] == ["2024-04-12 12:00", "2024-04-12 12:00"]
    assert spans["Happening 2"] == ["2024-04-03 00:00", "2024-04-06 00:00"]


def marker_x(spec, event_id: int) -> str:
    return next(x for trace in markers(spec) for row, x in zip(trace["customdata"], trace["x"]) if row[0] == event_id)


def test_midnight_sits_at_the_end_of_its_day_and_hovers_as_midnight():
    friday = date(2025, 1, 17)
    evening = StoryChartEvent(id=1, title="Talks run late", earliest=friday, latest=friday, value="2025-01-17TEV")
    midnight = StoryChartEvent(id=2, title="Deadline passes", earliest=friday, latest=friday, value="2025-01-17T24:00")
    spec = story_figure_spec([midnight, evening])
    assert marker_x(spec, 2) == "2025-01-18 00:00" and marker_x(spec, 1) == "2025-01-17 19:00"
    assert "Fri 17 Jan 2025, midnight" in hover_text(midnight, 0)
    rows = {row[0]: y for trace in markers(spec) for row, y in zip(trace["customdata"], trace["y"])}
    assert rows[1] < rows[2]  # evening first, midnight after it


def test_open_ended_events_leave_from_noon_of_their_known_day_like_single_days():
    saturday = date(2024, 4, 13)
    points = [event(n, saturday) for n in (1, 2)]
    from_on = event(3, saturday, OPEN_END)  # "from Sat 13 Apr on"
    until = event(4, OPEN_START, saturday)  # "until Sat 13 Apr"
    spec = story_figure_spec([*points, from_on, until])
    assert marker_x(spec, 1) == marker_x(spec, 3) == marker_x(spec, 4) == "2024-04-13 12:00"
    bars = next(t for t in spec["data"] if t.get("name") == "periods")
    arrows = [bars["x"][i : i + 2] for i in range(0, len(bars["x"]), 3)]
    assert ["2024-04-13 12:00", "2024-04-13 12:00"] not in arrows  # arrows have length
    assert any(start == "2024-04-13 12:00" and end > start for start, end in arrows)  # from noon on
    assert any(end == "2024-04-13 12:00" and start < end for start, end in arrows)  # until noon
