"""Every export format of a story, an article and "approved only": shape, offsets, safety."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
import zipfile
from datetime import date, datetime

import pytest
from icalendar import Calendar

from timeline.exports import export_bytes, export_filename
from timeline.exports.csv_export import safe_cell
from timeline.exports.document import article_document, public_source, story_document

pytestmark = pytest.mark.django_db


def test_json_has_the_fixed_shape_and_true_offsets(export_story):
    data = json.loads(export_bytes(story_document(story=export_story["story"]), "json"))
    assert set(data) == {"story", "filters", "articles", "events", "key_dates"} and data["filters"] == {}
    assert data["story"] == "Embassy bombings"
    assert all(set(a) == {"id", "title", "published", "source"} for a in data["articles"])
    texts = {a.pk: a.text for a in export_story["articles"]}
    assert [e["id"] for e in data["events"]] == [export_story[k].pk for k in ("talks", "bombing", "soon")]
    bombing = data["events"][1]
    assert set(bombing) == {"id", "title", "earliest", "latest", "value", "granularity", "status", "mentions",
                            "article_count", "outlet_count", "mention_count"}  # fmt: skip
    assert (bombing["article_count"], bombing["outlet_count"], bombing["mention_count"]) == (2, 2, 2)
    assert (bombing["earliest"], bombing["latest"], bombing["status"]) == ("1998-08-07", "1998-08-07", "approved")
    assert len(bombing["mentions"]) == 2
    for mention in (m for e in data["events"] for m in e["mentions"]):
        assert set(mention) == {
            "article_id",
            "article_source",
            "sentence_start",
            "sentence_end",
            "phrase_start",
            "phrase_end",
            "sentence",
        }
        text = texts[mention["article_id"]]
        assert text[mention["sentence_start"] : mention["sentence_end"]] == mention["sentence"]
        assert mention["sentence_start"] <= mention["phrase_start"] < mention["phrase_end"] <= mention["sentence_end"]
    phrases = [texts[m["article_id"]][m["phrase_start"] : m["phrase_end"]] for m in bombing["mentions"]]
    assert phrases == ["Friday at 10:30", "Friday"]


def test_no_server_path_leaves_the_server(export_story):
    document = story_document(story=export_story["story"])
    for fmt in ("json", "csv", "ics", "timelinejs"):
        assert b"/srv/timeline" not in export_bytes(document, fmt), fmt
    data = json.loads(export_bytes(document, "json"))
    assert data["articles"][0]["source"] == "ap-0807.txt"
    assert data["articles"][1]["source"] == "https://xinhua.net/a/2"  # a URL is kept as given


@pytest.mark.parametrize(
    ("source", "public"),
    [
        ("/home/u/a.txt", "a.txt"),
        ("C:\\data\\b.html", "b.html"),
        ("file:///tmp/c.txt", "c.txt"),
        ("~/d.txt", "d.txt"),
        ("AP", "AP"),
        ("https://x.org/a/b", "https://x.org/a/b"),
        ("story.txt", "story.txt"),
    ],
)
def test_public_source(source, public):
    assert public_source(source) == public


def test_approved_only(export_story):
    document = story_document(story=export_story["story"], approved_only=True)
    assert [e.id for e in document.events] == [export_story["bombing"].pk]
    assert export_filename(document, "json") == "embassy-bombings-approved.json"
    slides = json.loads(export_bytes(document, "timelinejs"))["events"]
    assert [s["unique_id"] for s in slides] == [f"happening-{export_story['bombing'].pk}"]


@pytest.mark.parametrize("text", ["=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx"])
def test_csv_neutralises_formulas(text):
    assert safe_cell(text) == "'" + text


def test_csv_rows_per_mention_and_safe(export_story):
    raw = export_bytes(story_document(story=export_story["story"]), "csv").decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(raw)))
    assert len(rows) == 4
    assert {r["article_title"] for r in rows} >= {'\'=HYPERLINK("http://evil")'}
    assert "'-attacks may come" in {r["event_title"] for r in rows}
    assert all(not r[k].startswith(("=", "+", "-", "@")) for r in rows for k in r)
    bombing = [r for r in rows if r["event_id"] == str(export_story["bombing"].pk)]
    assert [(r["sources"], r["outlets"], r["mentions"]) for r in bombing] == [("2", "2", "2")] * 2


def test_ics_is_a_valid_calendar_with_exclusive_all_day_ends(export_story):
    calendar = Calendar.from_ical(export_bytes(story_document(story=export_story["story"]), "ics"))
    events = {str(e["summary"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {"Talks fail", "Bomb explodes at embassy", "-attacks may come"}
    talks = events["Talks fail"]
    assert talks.decoded("dtstart") == date(1998, 7, 27) and talks.decoded("dtend") == date(1998, 8, 3)
    assert events["Bomb explodes at embassy"].decoded("dtstart") == datetime(1998, 8, 7, 10, 30)
    soon = events["-attacks may come"]
    assert soon.decoded("dtstart") == date(1998, 8, 8) and "Open-ended" in str(soon["description"])
    assert all(e.get("uid") and e.get("dtstamp") for e in events.values())


def test_timelinejs_keeps_clock_times_and_groups_sources(export_story):
    data = json.loads(export_bytes(story_document(story=export_story["story"]), "timelinejs"))
    slides = {s["unique_id"]: s for s in data["events"]}
    bombing = slides[f"happening-{export_story['bombing'].pk}"]
    assert bombing["start_date"] == {"year": 1998, "month": 8, "day": 7, "hour": 10, "minute": 30}
    assert "2 articles from 2 outlets" in bombing["text"]["text"] and bombing["text"]["text"].count("<li>") == 2
    assert "<mark>Friday at 10:30</mark>" in bombing["text"]["text"]
    assert slides[f"happening-{export_story['talks'].pk}"]["end_date"] == {"year": 1998, "month": 8, "day": 2}
    assert "end_date" not in slides[f"happening-{export_story['soon'].pk}"]


def test_timeml_is_well_formed_with_timex3_at_the_phrases(export_story):
    archive = zipfile.ZipFile(io.BytesIO(export_bytes(story_document(story=export_story["story"]), "timeml")))
    one, two = export_story["articles"]
    assert sorted(archive.namelist()) == sorted([f"article-{one.pk}.tml", f"article-{two.pk}.tml"])
    root = ET.fromstring(archive.read(f"article-{one.pk}.tml"))
    dct = root.find("DCT/TIMEX3")
    assert dct.get("value") == "1998-08-07" and dct.get("functionInDocument") == "CREATION_TIME"
    text = root.find("TEXT")
    assert "".join(text.itertext()) == one.text
    timexes = text.findall("TIMEX3")
    assert [(t.text, t.get("value")) for t in timexes] == [
        ("Friday at 10:30", "1998-08-07T10:30"),
        ("last week", "1998-W31"),
    ]
    assert len({t.get("tid") for t in timexes}) == 2


def test_timeml_reads_back_with_the_engine_reader(export_story):
    from timeline.timeml.reader import parse_timeml

    one = export_story["articles"][0]
    archive = zipfile.ZipFile(io.BytesIO(export_bytes(story_document(story=export_story["story"]), "timeml")))
    doc = parse_timeml(archive.read(f"article-{one.pk}.tml").decode("utf-8"))
    assert doc.text == one.text and doc.dct == one.published
    assert [one.text[t.start : t.end] for t in doc.timexes] == ["Friday at 10:30", "last week"]


def test_timeml_skips_overlaps_and_blanks_control_characters():
    from timeline.timeml.reader import Timex, parse_timeml
    from timeline.timeml.writer import article_timeml

    text = "On Friday\x0b night it rained."
    xml = article_timeml(doc_id="x", text=text, dct=date(2024, 4, 13), timexes=[
        Timex(3, 9, "Friday", "DATE", "2024-04-12"), Timex(3, 16, "Friday\x0b night", "TIME", "2024-04-12TNI"),
        Timex(40, 45, "", "DATE", "2024"),
    ])  # fmt: skip
    doc = parse_timeml(xml)
    assert len(doc.text) == len(text) and [(t.text, t.value) for t in doc.timexes] == [("Friday", "2024-04-12")]


def test_article_export_and_approved_only(export_story):
    one = export_story["articles"][0]
    data = json.loads(export_bytes(article_document(article=one), "json"))
    assert data["story"] is None and [a["id"] for a in data["articles"]] == [one.pk]
    assert [e["title"] for e in data["events"]] == ["Talks fail", "Bomb explodes"]
    assert all(len(e["mentions"]) == 1 for e in data["events"])
    assert json.loads(export_bytes(article_document(article=one, approved_only=True), "json"))["events"] == []


def test_timelinejs_headline_is_escaped_once_and_keeps_apostrophes():
    from timeline.exports.document import ExportEvent, ExportMention
    from timeline.exports.timelinejs_export import slide

    mention = ExportMention(
        article_id=1,
        article_source="",
        sentence_start=0,
        sentence_end=9,
        phrase_start=None,
        phrase_end=None,
        sentence="The bridge's deck <b>",
        article_title="Tom's & Co",
    )
    event = ExportEvent(
        id=7,
        title="Inspection rated bridge's deck <b>",
        earliest=date(2024, 4, 8),
        latest=date(2024, 4, 8),
        value="2024-04-08",
        granularity="day",
        status="proposed",
        mentions=(mention,),
    )
    text = slide(event, unique_id="happening-1")["text"]
    assert text["headline"] == "Inspection rated bridge's deck &lt;b&gt;"
    assert "Tom's &amp; Co" in text["text"] and "bridge's deck &lt;b&gt;" in text["text"]


def test_timelinejs_marks_the_mentions_own_occurrence_of_the_phrase():
    from timeline.exports.document import ExportEvent, ExportMention
    from timeline.exports.timelinejs_export import slide

    sentence = "After Monday's talks, ministers meet again on Monday."
    at = sentence.rindex("Monday")
    mention = ExportMention(
        article_id=1,
        article_source="",
        sentence_start=100,
        sentence_end=100 + len(sentence),
        phrase_start=100 + at,
        phrase_end=100 + at + 6,
        sentence=sentence,
        phrase="Monday",
    )
    event = ExportEvent(
        id=8,
        title="Ministers meet",
        earliest=date(2024, 4, 15),
        latest=date(2024, 4, 15),
        value="2024-04-15",
        granularity="day",
        status="proposed",
        mentions=(mention,),
    )
    assert "again on <mark>Monday</mark>." in slide(event, unique_id="happening-1")["text"]["text"]
    assert "After Monday's" in slide(event, unique_id="happening-1")["text"]["text"]
