"""A curator merges two events in the admin through the confirmation page, then opens the survivor."""

from __future__ import annotations

from datetime import date

import pytest

from tests.browser.test_timeline_browser import SCREENSHOTS
from tests.factories import make_article, make_event
from timeline.models import Event

pytestmark = pytest.mark.browser


def test_merge_asks_for_the_survivor_then_redirects_the_merged_event(live_server, page, admin_user):
    first = make_event(
        article=make_article(title="Wire story"),
        title="Drones launched at Israel",
        earliest=date(2024, 4, 13),
        sentence_text="Iran launched drones on Saturday.",
    )
    second = make_event(
        article=make_article(title="Desk story"),
        title="Iran attacks Israel",
        earliest=date(2024, 4, 14),
        phrase="Sunday",
        sentence_text="The attack came early on Sunday.",
    )
    page.goto(f"{live_server.url}/admin/login/?next=/admin/timeline/event/")
    page.fill("#id_username", admin_user.username)
    page.fill("#id_password", "password")  # pytest-django's admin_user
    page.click("input[type=submit]")
    for event in (first, second):
        page.check(f"input[name=_selected_action][value='{event.pk}']")
    page.select_option("select[name=action]", "merge_events")
    page.click("button[name=index]")

    page.wait_for_selector("text=Selected events: pick the survivor")
    assert "2 different articles" in page.inner_text("#content") and "do not overlap" in page.inner_text("#content")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "admin_merge_confirmation.png"), full_page=True)
    assert Event.objects.filter(merged_into__isnull=False).count() == 0  # nothing merged yet

    page.check(f"#survivor-{second.pk}")
    page.click("input[type=submit][value='Merge into the chosen event']")
    page.wait_for_selector("text=Merged 1 event(s)")
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.merged_into_id == second.pk and (second.earliest, second.latest) == (date(2024, 4, 14),) * 2

    page.goto(f"{live_server.url}/events/{first.pk}/")  # the merged-away event opens its survivor
    assert page.url.endswith(f"/events/{second.pk}/")
    assert "Drones launched at Israel" in page.inner_text("#merged-heading + ul")
    page.screenshot(path=str(SCREENSHOTS / "event_detail_survivor.png"), full_page=True)
    assert page.problems == []
