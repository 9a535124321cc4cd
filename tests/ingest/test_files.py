"""read_article_file: each kind of bad file gets a clear error; good ones decode faithfully."""

from __future__ import annotations

import codecs
import sys

import pytest

from timeline.exceptions import FileRejected
from timeline.ingest.files import guess_title, read_article_file
from timeline.ingest.headline import find_dateline

ARTICLE = "Iran launched drones on Saturday, April 13, 2024.\nIsrael said most were intercepted."


def test_utf8_text_file_from_disk(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Drone strike – “café” report\n" + ARTICLE, encoding="utf-8")
    decoded = read_article_file(path)
    assert decoded.text == "Drone strike – “café” report\n" + ARTICLE
    assert decoded.title == "Drone strike – “café” report"
    assert decoded.warnings == []


def test_utf8_with_bom_drops_the_bom():
    decoded = read_article_file(codecs.BOM_UTF8 + ARTICLE.encode(), "a.txt")
    assert decoded.text == ARTICLE


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_utf16_with_bom(encoding):
    data = ARTICLE.encode(encoding)
    if encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    assert read_article_file(data, "a.txt").text == ARTICLE


def test_windows_1252_falls_back_with_a_warning_naming_the_offset():
    data = "Officials said “no comment” on Saturday.".encode("cp1252")
    decoded = read_article_file(data, "old.txt")
    assert decoded.text == "Officials said “no comment” on Saturday."
    assert len(decoded.warnings) == 1
    assert "Windows-1252" in decoded.warnings[0] and "byte 15" in decoded.warnings[0]


def test_crlf_becomes_newline():
    assert read_article_file(b"One line.\r\nTwo lines.\rThree.", "a.txt").text == "One line.\nTwo lines.\nThree."


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
        (b"Hello\x00\x00\x01\x02 world", "NUL byte at byte 5"),
    ],
)
def test_binary_files_are_rejected(data, kind):
    with pytest.raises(FileRejected, match=kind):
        read_article_file(data, "upload.txt")


def test_undecodable_bytes_report_the_utf8_offset(monkeypatch):
    # 0x81/0x8d/... are undefined in Windows-1252 too; without a guesser the file is rejected.
    monkeypatch.setitem(sys.modules, "charset_normalizer", None)  # as if not installed
    data = b"Valid start " + b"\x81\x8d\x8f\x90\x9d" * 3
    with pytest.raises(FileRejected, match=r"not valid UTF-8 \(invalid byte 0x81 at byte 12\)"):
        read_article_file(data, "bad.txt")


