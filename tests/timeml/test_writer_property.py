"""The one TimeML writer is valid for any Unicode text: what it writes, the reader parses back."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.timeml.reader import Timex, parse_timeml
from timeline.timeml.writer import article_timeml, xml_safe


@settings(max_examples=300, deadline=None)
@given(text=st.text(min_size=1, max_size=200), cut=st.integers(min_value=0, max_value=199))
def test_any_text_with_a_tag_round_trips(text, cut):
    start = min(cut, len(text) - 1)
    timex = Timex(start, len(text), text[start:], "DATE", "2024-04-13", "", "t1")
    markup = article_timeml(doc_id="any\ufffe", text=text, dct=date(2024, 4, 13), timexes=[timex])
    doc = parse_timeml(markup)  # raises on markup an XML parser refuses
    assert doc.text == xml_safe(text)  # same length, so every offset stays true
    assert len(doc.text) == len(text) and [(t.start, t.end) for t in doc.timexes] == [(start, len(text))]


def test_characters_xml_cannot_carry_become_spaces_in_place():
    text = "Talks\ufffe on \uffff Monday\x00."
    doc = parse_timeml(
        article_timeml(doc_id="d", text=text, dct=None, timexes=[Timex(12, 18, "Monday", "DATE", "2024-04-15")])
    )
    assert doc.text == "Talks  on   Monday ." and doc.timexes[0].text == "Monday"
