"""Fixtures for the page tests: signed-in clients and an article written by an attacker."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth.models import Permission
from django.test import Client

from tests.factories import make_article, make_event
from timeline.models import Article, Event

HOSTILE = "<img src=x onerror=alert(1)>"
HOSTILE_SCRIPT = "</script><script>alert(2)</script>"


# What a reporter's account holds: import articles, file them in stories, re-analyse and date them.
REPORTER_PERMISSIONS = (("timeline", "add_article"), ("timeline", "change_article"), ("stories", "change_story"))


@pytest.fixture
def user_client(client: Client, django_user_model) -> Client:
    """Signed in, not staff, with the reporter's permissions."""
    user = django_user_model.objects.create_user(username="reporter", password="pw-for-tests-only")
    for app_label, codename in REPORTER_PERMISSIONS:
        user.user_permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    client.force_login(user)
    return client


@pytest.fixture
def hostile_article(db: None) -> Article:
    """Title, source, text, event title and sentence all carry markup that must stay inert."""
    sentence = f"On Friday {HOSTILE} the {HOSTILE_SCRIPT} talks began."
    article = make_article(
        title=f"Talks {HOSTILE} {HOSTILE_SCRIPT}",
        source=f"javascript:alert(3) {HOSTILE}",
        text=sentence,
        dct_inferred=True,
        dct_evidence=f"{HOSTILE} April 13",
        engine_mode="blank",
    )
    make_event(
        article=article, title=f"Event {HOSTILE}", earliest=date(2024, 4, 12), sentence_text=sentence, phrase="Friday"
    )
    return article


@pytest.fixture
def hostile_event(hostile_article: Article) -> Event:
    return hostile_article.events.get()