def test_empty_and_whitespace_only_files_are_rejected(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(FileRejected, match="empty"):
        read_article_file(tmp_path / "empty.txt")
    with pytest.raises(FileRejected, match="empty"):
        read_article_file(b" \n\t \r\n", "blank.md")


def test_oversize_file_is_rejected_before_reading(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * 300)
    with pytest.raises(FileRejected, match="1,500 bytes; the limit is 1,000 bytes"):
        read_article_file(path, max_bytes=1000)


def test_oversize_bytes_use_the_setting(settings):
    settings.TIMELINE_MAX_UPLOAD_BYTES = 10
    with pytest.raises(FileRejected, match="limit is 10 bytes"):
        read_article_file(b"x" * 11, "a.txt")


@pytest.mark.parametrize("name", ["report.pdf", "notes.docx", "README"])
def test_unsupported_extension(name):
    with pytest.raises(FileRejected, match="unsupported file type"):
        read_article_file(b"text", name)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(FileRejected, match="no such file"):
        read_article_file(tmp_path / "gone.txt")
    (tmp_path / "dir.txt").mkdir()
    with pytest.raises(FileRejected, match="folder"):
        read_article_file(tmp_path / "dir.txt")


def test_bytes_need_a_filename():
    with pytest.raises(FileRejected, match="file name"):
        read_article_file(b"text")


HTML = """<!doctype html><html><head><meta charset="utf-8"><title>Iran attacks Israel &amp; more</title>
<style>p { color: red }</style><script>var x = "<p>not text</p>";</script></head>
<body><nav>Home</nav><h1>Headline in H1</h1>
<p>Iran launched drones on <b>Saturday</b>,
   April 13, 2024 &ndash; officials said.</p>
<noscript>Enable JavaScript</noscript>
<p>Israel said &lt;99%&gt; were intercepted.<br>Second line.</p></body></html>"""


def test_html_main_text_through_trafilatura_with_entities_unescaped():
    decoded = read_article_file(HTML.encode(), "page.html")
    assert decoded.title == "Headline in H1"  # the page's headline, not its <title> with the site name
    assert decoded.text == (
        "Iran launched drones on Saturday, April 13, 2024 – officials said.\n\n"
        "Israel said <99%> were intercepted.\n\nSecond line."
    )
    for chrome in ("color", "not text", "JavaScript", "Home"):
        assert chrome not in decoded.text


def test_html_byline_is_found_and_kept_out_of_the_text():
    page = (
        '<html><head><meta name="author" content="Jane Doe"></head><body><article><h1>Bomb kills 80 in Nairobi</h1>'
        "<p>NAIROBI, Kenya (AP) -- A huge bomb exploded near the U.S. Embassy on Friday, killing dozens.</p>"
        "<p>A second blast hit Dar es Salaam minutes later, officials said.</p></article></body></html>"
    )
    decoded = read_article_file(page.encode(), "nairobi.html")
    assert decoded.byline == "Jane Doe" and decoded.title == "Bomb kills 80 in Nairobi"
    assert "\nNAIROBI, Kenya (AP) -- A huge bomb" in decoded.text and "Jane Doe" not in decoded.text
    assert find_dateline(decoded.text).place == "Nairobi, Kenya"


def test_html_title_falls_back_to_first_h1():
    decoded = read_article_file(b"<h1>First &amp; only</h1><p>Body text here on Monday.</p>", "a.htm")
    assert decoded.title == "First & only"
    assert decoded.text == "First & only\n\nBody text here on Monday."


def test_html_with_only_scripts_has_no_text():
    with pytest.raises(FileRejected, match="no readable text"):
        read_article_file(b"<script>alert(1)</script><style>b{}</style>", "a.html")


def test_markdown_title_from_heading():
    decoded = read_article_file(b"Intro line\n# The Real Title #\nBody on Friday.", "a.md")
    assert decoded.title == "The Real Title"


def test_guess_title_skips_boilerplate_and_shortens():
    assert (
        guess_title("[ad_1]\nCNN\n—\nPresident Joe Biden speaks with aides") == "President Joe Biden speaks with aides"
    )
    long_line = "word " * 60
    title = guess_title(long_line)
    assert len(title) <= 120 and title.endswith("…")
    assert guess_title("123\n—", fallback="my-file") == "my-file"


@pytest.mark.parametrize(
    "markup",
    [
        '<meta property="article:published_time" content="2024-04-13T10:02:00Z">',
        '<meta name="pubdate" content="2024-04-13">',
        '<time pubdate datetime="2024-04-13T08:00">April 13</time>',
        '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2024-04-13T09:00:00Z"}</script>',
    ],
)
def test_html_publication_date_becomes_a_published_line(markup) -> None:
    from timeline.temporal import extract

    html = f"<html><head>{markup}</head><body><p>Officials met on Friday.</p></body></html>"
    decoded = read_article_file(html.encode(), "story.html")
    assert decoded.text.startswith("Published: 2024-04-13\n")
    result = extract(decoded.text, None)
    assert result.dct.isoformat() == "2024-04-13" and result.dct_inferred
    assert [e.value for e in result.expressions if e.text == "Friday"] == ["2024-04-12"]


def test_html_without_publication_markup_is_unchanged() -> None:
    decoded = read_article_file(b"<p>Officials met on Friday.</p>", "story.html")
    assert decoded.text == "Officials met on Friday."


def test_title_skips_a_published_line() -> None:
    assert (
        guess_title("Published: 2024-04-13\n\nIran launches drones at Israel\nBody") == "Iran launches drones at Israel"
    )
