"""Article text in Plotly labels: escaped against markup, shown to the reader as written."""

from __future__ import annotations

from tests.plotly_text import plotly_shows
from webapp.charts.style import lane_label, plotly_escape

QUOTED = "This is painful,\" board chair Ann O'Neil said of AT&T's <b>bid</b> & 3 < 4."


def test_quotes_ampersands_and_angles_read_as_written():
    assert plotly_shows(plotly_escape(QUOTED)) == QUOTED


def test_markup_in_article_text_stays_text():
    escaped = plotly_escape('<script>alert("x")</script><img src=x onerror=alert(1)>')
    assert "<" not in escaped and ">" not in escaped
    assert escaped.startswith("&lt;script&gt;")


def test_lane_labels_show_quotes_unescaped():
    label = lane_label('"Painful" vote')
    assert "&quot;" not in label and "&#x27;" not in label
    assert plotly_shows(label) == '"Painful" vote'
