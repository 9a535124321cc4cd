"""Batch imports from the web form: many files, a .zip, a long paste; the batch page and its JSON."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import date

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from tests.views.conftest import HOSTILE
from timeline.jobs.models import ImportBatch, ImportItem
from timeline.models import Article
from timeline.stories.models import Story

pytestmark = pytest.mark.django_db


def upload(name: str, text: str | bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text if isinstance(text, bytes) else text.encode())


def post(client, capture, data):
    with capture(execute=True):
        return client.post(reverse("import"), data)


def test_several_files_answer_with_a_batch_page_that_lists_each_outcome(
    user_client, monday_engine, django_capture_on_commit_callbacks
):
    files = [upload("a.txt", "Talks began on Monday in Vienna."), upload("b.md", "# Vote\n\nThe vote is on Monday."),
             upload("c.txt", "Talks began on Monday in Vienna."), upload("d.pdf", b"%PDF-1.4")]  # fmt: skip
    response = post(
        user_client,
        django_capture_on_commit_callbacks,
        {"upload": files, "story": "Vienna talks", "source": "Wire", "published": "2024-04-13"},
    )
    batch = ImportBatch.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("batch-detail", args=[batch.pk])
    assert dict(batch.items.values_list("name", "state")) == {
        "a.txt": "imported",
        "b.md": "imported",
        "c.txt": "duplicate",
        "d.pdf": "refused",
    }
    assert {(a.source, a.published) for a in Article.objects.all()} == {("Wire", date(2024, 4, 13))}
    assert Story.objects.get(name="Vienna talks").articles.count() == 2 and len(monday_engine) == 2
    page = user_client.get(response["Location"]).content.decode()
    assert 'data-role="settled">4</strong> of <span data-role="total">4</span>' in page and 'value="100"' in page
    assert "unsupported file type .pdf" in page and "the stored article" in page
    status = user_client.get(reverse("batch-status", args=[batch.pk])).json()
    assert (status["percent"], status["finished"], status["counts"]) == (
        100,
        True,
        {"imported": 2, "duplicate": 1, "refused": 1},
    )
    assert status["done"]["url"] == _story_url_or_timeline(batch)
    imported = next(i for i in status["items"] if i["name"] == "a.txt")
    assert imported["article_url"] == reverse("article-timeline", args=[imported["article_id"]])


def _story_url_or_timeline(batch: ImportBatch) -> str:
    try:
        return batch.story.get_absolute_url()
    except NoReverseMatch:  # before the story pages are merged the link goes to the whole timeline
        return reverse("timeline")


def test_a_zip_becomes_one_item_per_article_file(user_client, monday_engine, django_capture_on_commit_callbacks):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("day/one.txt", "Council met on Monday.")
        archive.writestr("../two.html", "<html><body><p>Mayor spoke on Monday at noon.</p></body></html>")
        archive.writestr("three.exe", b"MZ")
    post(user_client, django_capture_on_commit_callbacks, {"upload": [upload("day.zip", buffer.getvalue())]})
    items = dict(ImportBatch.objects.get().items.values_list("name", "state"))
    assert items == {"one.txt": "imported", "two.html": "imported", "day.zip: three.exe": "refused"}


def test_a_zip_bomb_is_refused_as_one_item_and_nothing_else_happens(
    user_client, monday_engine, settings, django_capture_on_commit_callbacks
):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("bomb.txt", "0" * 5_000_000)
    post(user_client, django_capture_on_commit_callbacks, {"upload": [upload("bomb.zip", buffer.getvalue())]})
    item = ImportItem.objects.get()
    assert item.state == "refused" and "possible zip bomb" in item.reason and monday_engine == []


def test_a_long_paste_is_queued_and_warns_about_its_many_events(
    user_client, monday_engine, settings, django_capture_on_commit_callbacks
):
    settings.TIMELINE_INLINE_MAX_CHARS, settings.TIMELINE_MANY_EVENTS = 100, 0
    text = "The summit opens on Monday. " * 10
    response = post(user_client, django_capture_on_commit_callbacks, {"text": text})
    item = ImportItem.objects.get()
    assert response["Location"] == reverse("batch-detail", args=[item.batch_id])
    assert item.name == "Pasted text" and item.state == "imported" and item.events == 1
    page = user_client.get(response["Location"]).content.decode()
    assert "1 events from one text is unusually many" in page and "split the text" in page


def test_a_short_paste_still_opens_its_article_with_its_story(
    user_client, monday_engine, django_capture_on_commit_callbacks
):
    response = post(
        user_client,
        django_capture_on_commit_callbacks,
        {"text": "The summit opens on Monday.", "story": "Summit", "url": "https://example.com/s"},
    )
    article = Article.objects.get()
    assert response["Location"] == reverse("article-timeline", args=[article.pk])
    assert article.url == "https://example.com/s" and list(article.stories.values_list("name", flat=True)) == ["Summit"]
    assert not ImportBatch.objects.exists()


def test_batch_pages_are_for_their_owner_and_those_allowed_to_view_batches(
    user_client, make_batch_user, monday_engine, django_capture_on_commit_callbacks
):
    from django.test import Client

    client = Client()
    post(
        user_client,
        django_capture_on_commit_callbacks,
        {"upload": [upload("a.txt", "Talks on Monday."), upload("b.txt", "Vote on Monday.")]},
    )
    batch = ImportBatch.objects.get()
    stranger, operator = make_batch_user("stranger"), make_batch_user("operator", "view_importbatch")
    for url in (reverse("batch-detail", args=[batch.pk]), reverse("batch-status", args=[batch.pk])):
        anonymous = client.get(url)
        assert anonymous.status_code == 302 and anonymous["Location"].startswith(reverse("login"))
        assert stranger.get(url).status_code == 404
        assert operator.get(url).status_code == 200
        assert user_client.get(url).status_code == 200
        assert user_client.post(url).status_code == 405


def test_file_names_and_reasons_are_shown_as_text(user_client, monday_engine, django_capture_on_commit_callbacks):
    name = f"{HOSTILE}.pdf"
    post(user_client, django_capture_on_commit_callbacks, {"upload": [upload(name, b"%PDF"), upload("a.txt", "x y z")]})
    batch = ImportBatch.objects.get()
    page = user_client.get(reverse("batch-detail", args=[batch.pk])).content.decode()
    assert HOSTILE not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    status = user_client.get(reverse("batch-status", args=[batch.pk]))
    assert status["Content-Type"] == "application/json"
    assert json.loads(status.content)["items"][0]["name"] == name  # JSON; batch.js sets it as text


@pytest.fixture
def make_batch_user(django_user_model):
    from django.test import Client

    def make(username: str, *permissions: str) -> Client:
        user = django_user_model.objects.create_user(username=username, password="pw-for-tests-only")
        user.user_permissions.set(Permission.objects.filter(codename__in=permissions))
        client = Client()
        client.force_login(user)
        return client

    return make


def test_one_bad_file_is_refused_by_name_and_the_good_one_is_imported(
    user_client, monday_engine, django_capture_on_commit_callbacks
):
    files = [upload("empty.txt", b""), upload("z1.txt", "Talks began on Monday in Vienna."),
             upload("report.pdf", b"%PDF-1.4")]  # fmt: skip
    response = post(user_client, django_capture_on_commit_callbacks, {"upload": files, "published": "2024-04-13"})
    batch = ImportBatch.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("batch-detail", args=[batch.pk])
    assert dict(batch.items.values_list("name", "state")) == {
        "empty.txt": "refused",
        "z1.txt": "imported",
        "report.pdf": "refused",
    }
    reasons = dict(batch.items.values_list("name", "reason"))
    assert "empty.txt: the file is empty" in reasons["empty.txt"] and "report.pdf" in reasons["report.pdf"]
    page = user_client.get(response["Location"]).content.decode()
    assert "empty.txt: the file is empty" in page and "unsupported file type .pdf" in page


def test_one_empty_file_alone_is_refused_with_its_name(user_client, monday_engine, django_capture_on_commit_callbacks):
    response = post(user_client, django_capture_on_commit_callbacks, {"upload": [upload("empty.txt", b"")]})
    assert response.status_code == 200 and not ImportBatch.objects.exists() and not Article.objects.exists()
    assert "empty.txt: the file is empty" in response.content.decode()


def test_the_status_polled_with_a_cursor_sends_the_totals_and_only_what_moved(
    user_client, monday_engine, django_capture_on_commit_callbacks
):
    post(
        user_client,
        django_capture_on_commit_callbacks,
        {"upload": [upload("a.txt", "Talks on Monday."), upload("b.pdf", b"%PDF"), upload("c.txt", "Vote on Monday.")]},
    )
    batch = ImportBatch.objects.get()
    ImportItem.objects.filter(batch=batch, name="c.txt").update(state="analysing")  # as if still running
    ImportBatch.objects.filter(pk=batch.pk).update(finished=None)
    page = user_client.get(reverse("batch-detail", args=[batch.pk])).content.decode()
    assert 'data-cursor="2"' in page  # a.txt and b.pdf are settled for good
    url = reverse("batch-status", args=[batch.pk])
    status = user_client.get(url, {"since": 2}).json()
    assert [item["name"] for item in status["items"]] == ["c.txt"] and status["cursor"] == 2
    assert (status["total"], status["settled"], status["finished"]) == (3, 2, False)
    ImportItem.objects.filter(batch=batch, name="c.txt").update(state="imported")
    ImportBatch.objects.filter(pk=batch.pk).update(finished=timezone.now())
    status = user_client.get(url, {"since": 2}).json()
    assert [item["state"] for item in status["items"]] == ["imported"] and status["cursor"] == 3
    assert status["finished"] and status["done"]["url"] == reverse("timeline")  # two articles: the timeline
    assert user_client.get(url, {"since": "-1"}).status_code == 400
