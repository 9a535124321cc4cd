"""Request size and text length limits: configurable, with sensible defaults and clear errors."""

from __future__ import annotations

from datetime import date
from io import StringIO

import pytest
from django.conf import settings as live_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import RequestFactory
from django.urls import reverse

from tests.factories import make_article, make_extraction
from timeline.models import Article
from webapp.middleware import RequestSizeLimitMiddleware

pytestmark = pytest.mark.django_db

MB = 1024 * 1024


def test_defaults_fit_a_long_article_and_refuse_abuse():
    assert live_settings.TIMELINE_MAX_UPLOAD_BYTES == 10 * MB
    assert live_settings.TIMELINE_MAX_REQUEST_BYTES == 11 * MB  # the upload plus the form around it
    assert live_settings.TIMELINE_MAX_TEXT_CHARS == 5_000_000
    # Pasted text is held in memory: Django's own cap agrees with ours.
    assert live_settings.DATA_UPLOAD_MAX_MEMORY_SIZE == live_settings.TIMELINE_MAX_REQUEST_BYTES


def test_a_50_mb_upload_is_refused_before_it_is_read(reporter, fake_engine):
    upload = SimpleUploadedFile("huge.txt", b"Talks resume on Monday. " * (50 * MB // 24), content_type="text/plain")
    response = reporter.post(reverse("import"), {"upload": upload, "title": "Huge"})
    html = response.content.decode()
    assert response.status_code == 413
    assert "The upload is too large" in html and "the limit is 11,534,336 bytes (11.0\xa0MB)" in html
    assert "Nothing was saved" in html and f'href="{reverse("import")}"' in html
    assert Article.objects.count() == 0 and fake_engine.calls == []


def test_the_request_limit_is_a_setting_and_guards_every_url(admin_client, settings, fake_engine):
    settings.TIMELINE_MAX_REQUEST_BYTES = 2_000
    big = {"text": "x" * 3_000}
    for url in (reverse("import"), reverse("admin:timeline_event_changelist"), reverse("article-list")):
        response = admin_client.post(url, big)
        assert response.status_code == 413, url
        assert "the limit is 2,000 bytes" in response.content.decode(), url
    # Under the limit the request reaches the view, which only reads (405 to a POST).
    assert admin_client.post(reverse("article-list"), {"text": "x" * 1_000}).status_code == 405


def test_an_upload_under_the_request_limit_but_over_the_file_limit_is_explained_in_the_form(
    reporter, settings, fake_engine
):
    settings.TIMELINE_MAX_UPLOAD_BYTES = 1_000
    settings.TIMELINE_MAX_REQUEST_BYTES = 100_000
    upload = SimpleUploadedFile("long.txt", b"word " * 2_000, content_type="text/plain")
    response = reporter.post(reverse("import"), {"upload": upload})
    assert response.status_code == 200
    assert "long.txt: the file is 10,000 bytes; the limit is 1,000 bytes." in response.content.decode()
    assert Article.objects.count() == 0 and fake_engine.calls == []


def test_a_missing_or_malformed_content_length_is_not_an_error():
    seen = []
    middleware = RequestSizeLimitMiddleware(lambda request: seen.append(request) or "passed on")
    for value in ("", "not-a-number"):
        request = RequestFactory().get("/")
        request.META["CONTENT_LENGTH"] = value
        assert middleware(request) == "passed on"
    assert len(seen) == 2


def test_text_limit_applies_to_pastes_and_to_import_articles(reporter, settings, tmp_path, fake_engine):
    settings.TIMELINE_MAX_TEXT_CHARS = 50
    long_text = "The talks resumed on Monday and went on for days. " * 3
    html = reporter.post(reverse("import"), {"text": long_text}).content.decode()
    assert f"The article has {len(long_text):,} characters; the limit is 50. Split it up." in html
    (tmp_path / "long.txt").write_text(long_text)
    out = StringIO()
    with pytest.raises(CommandError):
        call_command("import_articles", str(tmp_path), "--no-progress", stdout=out, stderr=StringIO())
    assert "the limit is 50" in out.getvalue() and Article.objects.count() == 0 and fake_engine.calls == []


def test_djangos_own_form_memory_cap_is_a_readable_page_too(reporter, settings, fake_engine):
    # A body that declares no length (chunked) passes the middleware; Django's
    # DATA_UPLOAD_MAX_MEMORY_SIZE still stops it, with the 400 page, not a crash.
    settings.TIMELINE_MAX_REQUEST_BYTES = 100_000
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1_000
    response = reporter.post(reverse("import"), {"text": "Talks on Monday. " * 300})
    assert response.status_code == 400 and "The request could not be read" in response.content.decode()
    assert Article.objects.count() == 0 and fake_engine.calls == []


@pytest.mark.parametrize("published", ["0999-12-31", "9999-12-31"])
def test_a_date_the_engine_cannot_count_from_is_a_form_error_in_the_admin(admin_client, published):
    article = make_article(text="Talks resume on Monday.", published=date(2024, 4, 13))
    data = {
        "title": "Talks", "source": "", "published": published,
        "events-TOTAL_FORMS": 0, "events-INITIAL_FORMS": 0, "expressions-TOTAL_FORMS": 0,
        "expressions-INITIAL_FORMS": 0, "sentences-TOTAL_FORMS": 0, "sentences-INITIAL_FORMS": 0,
    }  # fmt: skip
    response = admin_client.post(reverse("admin:timeline_article_change", args=[article.pk]), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "is out of range: give a date between 1 January 1000 and 31 December 8999." in page
    assert f"DCT {published}" not in page
    article.refresh_from_db()
    assert article.published == date(2024, 4, 13)


@pytest.mark.parametrize("published", ["9998-12-31", "9500-01-01", "0999-12-31"])
def test_the_import_form_takes_exactly_the_dates_the_engine_counts_from(reporter, fake_engine, published):
    """The form once said "between the years 1000 and 9998", and the engine then refused 9998
    as "DCT 9998-12-31 is out of range": one limit, said in words, before the engine runs."""
    html = reporter.post(reverse("import"), {"text": "Talks on Monday.", "published": published}).content.decode()
    day = date.fromisoformat(published)
    assert (
        f"The article date {day.day} {day:%B} {day.year} is out of range: "
        "give a date between 1 January 1000 and 31 December 8999."
    ) in html
    assert "DCT" not in html and "1000 and 9998" not in html and fake_engine.calls == []
    assert 'min="1000-01-01"' in html and 'max="8999-12-31"' in html


def test_the_import_form_takes_the_last_date_the_engine_counts_from(reporter, fake_engine):
    fake_engine.result = make_extraction("Talks on Monday.", [], dct=date(8999, 12, 31))
    response = reporter.post(reverse("import"), {"text": "Talks on Monday.", "published": "8999-12-31"})
    assert response.status_code == 302 and Article.objects.get().published == date(8999, 12, 31)


def test_a_date_the_engine_cannot_count_from_is_explained_by_the_form_and_the_command(reporter, tmp_path):
    html = reporter.post(reverse("import"), {"text": "Talks on Monday.", "published": "9500-01-01"}).content.decode()
    assert (
        "The article date 1 January 9500 is out of range: give a date between 1 January 1000 and 31 December 8999."
        in html
    )
    (tmp_path / "talks.txt").write_text("Talks on Monday.")
    out = StringIO()
    with pytest.raises(CommandError):
        call_command("import_articles", str(tmp_path), "--dct", "9999-12-31", "--no-progress", stdout=out,
                     stderr=StringIO())  # fmt: skip
    assert "talks.txt: The article date 31 December 9999 is out of range" in out.getvalue()
    assert Article.objects.count() == 0
