"""Who may do what: browsing open by default (or login-only), writing needs a login,
the admin needs staff, changing events needs the model permission, every form needs CSRF."""

from __future__ import annotations

from datetime import date
from html.parser import HTMLParser

import pytest
from django.test import Client
from django.urls import URLPattern, reverse

from tests.factories import make_event, make_extraction, make_story
from timeline.models import Article, Event
from webapp import urls as webapp_urls

pytestmark = pytest.mark.django_db

EVENT_CHANGELIST = reverse("admin:timeline_event_changelist")
ARTICLE_CHANGELIST = reverse("admin:timeline_article_changelist")


def _event_form(event: Event, **changes: str) -> dict[str, str]:
    data = {
        "title": event.title, "earliest": event.earliest.isoformat(), "latest": event.latest.isoformat(),
        "value": event.value, "granularity": event.granularity, "status": event.status, "notes": event.notes,
    }  # fmt: skip
    return data | changes


def _action(client: Client, changelist: str, action: str, objects: list) -> object:
    return client.post(changelist, {"action": action, "_selected_action": [o.pk for o in objects]})


def _site_urls(article: Article, event: Event) -> dict[str, str]:
    """Every named page of the site (not the admin), with ids filled in."""
    story = make_story(name="Permissions story")
    story.articles.add(article)
    urls = {}
    for pattern in webapp_urls.urlpatterns:
        if not isinstance(pattern, URLPattern) or pattern.name is None:
            continue  # the admin's include()
        kwargs = {}
        for name in pattern.pattern.converters:
            if name == "slug":
                kwargs[name] = story.slug
            elif name == "fmt":
                kwargs[name] = "json"
            elif name == "key":
                kwargs[name] = "no-such-entity"  # an entity page; reading it is checked elsewhere
            elif name == "pk":
                kwargs[name] = event.pk if pattern.name.startswith("event") else article.pk
            else:
                raise AssertionError(f"{pattern.name}: fill in its {name!r} here")
        urls[pattern.name] = reverse(pattern.name, kwargs=kwargs)
    return urls


# --- browsing and writing ---------------------------------------------------------------


# Pages anyone may read by default; the rest of the site's pages need a signed-in user.
OPEN_BY_DEFAULT = {"article-list", "timeline", "article-timeline", "article-timelinejs", "event-detail", "api-events",
                   "plotly-js", "timeline-figure", "article-timeline-figure", "story-list", "story-detail",
                   "story-figure", "story-export", "article-export", "story-print", "search"}  # fmt: skip
# Open too, but the URL names an entity the test story does not have.
OPEN_NOT_FOUND = {"story-entity"}


SIGN_IN = {"login", "logout"}


def test_by_default_anyone_reads_and_only_permitted_users_write(client, reader, reporter, fake_engine):
    event = make_event()
    urls = _site_urls(event.article, event)
    assert OPEN_BY_DEFAULT < set(urls), "a page was renamed or removed; update OPEN_BY_DEFAULT"
    for name, url in urls.items():
        response = client.get(url)
        if name in SIGN_IN:
            continue  # the sign-in pages themselves, tested in test_sign_in.py
        if name in OPEN_NOT_FOUND:
            assert response.status_code == 404, name
            continue
        if name in OPEN_BY_DEFAULT:
            assert response.status_code == 200, name
        else:  # every other page writes: the anonymous visitor is sent to sign in
            assert response.status_code == 302 and response["Location"].startswith(reverse("login")), name
            assert client.post(url, {"text": "Talks on Monday."}).status_code in (302, 405), name
    assert reader.get(urls["import"]).status_code == 403
    assert reporter.get(urls["import"]).status_code == 200
    assert Article.objects.count() == 1 and fake_engine.calls == []


def test_login_only_setting_closes_every_page_except_the_vendored_library(client, settings):
    settings.TIMELINE_LOGIN_REQUIRED = True
    event = make_event()
    for name, url in _site_urls(event.article, event).items():
        status = client.get(url).status_code
        if name in ("plotly-js", "login"):  # a public JavaScript library; the way in
            assert status == 200
        elif name == "logout":
            assert status == 405  # signing out is a POST
        else:
            assert status in (302, 401, 405), f"{name} answered {status} to an anonymous visitor"


# --- the admin ---------------------------------------------------------------------------


def test_only_staff_reach_the_admin(client, reader, viewer):
    event = make_event()
    change = reverse("admin:timeline_event_change", args=[event.pk])
    for who in (client, reader):
        for url in (reverse("admin:index"), EVENT_CHANGELIST, change):
            response = who.get(url)
            assert response.status_code == 302 and response["Location"].startswith(reverse("admin:login")), url
        who.post(change, _event_form(event, title="Changed by a non-staff user"))
    assert viewer.get(reverse("admin:index")).status_code == 200
    event.refresh_from_db()
    assert not event.title.startswith("Changed") and not event.curated


def test_staff_without_model_permissions_see_nothing(make_client):
    event = make_event()
    staff = make_client("staff-no-perms", staff=True)
    assert staff.get(EVENT_CHANGELIST).status_code == 403
    assert staff.get(reverse("admin:timeline_event_change", args=[event.pk])).status_code == 403
    assert "Event" not in staff.get(reverse("admin:index")).content.decode().split("<main", 1)[-1]


