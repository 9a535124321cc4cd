"""The timeline figure is a pure function of dataclasses: no HTTP, no database."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from tests.plotly_text import plotly_shows
from timeline.display.highlight import phrase_span
from timeline.temporal.types import OPEN_END, OPEN_START
from webapp.charts.article.figure import ChartArticle, ChartEvent, build_timeline_figure

DCT = date(2024, 4, 13)
ARTICLE = ChartArticle(id=1, title="Biden and Iran", published=DCT)
OTHER = ChartArticle(id=2, title="Another desk", published=date(2024, 4, 10), dct_inferred=True)


def event(
    pk: int,
    earliest: date,
    latest: date | None = None,
    *,
    article: int = 1,
    status: str = "proposed",
    sentence: str = "Iran attacked Israel on Saturday.",
    phrase: str = "Saturday",
    value: str = "",
) -> ChartEvent:
    return ChartEvent(
        id=pk,
        article_id=article,
        title=f"event {pk}",
        earliest=earliest,
        latest=latest or earliest,
        value=value or earliest.isoformat(),
        phrase=phrase,
        sentence=sentence,
        phrase_span=phrase_span(sentence, phrase),
        status=status,
    )


def render_hover(template: str, fields) -> str:
    """The label Plotly shows: the trace's hovertemplate filled from one point's customdata."""
    text = template.replace("<extra></extra>", "")
    for index, field in enumerate(fields):
        text = text.replace(f"%{{customdata[{index}]}}", str(field))
    assert "%{" not in text
    return text


def hover_points(figure) -> dict[int, tuple[str, float, str]]:
    """event id -> (x, y, hover html) over every trace that carries hover text."""
    points = {}
    for trace in figure.data:
        if trace.customdata is None:
            continue
        for fields, x, y in zip(trace.customdata, trace.x, trace.y):
            points[fields[0]] = (x, y, render_hover(trace.hovertemplate, fields))
    return points


def bar_segments(figure) -> list[tuple[str, str]]:
    segments = []
    for trace in figure.data:
        if trace.customdata is None:
            xs = list(trace.x)
            segments += [(xs[i], xs[i + 1]) for i in range(0, len(xs), 3)]
    return segments


def test_single_days_are_webgl_markers_at_their_date():
    figure = build_timeline_figure([event(1, DCT), event(2, date(2024, 4, 12))], [ARTICLE])
    points = hover_points(figure)
    assert points[1][0].startswith("2024-04-13") and points[2][0].startswith("2024-04-12")
    assert all(trace.type == "scattergl" for trace in figure.data)
    assert bar_segments(figure) == []


def test_ranges_are_bars_from_earliest_to_the_day_after_latest():
    figure = build_timeline_figure(
        [
            event(
                1,
                date(2024, 4, 1),
                date(2024, 4, 7),
                phrase="last week",
                sentence="It happened last week.",
                value="2024-W14",
            )
        ],
        [ARTICLE],
    )
    assert bar_segments(figure) == [("2024-04-01", "2024-04-08")]
    assert "“last week” → 1–7 Apr 2024 (week)<br>" in hover_points(figure)[1][2]
    # The hover handle sits in the middle of the bar.
    assert hover_points(figure)[1][0].startswith("2024-04-04")


def test_open_ended_ranges_are_clipped_to_the_visible_window_with_an_arrow():
    figure = build_timeline_figure(
        [
            event(1, DCT),
            event(2, OPEN_START, date(2024, 4, 1), phrase="until"),
            event(3, date(2024, 4, 5), OPEN_END, phrase="from"),
        ],
        [ARTICLE],
    )
    low, high = (date.fromisoformat(x[:10]) for x in figure.layout.xaxis.range)
    assert low <= date(2024, 4, 1) and high >= DCT
    assert (high - low).days < 60  # the open ends did not stretch the axis
    segments = dict(bar_segments(figure))
    assert segments[low.isoformat()] == "2024-04-02"
    assert segments["2024-04-05"] == high.isoformat()
    bars = next(t for t in figure.data if t.customdata is None)
    assert bars.mode == "lines+markers"
    assert {"triangle-left", "triangle-right"} <= {s for s, size in zip(bars.marker.symbol, bars.marker.size) if size}


def test_hidden_events_never_reach_the_figure():
    figure = build_timeline_figure([event(1, DCT), event(2, DCT, status="hidden")], [ARTICLE])
    assert set(hover_points(figure)) == {1}
    assert "event 2" not in figure.to_json()


def test_approved_events_get_a_distinct_symbol():
    figure = build_timeline_figure([event(1, DCT), event(2, DCT, status="approved")], [ARTICLE])
    symbols = {fields[0]: t.marker.symbol for t in figure.data if t.customdata is not None for fields in t.customdata}
    assert symbols == {1: "circle", 2: "diamond"}
    assert "approved" in hover_points(figure)[2][2] and "approved" not in hover_points(figure)[1][2]


def test_one_lane_and_one_dashed_dct_line_per_article():
    figure = build_timeline_figure([event(1, DCT), event(2, date(2024, 4, 9), article=2)], [ARTICLE, OTHER])
    assert list(figure.layout.yaxis.ticktext) == ["Biden and Iran", "Another desk"]
    dct_lines = [s for s in figure.layout.shapes if s.line.dash == "dash"]
    assert sorted(s.x0[:10] for s in dct_lines) == ["2024-04-10", "2024-04-13"]
    assert any("inferred" in a.text and "10 Apr 2024" in a.text for a in figure.layout.annotations)
    points = hover_points(figure)
    assert round(points[1][1]) == 0 and round(points[2][1]) == 1
    colours = {t.legendgroup: t.marker.color for t in figure.data if t.customdata is not None}
    assert len(set(colours.values())) == 2


def test_event_of_an_article_not_given_is_an_error():
    with pytest.raises(ValueError, match="not given"):
        build_timeline_figure([event(1, DCT, article=99)], [ARTICLE])


def test_hover_has_title_phrase_resolved_value_and_bold_phrase_in_sentence():
    figure = build_timeline_figure(
        [event(1, date(2024, 4, 12), phrase="Friday", sentence="Biden kept his promise on Friday.")], [ARTICLE]
    )
    text = hover_points(figure)[1][2]
    assert "<b>event 1</b>" in text and "“Friday” → Fri 12 Apr 2024" in text
    assert "Biden kept his promise on <b>Friday</b>." in text


def test_hover_text_escapes_hostile_article_text():
    hostile = "Saturday <img src=x onerror=alert(1)> & <script>alert(2)</script>"
    article = ChartArticle(id=1, title="<img src=x onerror=alert(3)>", published=DCT)
    figure = build_timeline_figure([event(1, DCT, sentence=hostile, phrase="Saturday")], [article])
    text = hover_points(figure)[1][2]
    assert "&lt;img src=x onerror=alert(1)&gt;" in text and "&lt;script&gt;" in text
    assert "<img" not in text and "<script" not in text
    assert "<b>Saturday</b>" in text
    assert "<img" not in json.dumps(figure.layout.yaxis.ticktext[0]) and "&lt;img" in figure.layout.yaxis.ticktext[0]
    assert all("<img" not in (t.name or "") for t in figure.data)


def test_long_sentences_are_cut_around_the_phrase():
    sentence = "word " * 200 + "on Friday" + " tail" * 200
    figure = build_timeline_figure([event(1, DCT, sentence=sentence, phrase="Friday")], [ARTICLE])
    text = hover_points(figure)[1][2]
    assert "<b>Friday</b>" in text and "…" in text
    assert len(text.replace("<br>", " ")) < 500


def test_ten_thousand_events_stay_well_under_two_megabytes():
    articles = [
        ChartArticle(id=a, title=f"Article number {a} with a long headline about things", published=DCT)
        for a in range(1, 51)
    ]
    events = []
    for pk in range(10_000):
        start = DCT - timedelta(days=pk % 700)
        latest = start + timedelta(days=6) if pk % 3 == 0 else start
        sentence = f"Sentence {pk}: " + "officials said the talks were difficult and long, " * 7 + "on Friday."
        events.append(
            event(
                pk,
                start,
                latest,
                article=1 + pk % 50,
                sentence=sentence,
                phrase="Friday",
                status="approved" if pk % 7 == 0 else "proposed",
            )
        )
    figure = build_timeline_figure(events, articles)
    size = len(figure.to_json().encode())
    assert len(hover_points(figure)) == 10_000
    assert size < 2_000_000, f"figure JSON is {size:,} bytes"


def test_long_chronologies_open_around_publication_with_a_button_for_all_dates():
    near = [event(pk, DCT - timedelta(days=pk)) for pk in range(1, 8)]
    far = [event(100, date(2022, 1, 3), phrase="in 2022"), event(101, date(2025, 6, 1), phrase="next June")]
    figure = build_timeline_figure(near + far, [ARTICLE])
    start, end = (date.fromisoformat(x[:10]) for x in figure.layout.xaxis.range)
    assert start <= DCT - timedelta(days=7) and end > DCT and (end - start).days < 60
    labels = {b.label: b.args[0]["xaxis.range"] for b in figure.layout.updatemenus[0].buttons}
    everything = labels["All dates"]
    assert everything[0] <= "2022-01-03" and everything[1] >= "2025-06-01"
    assert labels["Around publication"] == list(figure.layout.xaxis.range)


def test_short_chronologies_show_everything_without_buttons():
    figure = build_timeline_figure([event(1, DCT), event(2, date(2024, 3, 1))], [ARTICLE])
    start, end = (date.fromisoformat(x[:10]) for x in figure.layout.xaxis.range)
    assert start <= date(2024, 3, 1) and end > DCT
    assert not figure.layout.updatemenus


def test_a_long_range_keeps_its_hover_handle_in_the_opening_view():
    near = [event(pk, DCT - timedelta(days=pk)) for pk in range(1, 8)]
    far = [
        event(100, date(2021, 1, 1), phrase="in 2021"),
        event(101, date(2024, 1, 1), date(2024, 12, 31), phrase="this year"),
    ]
    figure = build_timeline_figure(near + far, [ARTICLE])
    start, end = figure.layout.xaxis.range
    handle = hover_points(figure)[101][0]
    assert start <= handle <= end


def test_the_opening_view_stretches_to_take_in_nearby_bounded_events():
    # An article of 15 May with events a month later: the old weeks-around-publication
    # window showed 3 of 6 events without saying so.
    dct = date(2024, 5, 15)
    article = ChartArticle(id=1, title="Council vote", published=dct)
    events = [
        event(1, date(2024, 5, 10)),
        event(2, date(2024, 5, 14)),
        event(3, dct),
        event(4, date(2024, 6, 12), phrase="June 12"),
        event(5, date(2024, 6, 1), date(2024, 6, 30), phrase="next month"),
        event(6, date(2024, 5, 16), OPEN_END, phrase="from Thursday"),
    ]
    layout = build_timeline_figure(events, [article]).layout
    start, end = (date.fromisoformat(x[:10]) for x in layout.xaxis.range)
    assert start <= date(2024, 5, 10) and end > date(2024, 6, 30)
    assert not any("outside this view" in (a.text or "") for a in layout.annotations)


def test_a_view_that_leaves_events_out_says_how_many_and_the_buttons_toggle_the_note():
    near = [event(pk, DCT - timedelta(days=pk)) for pk in range(1, 8)]
    # Six months back is too far to stretch to: the week around publication would be squeezed.
    far = [event(100, date(2023, 10, 7), phrase="October 7"), event(101, date(2025, 12, 1), phrase="next December")]
    layout = build_timeline_figure(near + far, [ARTICLE]).layout
    start, end = (date.fromisoformat(x[:10]) for x in layout.xaxis.range)
    assert start > date(2023, 10, 7) and (end - start).days < 60
    notes = [i for i, a in enumerate(layout.annotations) if "outside this view" in (a.text or "")]
    assert len(notes) == 1 and layout.annotations[notes[0]].text.startswith("2 events outside this view")
    assert layout.annotations[notes[0]].visible is True
    key = f"annotations[{notes[0]}].visible"
    toggles = {b.label: b.args[0][key] for b in layout.updatemenus[0].buttons}
    assert toggles == {"Around publication": True, "All dates": False}


def test_focus_window_scales_linearly():
    """Compared at two sizes in one run (no wall-clock budget: CI machines are shared)."""
    import time

    from webapp.charts.geometry import focus_window, visible_window

    def cost(n: int) -> float:
        events = [event(pk, DCT - timedelta(days=pk % 900), phrase="x", sentence="x") for pk in range(n)]
        low, high = visible_window(events, [ARTICLE])
        started = time.process_time()
        focus_window(events, [ARTICLE], low, high)
        return time.process_time() - started

    small, large = min(cost(1_000) for _ in range(3)), min(cost(10_000) for _ in range(3))
    assert large < 30 * max(small, 1e-4), (small, large)  # 10x the events: linear ~10x


def test_hover_reads_dates_in_words_without_timex_codes_or_sentinels():
    events = [
        event(
            1,
            date(2024, 4, 6),
            DCT,
            phrase="the days leading up",
            value="PXD",
            sentence="It grew in the days leading up to Saturday.",
        ),
        event(
            2,
            DCT,
            OPEN_END,
            phrase="the coming hours",
            value="FUTURE_REF",
            sentence="They will talk in the coming hours.",
        ),
        event(3, date(2024, 1, 1), date(2024, 12, 31), phrase="2024", value="2024", sentence="Vote in 2024."),
    ]
    points = hover_points(build_timeline_figure(events, [ARTICLE]))
    assert "→ 6–13 Apr 2024<br>" in points[1][2]
    assert "→ from Sat 13 Apr 2024 on (open-ended)<br>" in points[2][2]
    assert "→ 2024<br>" in points[3][2]
    for _, _, text in points.values():
        assert "PXD" not in text and "FUTURE_REF" not in text and "9999" not in text and "(2024)" not in text


def test_a_one_day_tick_step_is_labelled_with_the_date_not_the_hour():
    def format_for(step_ms: int) -> str:
        # Plotly takes the first stop whose (inclusive) range holds the step.
        for stop in build_timeline_figure([event(1, DCT)], [ARTICLE]).layout.xaxis.tickformatstops:
            low, high = stop.dtickrange
            if (low is None or low <= step_ms) and (high is None or step_ms <= high):
                return stop.value
        raise AssertionError(step_ms)

    hour, day = 3_600_000, 86_400_000
    assert format_for(6 * hour).startswith("%H:%M")
    for step in (day, 2 * day, 7 * day, 14 * day):
        assert format_for(step).startswith("%a %d %b"), step


def test_hover_shows_quotes_and_ampersands_as_written():
    sentence = "This is painful,\" board chair O'Neil said of AT&T <b> on Saturday."
    article = ChartArticle(id=1, title='"Painful" vote at AT&T', published=DCT)
    figure = build_timeline_figure([event(1, DCT, sentence=sentence, phrase="Saturday")], [article])
    text = hover_points(figure)[1][2]
    assert "&quot;" not in text and "&#x27;" not in text
    assert "&lt;b&gt;" in text  # still escaped: Plotly would draw a real <b> as bold
    shown = " ".join(plotly_shows(text).split())
    assert "This is painful,\" board chair O'Neil said of AT&T <b> on Saturday." in shown
