"""The story admin links each story to its public page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories import make_story

pytestmark = pytest.mark.django_db


def test_story_change_page_has_view_on_site(admin_client):
    story = make_story(name="Embassy bombings")
    html = admin_client.get(reverse("admin:stories_story_change", args=[story.pk])).content.decode()
    assert "View on site" in html
    assert admin_client.get(story.get_absolute_url()).status_code == 200
