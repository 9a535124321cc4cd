"""One uploaded file or paste to (text, title, published, source, url, place): the shared import path."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.exceptions import ImportRejected
from timeline.ingest.article_input import article_input_from_file, article_input_from_paste

WIRE = "Embassy blasts kill dozens\nNAIROBI, Kenya (AP) _ A huge bomb exploded on Friday.\n"
PAGE = (
    '<!doctype html><html><head><meta property="article:published_time" content="1998-08-07T10:00:00Z">'
    "<title>Bombs in Nairobi | News</title></head><body><nav>Home</nav><article><h1>Embassy blasts kill dozens</h1>"
    "<p>NAIROBI, Kenya (AP) -- A huge bomb exploded near the U.S. Embassy on Friday, killing dozens.</p>"
    "</article></body></html>"
)


def test_uploaded_file_source_is_its_dateline_outlet():
    given = article_input_from_file(WIRE.encode(), filename="/srv/uploads/tmp/ap_bridge.txt")
    assert (given.title, given.source, given.place, given.published) == (
        "Embassy blasts kill dozens",
        "AP",
        "Nairobi, Kenya",
        None,
    )


def test_uploaded_file_without_an_outlet_has_its_name_as_source_never_a_folder():
    text = "Embassy blasts kill dozens\nNAIROBI -- A huge bomb exploded on Friday.\n"
    given = article_input_from_file(text.encode(), filename="/srv/uploads/tmp/wire.txt")
    assert (given.source, given.place) == ("wire.txt", "Nairobi")


def test_a_pasted_wire_story_takes_its_outlet_unless_a_source_is_given():
    assert article_input_from_paste(WIRE).source == "AP"
    assert article_input_from_paste(WIRE, source="Daily Nation").source == "Daily Nation"
    assert article_input_from_paste("Talks resumed on Monday.").source == ""


def test_given_fields_win_and_a_url_is_the_source_when_no_source_is_given(tmp_path):
    path = tmp_path / "wire.txt"
    path.write_text(WIRE, encoding="utf-8")
    given = article_input_from_file(path, title="Mine", published=date(1998, 8, 7), url="https://example.org/a")
    assert (given.title, given.published, given.source, given.url) == (
        "Mine",
        date(1998, 8, 7),
        "https://example.org/a",
        "https://example.org/a",
    )
    assert article_input_from_file(path, source="AP", url="https://example.org/a").source == "AP"


def test_pasted_html_is_detected_and_extracted_with_its_date_as_evidence():
    given = article_input_from_paste("\n  " + PAGE)
    assert given.title == "Embassy blasts kill dozens" and given.place == "Nairobi, Kenya"
    assert given.text.startswith("Published: 1998-08-07\n\n") and "<" not in given.text and "Home" not in given.text
    assert given.published is None  # the page's date is evidence for the engine, not a date a person gave


def test_pasted_plain_text_with_angle_brackets_stays_as_it_is():
    text = "Shares rose <5% on Monday, traders said.\nMore on Tuesday."
    given = article_input_from_paste(text)
    assert given.text == text and given.title == "Shares rose <5% on Monday, traders said."


def test_pasted_markup_without_an_article_is_refused_clearly():
    with pytest.raises(ImportRejected, match="no readable article text"):
        article_input_from_paste("<html><body><script>alert(1)</script></body></html>")
