"""The site's own sign-in page: anyone with an account (not only staff) signs in and out there,
and ``next`` leads back only to a page of this site."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

PASSWORD = "pw-for-tests-only"


@pytest.fixture
def member(django_user_model):
    """An ordinary account: not staff, so the admin's login page would turn it away."""
    return django_user_model.objects.create_user(username="member", password=PASSWORD)


def test_the_navigation_links_to_the_sign_in_page_and_the_page_has_the_site_layout(client):
    home = client.get(reverse("article-list")).content.decode()
    assert f'href="{reverse("login")}?next=/"' in home
    page = client.get(reverse("login"))
    html = page.content.decode()
    assert page.status_code == 200 and 'class="site-header"' in html
    assert 'name="username"' in html and 'name="password"' in html and 'name="csrfmiddlewaretoken"' in html


def test_a_user_who_is_not_staff_signs_in_and_returns_to_a_local_page(client, member):
    response = client.post(reverse("login"), {"username": "member", "password": PASSWORD, "next": "/timeline/"})
    assert response.status_code == 302 and response["Location"] == "/timeline/"
    assert client.get(reverse("article-list")).wsgi_request.user.is_authenticated


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/x", "http://testserver.evil.example/"])
def test_next_pointing_off_the_site_is_ignored(client, member, target):
    response = client.post(reverse("login"), {"username": "member", "password": PASSWORD, "next": target})
    assert response.status_code == 302 and response["Location"] == reverse("article-list")


def test_a_wrong_password_stays_on_the_page_with_an_error(client, member):
    response = client.post(reverse("login"), {"username": "member", "password": "wrong"})
    assert response.status_code == 200 and "notice-error" in response.content.decode()
    assert not response.wsgi_request.user.is_authenticated


def test_the_import_page_sends_visitors_to_the_site_sign_in(client):
    response = client.get(reverse("import"))
    assert response.status_code == 302 and response["Location"] == f"{reverse('login')}?next={reverse('import')}"


def test_signing_out_is_a_post_from_the_header(member):
    client = Client()
    client.force_login(member)
    html = client.get(reverse("article-list")).content.decode()
    assert f'action="{reverse("logout")}"' in html and reverse("admin:index") not in html.split("<main", 1)[0]
    assert client.get(reverse("logout")).status_code == 405
    response = client.post(reverse("logout"))
    assert response.status_code == 302 and response["Location"] == reverse("article-list")
    assert not client.get(reverse("article-list")).wsgi_request.user.is_authenticated