def test_view_permission_cannot_edit_an_event(viewer):
    event = make_event(title="Original title")
    url = reverse("admin:timeline_event_change", args=[event.pk])
    page = viewer.get(url)
    assert page.status_code == 200 and 'name="_save"' not in page.content.decode()
    assert viewer.post(url, _event_form(event, title="Edited without permission")).status_code == 403
    event.refresh_from_db()
    assert (event.title, event.curated) == ("Original title", False)


@pytest.mark.parametrize("action", ["approve_events", "hide_events", "merge_events", "reanalyse_event_articles"])
def test_view_permission_cannot_run_event_actions(viewer, fake_engine, action):
    first, second = make_event(), make_event()
    fake_engine.result = make_extraction("x", [])
    _action(viewer, EVENT_CHANGELIST, action, [first, second])
    for event in (first, second):
        event.refresh_from_db()
        assert (event.status, event.curated, event.merged_into_id) == ("proposed", False, None), action
    assert Event.objects.count() == 2 and fake_engine.calls == []


def test_view_permission_cannot_reanalyse_or_delete_articles(viewer, fake_engine):
    event = make_event()
    _action(viewer, ARTICLE_CHANGELIST, "reanalyse_articles", [event.article])
    assert fake_engine.calls == []
    delete = reverse("admin:timeline_article_delete", args=[event.article_id])
    assert viewer.get(delete).status_code == 403 and viewer.post(delete, {"post": "yes"}).status_code == 403
    assert Event.objects.filter(pk=event.pk).exists()


def test_change_permission_edits_events_and_runs_actions_but_cannot_delete(curator):
    first, second = make_event(earliest=date(2024, 4, 13)), make_event()
    url = reverse("admin:timeline_event_change", args=[first.pk])
    assert curator.post(url, _event_form(first, title="Curated title")).status_code == 302
    _action(curator, EVENT_CHANGELIST, "approve_events", [second])
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.title, first.curated, second.status) == ("Curated title", True, "approved")
    delete = reverse("admin:timeline_article_delete", args=[first.article_id])
    assert curator.post(delete, {"post": "yes"}).status_code == 403
    assert Article.objects.filter(pk=first.article_id).exists()


# --- CSRF --------------------------------------------------------------------------------


class _PostForms(HTMLParser):
    """Collects each <form method="post"> and whether it carries a CSRF token."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[dict[str, object]] = []
        self._open: dict[str, object] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "form" and (attributes.get("method") or "").lower() == "post":
            self._open = {"action": attributes.get("action"), "token": False}
            self.forms.append(self._open)
        elif tag == "input" and self._open is not None and attributes.get("name") == "csrfmiddlewaretoken":
            self._open["token"] = bool(attributes.get("value"))

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._open = None


def _post_forms(html: str) -> list[dict[str, object]]:
    parser = _PostForms()
    parser.feed(html)
    return parser.forms


def test_every_post_form_carries_a_csrf_token(admin_client, client, fake_engine):
    event = make_event(title="Signed", sentence_text="Iran attacked on Saturday.")
    duplicate = admin_client.post(reverse("import"), {"text": event.article.text})
    pages = {
        "login": client.get(reverse("admin:login")),
        "duplicate notice": duplicate,
        "import": admin_client.get(reverse("import")),
        "timeline": admin_client.get(reverse("article-timeline", args=[event.article_id])),
        "event detail": admin_client.get(reverse("event-detail", args=[event.pk])),
        "event changelist": admin_client.get(EVENT_CHANGELIST),
        "event change": admin_client.get(reverse("admin:timeline_event_change", args=[event.pk])),
        "article change": admin_client.get(reverse("admin:timeline_article_change", args=[event.article_id])),
        "article delete": admin_client.get(reverse("admin:timeline_article_delete", args=[event.article_id])),
        "password change": admin_client.get(reverse("admin:password_change")),
    }
    counted = 0
    for name, response in pages.items():
        assert response.status_code == 200, name
        forms = _post_forms(response.content.decode())
        assert forms, f"{name}: no POST form found"
        assert all(form["token"] for form in forms), f"{name}: a POST form lacks its CSRF token: {forms}"
        counted += len(forms)
    assert counted >= 12


def test_every_writing_endpoint_refuses_a_post_without_csrf_token(db, django_user_model, fake_engine):
    admin = django_user_model.objects.create_superuser(username="boss", password="pw-for-tests-only")
    client = Client(enforce_csrf_checks=True)
    client.force_login(admin)
    event = make_event(title="Untouched")
    fake_engine.result = make_extraction(event.article.text, [])
    posts = {
        "import": (reverse("import"), {"text": "Talks resume on Monday."}),
        "reanalyse": (reverse("article-reanalyse", args=[event.article_id]), {}),
        "event change": (reverse("admin:timeline_event_change", args=[event.pk]), _event_form(event, title="Forged")),
        "event action": (EVENT_CHANGELIST, {"action": "hide_events", "_selected_action": [event.pk]}),
        "article delete": (reverse("admin:timeline_article_delete", args=[event.article_id]), {"post": "yes"}),
        "logout": (reverse("admin:logout"), {}),
    }
    for name, (url, data) in posts.items():
        assert client.post(url, data).status_code == 403, name
    event.refresh_from_db()
    assert (event.title, event.status, Article.objects.count()) == ("Untouched", "proposed", 1)
    assert fake_engine.calls == []
    assert client.get(reverse("admin:index")).status_code == 200  # the forged logout did not log out
    anonymous = Client(enforce_csrf_checks=True)
    assert (
        anonymous.post(reverse("admin:login"), {"username": "boss", "password": "pw-for-tests-only"}).status_code == 403
    )
