"""Every route of the site, walked from the URLconf: a POST either is refused as a read-only
page (405) or needs the model permission it changes, whoever sends it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from django.contrib import admin
from django.test import Client
from django.urls import URLPattern, reverse

from tests.factories import make_event, make_extraction, make_story
from timeline.jobs.models import ImportBatch
from timeline.models import Article, Event
from timeline.stories.models import Story, StoryEvent
from webapp import urls as webapp_urls

pytestmark = pytest.mark.django_db

# Signing in and out are POSTs that change no model; test_sign_in.py covers them.
SIGN_IN = {"login", "logout"}

# What each writing route is sent, and how to see that it did write.
POSTS: dict[str, dict[str, str]] = {
    "import": {"text": "Talks resume on Monday."},
    "article-reanalyse": {},
    "article-date": {"published": "2024-05-04"},
    "story-dates": {"everyone": "2024-05-04"},
    "undated-dates": {"everyone": "2024-05-04"},
}


def _routes(article: Article, event: Event, story: Story) -> list[tuple[str, URLPattern, str]]:
    """(name, pattern, URL) for every route of the site outside the admin's include()."""
    routes = []
    for pattern in webapp_urls.urlpatterns:
        if not isinstance(pattern, URLPattern):
            continue  # the admin, whose actions are checked below
        kwargs: dict[str, object] = {}
        for name in pattern.pattern.converters:
            if name == "slug":
                kwargs[name] = story.slug
            elif name == "fmt":
                kwargs[name] = "json"
            elif name == "key":
                kwargs[name] = "no-such-entity"  # an entity page; reading it is checked elsewhere
            elif name == "pk":
                kwargs[name] = event.pk if (pattern.name or "").startswith("event") else article.pk
            else:
                raise AssertionError(f"{pattern.name}: fill in its {name!r} here")
        url = reverse(pattern.name, kwargs=kwargs) if pattern.name else "/" + str(pattern.pattern)
        routes.append((pattern.name or url, pattern, url))
    return routes


def _state() -> tuple:
    """Everything a write could touch, as comparable values."""
    articles = list(Article.objects.order_by("pk").values_list("pk", "published", "dct_evidence", "title"))
    events = list(Event.objects.order_by("pk").values_list("pk", "title", "status", "earliest"))
    stories = list(Story.objects.order_by("pk").values_list("pk", "name"))
    story_articles = list(Story.articles.through.objects.order_by("pk").values_list("pk"))
    return articles, events, stories, story_articles, StoryEvent.objects.count(), ImportBatch.objects.count()


@pytest.fixture
def world(fake_engine) -> tuple[Article, Event, Story]:
    event = make_event(sentence_text="Talks began on Saturday.")
    Article.objects.filter(pk=event.article_id).update(published=None)  # undated: the dating forms list it
    event.article.refresh_from_db()
    story = make_story(name="Routes story")
    story.articles.add(event.article)
    fake_engine.result = make_extraction(event.article.text, [])
    return event.article, event, story


def test_every_post_route_needs_its_permission(client, make_client, world, fake_engine):
    article, event, story = world
    routes = _routes(article, event, story)
    writing = {name for name, pattern, _ in routes if hasattr(pattern.callback, "required_permissions")}
    assert writing == set(POSTS), "a writing route was added or removed: give it POST data in POSTS"
    people: dict[str, Client] = {
        "anonymous": client,
        "signed in, no permissions": make_client("nobody"),
        "staff, no permissions": make_client("staff-nobody", staff=True),
        "staff who may only view": make_client("looker", "timeline.view_article", "timeline.view_event", staff=True),
    }
    before = _state()
    for name, _pattern, url in routes:
        if name in SIGN_IN:
            continue
        for who, person in people.items():
            response = person.post(url, POSTS.get(name, {}))
            if name not in writing:
                assert response.status_code == 405, f"{name} answered {response.status_code} to a POST ({who})"
            elif who == "anonymous":
                assert response.status_code == 302 and response["Location"].startswith(reverse("login")), name
            else:
                assert response.status_code == 403, f"{name} let {who} in ({response.status_code})"
    assert _state() == before and fake_engine.calls == []


ALLOWED: dict[str, tuple[tuple[str, ...], Callable[[Article], bool]]] = {
    "import": (("timeline.add_article",), lambda article: Article.objects.count() == 2),
    "article-reanalyse": (("timeline.change_article",), lambda article: True),
    "article-date": (
        ("timeline.change_article",),
        lambda article: Article.objects.filter(pk=article.pk, published=date(2024, 5, 4)).exists(),
    ),
    "story-dates": (
        ("timeline.change_article",),
        lambda article: Article.objects.filter(pk=article.pk, published=date(2024, 5, 4)).exists(),
    ),
    "undated-dates": (
        ("timeline.change_article",),
        lambda article: Article.objects.filter(pk=article.pk, published=date(2024, 5, 4)).exists(),
    ),
}


@pytest.mark.parametrize("name", sorted(POSTS))
def test_each_post_route_writes_for_a_user_holding_its_permission(
    make_client, world, fake_engine, name, django_capture_on_commit_callbacks, settings
):
    settings.TIMELINE_TASK_RUNNER = "inline"
    article, event, story = world
    assert set(ALLOWED) == set(POSTS)
    perms, wrote = ALLOWED[name]
    pattern, url = next((p, u) for n, p, u in _routes(article, event, story) if n == name)
    assert set(pattern.callback.required_permissions) == set(perms)
    if name == "import":
        fake_engine.result = make_extraction(POSTS[name]["text"], [("Monday", date(2024, 4, 15))])
    holder = make_client("holder", *perms)  # not staff: the permission is what counts
    with django_capture_on_commit_callbacks(execute=True):  # queued work runs inline, as the tests' runner does
        response = holder.post(url, POSTS[name])
    assert response.status_code == 302, name
    assert fake_engine.calls and wrote(article), name


def test_naming_a_story_at_import_needs_the_story_permission(make_client, world, fake_engine):
    article, event, story = world
    fake_engine.result = make_extraction("Talks resume on Monday.", [])
    before = _state()
    importer = make_client("importer", "timeline.add_article")
    response = importer.post(reverse("import"), {"text": "Talks resume on Monday.", "story": story.name})
    assert response.status_code == 200 and "may not add articles to stories" in response.content.decode()
    assert _state() == before and fake_engine.calls == []


def test_article_page_offers_the_date_and_reanalyse_forms_only_to_those_who_may_use_them(make_client, world):
    article, event, story = world
    url = reverse("article-timeline", args=[article.pk])
    date_form = reverse("article-reanalyse", args=[article.pk])
    assert date_form not in make_client("nobody").get(url).content.decode()
    assert date_form in make_client("editor", "timeline.change_article").get(url).content.decode()


def test_every_admin_action_declares_the_permission_it_needs():
    for model, model_admin in admin.site._registry.items():
        for func, name, _description in model_admin._get_base_actions():
            assert getattr(func, "allowed_permissions", ()), (
                f"{model.__name__} admin action {name} checks no permission"
            )
