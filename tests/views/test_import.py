"""The import form: login, paste, upload, and clear errors that write nothing."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.factories import make_article, make_extraction
from timeline.models import Article, Event
from timeline.stories.models import Story

pytestmark = pytest.mark.django_db

TEXT = "Iran attacked Israel on Saturday. Biden kept his promise on Friday."


def dated(fake_engine) -> None:
    fake_engine.result = make_extraction(TEXT, [("Saturday", date(2024, 4, 13)), ("Friday", date(2024, 4, 12))])


def test_anonymous_users_go_to_the_login_page(client):
    for response in (client.get(reverse("import")), client.post(reverse("import"), {"text": TEXT})):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login")) and "next=/import/" in response["Location"]
    assert Article.objects.count() == 0


def test_form_has_csrf_and_multipart(user_client):
    html = user_client.get(reverse("import")).content.decode()
    assert 'name="csrfmiddlewaretoken"' in html and 'enctype="multipart/form-data"' in html


def test_pasted_article_is_imported_and_opens_its_timeline(user_client, fake_engine):
    dated(fake_engine)
    response = user_client.post(
        reverse("import"), {"text": TEXT, "title": "Iran attacks", "published": "2024-04-13", "source": "Wire"}
    )
    article = Article.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("article-timeline", args=[article.pk])
    assert (article.title, article.published, article.source) == ("Iran attacks", date(2024, 4, 13), "Wire")
    assert fake_engine.calls[0][1] == date(2024, 4, 13)
    page = user_client.get(response["Location"]).content.decode()
    assert "Imported “Iran attacks”, dated 13 April 2024." in page
    assert Event.objects.filter(article=article).count() == 2


def test_uploaded_html_file_is_imported(user_client, fake_engine):
    dated(fake_engine)
    upload = SimpleUploadedFile(
        "story.html",
        f"<html><head><title>Story</title></head><body><p>{TEXT}</p></body></html>".encode(),
        content_type="text/html",
    )
    response = user_client.post(reverse("import"), {"upload": upload})
    article = Article.objects.get()
    assert response.status_code == 302 and TEXT in article.text and article.title == "Story"


@pytest.mark.parametrize(("source", "expected"), [("", "AP"), ("Daily Nation", "Daily Nation")])
def test_an_uploaded_wire_story_takes_its_datelines_outlet_unless_a_source_is_given(
    user_client, fake_engine, source, expected
):
    wire = f"Bridge talks\nNAIROBI, Kenya (AP) -- {TEXT}"
    fake_engine.result = make_extraction(wire, [])
    upload = SimpleUploadedFile("ap_bridge.txt", wire.encode(), content_type="text/plain")
    response = user_client.post(reverse("import"), {"upload": upload, "source": source, "published": "2024-04-13"})
    article = Article.objects.get()
    assert response.status_code == 302 and (article.source, article.place) == (expected, "Nairobi, Kenya")


@pytest.mark.parametrize("text", ["", "   \n  "])
def test_empty_input_gives_a_clear_error_and_writes_nothing(user_client, fake_engine, text):
    response = user_client.post(reverse("import"), {"text": text})
    assert response.status_code == 200
    assert "The article text is empty" in response.content.decode()
    assert Article.objects.count() == 0 and fake_engine.calls == []


def test_binary_upload_gives_a_clear_error_and_writes_nothing(user_client, fake_engine):
    upload = SimpleUploadedFile("scan.txt", b"%PDF-1.7\n\x00\x01\x02binary", content_type="text/plain")
    html = user_client.post(reverse("import"), {"upload": upload}).content.decode()
    assert "scan.txt: this is a PDF document, not a text file" in html
    assert Article.objects.count() == 0 and fake_engine.calls == []


def test_binary_paste_gives_a_clear_error(user_client, fake_engine):
    html = user_client.post(reverse("import"), {"text": "abc\x00def"}).content.decode()
    assert "Null characters are not allowed" in html or "NUL character" in html
    assert Article.objects.count() == 0


def test_pasted_html_with_no_article_text_is_a_form_error_not_a_crash(user_client, fake_engine):
    response = user_client.post(
        reverse("import"), {"text": "<html><body><script>alert(1)</script><div></div></body></html>"}
    )
    assert response.status_code == 200
    assert "no readable article text" in response.content.decode()
    assert Article.objects.count() == 0 and fake_engine.calls == []


def test_mis_encoded_and_wrong_type_uploads_are_explained(user_client, fake_engine):
    wrong = SimpleUploadedFile("story.docx", b"PK\x03\x04zip", content_type="application/octet-stream")
    html = user_client.post(reverse("import"), {"upload": wrong}).content.decode()
    assert "unsupported file type .docx" in html
    assert Article.objects.count() == 0


def test_oversized_upload_is_refused_before_reading(user_client, fake_engine, settings):
    settings.TIMELINE_MAX_UPLOAD_BYTES = 100
    upload = SimpleUploadedFile("long.txt", b"x " * 200, content_type="text/plain")
    html = user_client.post(reverse("import"), {"upload": upload}).content.decode()
    assert "long.txt: the file is 400 bytes; the limit is 100 bytes." in html
    assert Article.objects.count() == 0


def test_oversized_paste_is_refused(user_client, fake_engine, settings):
    settings.TIMELINE_MAX_TEXT_CHARS = 20
    html = user_client.post(reverse("import"), {"text": TEXT}).content.decode()
    assert "the limit is 20" in html
    assert Article.objects.count() == 0


def test_text_and_file_together_are_refused(user_client, fake_engine):
    upload = SimpleUploadedFile("story.txt", TEXT.encode(), content_type="text/plain")
    html = user_client.post(reverse("import"), {"text": TEXT, "upload": upload}).content.decode()
    assert "one of them" in html and Article.objects.count() == 0


def test_duplicate_offers_reanalysis_and_writes_nothing(user_client, fake_engine):
    existing = make_article(title="Already here", text=TEXT)
    html = user_client.post(reverse("import"), {"text": "  " + TEXT.replace(" ", "  ")}).content.decode()
    assert "already imported as" in html and "Already here" in html
    assert f'action="{reverse("article-reanalyse", args=[existing.pk])}"' in html
    assert Article.objects.count() == 1 and fake_engine.calls == []


def test_reanalyse_needs_login_and_post(user_client, fake_engine):
    from django.test import Client

    article = make_article(text=TEXT)
    url = reverse("article-reanalyse", args=[article.pk])
    anonymous = Client().post(url)
    assert anonymous.status_code == 302 and anonymous["Location"].startswith(reverse("login"))
    assert fake_engine.calls == []
    assert user_client.get(url).status_code == 405
    dated(fake_engine)
    response = user_client.post(url)
    assert response.status_code == 302 and response["Location"] == reverse("article-timeline", args=[article.pk])
    assert len(fake_engine.calls) == 1 and article.events.count() == 2


def test_import_rejects_requests_without_csrf_token(db, django_user_model, fake_engine):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(django_user_model.objects.create_user(username="x", password="pw-for-tests-only"))
    assert client.post(reverse("import"), {"text": TEXT}).status_code == 403
    assert Article.objects.count() == 0


def test_paste_larger_than_the_request_limit_gets_a_readable_400(user_client, fake_engine, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = user_client.post(reverse("import"), {"text": "word " * 1000})
    assert response.status_code == 400
    assert "upload a long article as a file" in response.content.decode()
    assert Article.objects.count() == 0


def test_a_story_typed_in_another_case_joins_the_existing_story(user_client, fake_engine):
    dated(fake_engine)
    seed = Story.objects.create(name="Seed", slug="seed")
    response = user_client.post(reverse("import"), {"text": TEXT, "published": "2024-04-13", "story": "  seed "})
    assert response.status_code == 302
    assert list(Story.objects.values_list("name", flat=True)) == ["Seed"]
    assert list(seed.articles.all()) == [Article.objects.get()]


def test_the_story_field_suggests_existing_story_names(user_client):
    Story.objects.create(name="Seed", slug="seed")
    Story.objects.create(name='Vienna "talks" <b>', slug="vienna")
    html = user_client.get(reverse("import")).content.decode()
    assert 'list="story-names"' in html and '<datalist id="story-names">' in html
    assert '<option value="Seed">' in html
    assert '<option value="Vienna &quot;talks&quot; &lt;b&gt;">' in html  # an attribute: escaped
