"""Headless Debian Chromium: a curator signs in through the real forms (CSRF and all),
imports a hostile article and walks the admin over it; no script ever runs.

tests/browser covers the public timeline pages; this covers sign-in, the import form,
its flash message and the admin. Needs /usr/bin/chromium; fails, never skips, without it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; the ORM calls made by the
# fixtures would otherwise be refused as "async unsafe".
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

from playwright.sync_api import Browser, Page, sync_playwright  # noqa: E402

from tests.reliability.conftest import PAYLOAD, PAYLOADS  # noqa: E402
from timeline.models import Article, Event  # noqa: E402

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]  # fmt: skip
PASSWORD = "pw-for-browser-tests-only"


@pytest.fixture(scope="module")
def chromium() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's browser with `apt-get install chromium`.")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium: Browser, settings) -> Iterator[Page]:
    # The live server speaks plain HTTP; production's Secure cookies would never come back.
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = False
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.problems = []
    page.on("dialog", lambda dialog: (page.problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    page.on("pageerror", lambda error: page.problems.append(f"page error: {error}"))
    yield page
    context.close()


def sign_in(page: Page, base: str, django_user_model) -> None:
    django_user_model.objects.create_superuser(username="curator", password=PASSWORD)
    page.goto(f"{base}/admin/login/?next=/import/")
    page.fill("#id_username", "curator")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"{base}/import/")


def assert_inert(page: Page, where: str) -> None:
    assert page.locator("img[src='x'], svg[onload], b:text-is('six')").count() == 0, where
    assert page.problems == [], f"{where}: {page.problems}"


def test_a_curator_imports_and_curates_a_hostile_article_without_any_script_running(
    live_server, page, django_user_model
):
    base = live_server.url
    sign_in(page, base, django_user_model)
    page.fill("#id_text", f"Officials met on Friday, April 12, 2024. {PAYLOAD}\nTalks resume on Monday.")
    page.fill("#id_title", f"Talks {PAYLOAD}")
    page.fill("#id_source", PAYLOAD)
    page.fill("#id_published", "2024-04-13")
    page.click("form.form button[type=submit]")
    page.wait_for_url(f"{base}/articles/*/timeline/")
    assert f"Imported “Talks {PAYLOAD}”" in page.inner_text(".messages")  # shown as text
    assert_inert(page, "timeline after import")

    article = Article.objects.get()
    event = article.events.order_by("earliest").first()
    Event.objects.filter(pk=event.pk).update(title=f"Meeting {PAYLOAD}", notes=PAYLOAD)
    admin_pages = {
        "event list": "/admin/timeline/event/",
        "event search": "/admin/timeline/event/?q=%3Cimg",
        "event change": f"/admin/timeline/event/{event.pk}/change/",
        "article list": "/admin/timeline/article/",
        "article change": f"/admin/timeline/article/{article.pk}/change/",
        "article delete": f"/admin/timeline/article/{article.pk}/delete/",
    }
    for where, path in admin_pages.items():
        page.goto(base + path)
        assert_inert(page, where)
    page.goto(f"{base}/admin/timeline/event/{event.pk}/change/")
    assert page.input_value("#id_title") == f"Meeting {PAYLOAD}"  # the field holds the text as typed
    page.fill("#id_notes", f"checked {PAYLOADS[0]}")
    page.click("input[name=_save]")
    page.wait_for_url(f"{base}/admin/timeline/event/")
    assert_inert(page, "event list after saving")
    event.refresh_from_db()
    assert event.notes == f"checked {PAYLOADS[0]}" and event.curated
