"""Every kind of bad file gets a clear message in the form and in ``import_articles``,
nothing is half-written, and the rest of a batch goes on (real engine throughout)."""

from __future__ import annotations

import codecs
from io import StringIO
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from timeline import services
from timeline.models import Article, Event, Sentence, TemporalExpression

pytestmark = pytest.mark.django_db

# Written as a caption (present tense) so the engine may take its date as the article's:
# a full date in a past-tense clause is an event of the story, not the DCT.
STORY = "Iran launches drones at Israel on Saturday, April 13, 2024. Leaders met on Sunday."
HTML = (
    "<html><head><title>Drone attack</title><style>p { color: red }</style>"
    "<script>document.write('injected on Monday')</script></head>"
    f"<body><p>{STORY}</p><script>alert('no')</script></body></html>"
)

# name, bytes, what the reader is told (a failure) or None when the file imports.
REJECTED = [
    ("empty.txt", b"", "empty.txt: the file is empty."),
    ("blank.md", b" \n\t \r\n  ", "blank.md: the file is empty."),
    ("scan.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj", "scan.txt: this is a PDF document, not a text file"),
    ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "photo.txt: this is a PNG image, not a text file"),
    ("photo.png", b"\x89PNG\r\n\x1a\n", "photo.png: unsupported file type .png"),
    ("report.pdf", b"%PDF-1.4", "report.pdf: unsupported file type .pdf"),
    ("nul.txt", b"Talks\x00 resumed on Monday.", "nul.txt: binary data (a NUL byte at byte 5)"),
    ("scripts.html", b"<script>alert(1)</script><style>b{}</style>", "scripts.html: the file contains no readable text."),
]  # fmt: skip
# name, bytes, the text stored, a warning the reader sees (or None).
ACCEPTED = [
    ("utf16.txt", codecs.BOM_UTF16_LE + STORY.encode("utf-16-le"), STORY, None),
    ("utf16be.txt", codecs.BOM_UTF16_BE + STORY.encode("utf-16-be"), STORY, None),
    ("smart.txt", f"Officials said “no comment” — {STORY}".encode("cp1252"), f"Officials said “no comment” — {STORY}",
     "smart.txt: not valid UTF-8 (first bad byte 15); read as Windows-1252"),
    ("latin.txt", f"Café owners said: {STORY}".encode("latin-1"), f"Café owners said: {STORY}",
     "latin.txt: not valid UTF-8 (first bad byte 3); read as Windows-1252"),
    ("page.html", HTML.encode(), STORY, None),
]  # fmt: skip


def _stored_rows_match_their_text(article: Article) -> None:
    assert article.sentences.exists() and article.events.exists(), article.title
    for sentence in article.sentences.all():
        assert article.text[sentence.start : sentence.end] == sentence.text
    for expression in article.expressions.all():
        assert article.text[expression.start : expression.end] == expression.text


@pytest.mark.parametrize(("name", "data", "message"), REJECTED, ids=[r[0] for r in REJECTED])
def test_the_form_explains_each_bad_file_and_writes_nothing(reporter, name, data, message):
    response = reporter.post(reverse("import"), {"upload": SimpleUploadedFile(name, data)})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert (Article.objects.count(), Sentence.objects.count(), Event.objects.count()) == (0, 0, 0)


@pytest.mark.parametrize(("name", "data", "text", "warning"), ACCEPTED, ids=[a[0] for a in ACCEPTED])
def test_the_form_reads_odd_encodings_and_html_faithfully(reporter, name, data, text, warning):
    response = reporter.post(reverse("import"), {"upload": SimpleUploadedFile(name, data)}, follow=True)
    article = Article.objects.get()
    assert article.text == text and "injected" not in article.text and "alert" not in article.text
    page = response.content.decode()
    assert f"Imported “{article.title}”" in page
    if warning is not None:
        assert warning in page
    _stored_rows_match_their_text(article)


def test_a_batch_of_every_bad_file_reports_each_and_imports_the_rest(tmp_path: Path):
    for name, data, _ in REJECTED:
        (tmp_path / name).write_bytes(data)
    for name, data, _, _ in ACCEPTED[:-1]:  # one UTF-16 file of STORY is enough: the rest repeat it
        (tmp_path / name).write_bytes(data)
    (tmp_path / "page.html").write_bytes(HTML.replace("Leaders", "Ministers").encode())
    (tmp_path / "huge.txt").write_bytes(b"Talks resumed on Monday. " * (50 * 1024 * 1024 // 25 + 1))
    out, err = StringIO(), StringIO()

    with pytest.raises(CommandError) as failed:
        call_command("import_articles", str(tmp_path), "--no-progress", stdout=out, stderr=err)

    report = out.getvalue()
    collected_rejects = [r for r in REJECTED if Path(r[0]).suffix in (".txt", ".md", ".html")]
    for name, _, message in collected_rejects:
        assert f"failed    {tmp_path / name}: {message}" in report, name
    assert (
        f"failed    {tmp_path / 'huge.txt'}: huge.txt: the file is 52,428,825 bytes; the limit is 10,485,760 bytes."
        in report
    )
    assert f"duplicate {tmp_path / 'utf16be.txt'}" in report or f"duplicate {tmp_path / 'utf16.txt'}" in report
    assert "read as Windows-1252" in err.getvalue()
    assert failed.value.returncode == 1
    assert f"Imported 4, skipped 1 duplicate(s), failed {len(collected_rejects) + 1}" in report
    assert Article.objects.count() == 4
    for article in Article.objects.all():
        _stored_rows_match_their_text(article)


def test_a_failure_half_way_through_the_write_leaves_nothing(tmp_path, monkeypatch):
    """The database refuses a row after the article and its sentences are written: all of it rolls back."""
    real_store = services.store_extraction

    def store_then_fail(article, extraction, **kwargs):
        real_store(article, extraction, **kwargs)
        assert Sentence.objects.filter(article=article).exists()  # rows really were written
        if "Poisoned" in article.text:
            raise RuntimeError("disk full")

    monkeypatch.setattr(services, "store_extraction", store_then_fail)
    with pytest.raises(RuntimeError, match="disk full"):
        services.article_import(text="Poisoned talks began on Monday.", title="Poisoned")
    assert (Article.objects.count(), Sentence.objects.count(), TemporalExpression.objects.count(),
            Event.objects.count()) == (0, 0, 0, 0)  # fmt: skip

    (tmp_path / "a.txt").write_text("Poisoned talks began on Monday.")
    (tmp_path / "b.txt").write_text(STORY)
    out = StringIO()
    with pytest.raises(CommandError):
        call_command("import_articles", str(tmp_path), "--no-progress", stdout=out, stderr=StringIO())
    assert "internal error RuntimeError: disk full" in out.getvalue()
    assert list(Article.objects.values_list("text", flat=True)) == [STORY]
    assert not Sentence.objects.exclude(article__text=STORY).exists()
