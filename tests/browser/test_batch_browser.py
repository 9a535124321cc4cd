"""The batch page in headless Debian Chromium: upload three files, watch the progress reach 100%
without a reload, follow the link to the story.

Runs the newcomer's default (no broker: a background thread of the server runs the real engine).
"""

from __future__ import annotations

import pytest

from timeline.jobs.models import ImportItem
from timeline.stories.models import Story

pytestmark = pytest.mark.browser

FILES = {
    "strike-monday.txt": "Dockers walk out in Harbourton\n\nHARBOURTON, March 4, 2024 - Dock workers walked out "
                         "on Monday after talks over pay collapsed on Sunday night.",
    "strike-talks.md": "# Talks resume at the port\n\nPublished: March 6, 2024\n\nUnion leaders and the port "
                       "authority met on Wednesday and agreed to meet again next Tuesday.",
    "strike-ends.html": "<html><head><title>Harbourton strike ends</title></head><body><h1>Harbourton strike "
                        "ends</h1><p>Published: March 12, 2024</p><p>The dock strike ended on Tuesday after eight "
                        "days, when workers accepted a new offer.</p></body></html>",
}  # fmt: skip


def test_upload_three_files_watch_progress_reach_100_and_open_the_story(live_server, page, admin_user, settings):
    settings.TIMELINE_TASK_RUNNER = "thread"
    page.goto(f"{live_server.url}/admin/login/?next=/import/")
    page.fill("#id_username", admin_user.username)
    page.fill("#id_password", "password")  # pytest-django's admin_user
    page.click("input[type=submit]")
    page.wait_for_url("**/import/")
    page.set_input_files("#id_upload", [
        {"name": name, "mimeType": "text/plain", "buffer": text.encode()} for name, text in FILES.items()
    ])  # fmt: skip
    page.fill("#id_story", "Harbourton dock strike")
    page.click("button:has-text('Import and analyse')")
    page.wait_for_url("**/batches/*/")
    page.evaluate("window.notReloaded = true")
    seen = [page.evaluate("document.querySelector('[data-role=bar]').value")]
    page.wait_for_function("document.querySelector('[data-role=bar]').value === 100", timeout=60_000)
    seen.append(page.evaluate("document.querySelector('[data-role=bar]').value"))
    assert page.evaluate("window.notReloaded === true")  # the bar moved by itself, not by a reload
    assert seen[-1] == 100 and page.inner_text("[data-role=percent]") == "100"
    states = page.locator("tr[data-item] [data-role=state]").all_inner_texts()
    assert states == ["imported", "imported", "imported"]
    assert list(ImportItem.objects.values_list("state", flat=True)) == ["imported"] * 3

    story = Story.objects.get(name="Harbourton dock strike")
    link = page.locator("[data-role=done] a")
    assert link.inner_text() == "Open the story “Harbourton dock strike”"
    link.click()
    page.wait_for_url(f"**/stories/{story.slug}/")
    body = page.inner_text("main")
    for title in ("Dockers walk out in Harbourton", "Talks resume at the port", "Harbourton strike ends"):
        assert title in body
    assert page.problems == []
