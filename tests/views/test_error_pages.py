"""Error pages are the app's own: friendly words, no server paths, settings or traceback."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.test import Client, override_settings
from django.urls import path

from webapp import urls as app_urls


def _broken(request):
    raise RuntimeError(f"boom in {settings.BASE_DIR} with secret {settings.SECRET_KEY}")


def _forbidden(request):
    raise PermissionDenied


# The app's own routes too: the error pages link to them.
urlpatterns = [path("broken/", _broken), path("forbidden/", _forbidden), *app_urls.urlpatterns]


@pytest.fixture
def client_without_exceptions() -> Client:
    return Client(raise_request_exception=False)


@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
def test_a_server_error_shows_a_friendly_page_without_server_detail(client_without_exceptions, db):
    response = client_without_exceptions.get("/broken/")
    page = response.content.decode()
    assert response.status_code == 500 and "Something went wrong" in page
    for leak in (str(settings.BASE_DIR), settings.SECRET_KEY, "RuntimeError", "Traceback", "boom"):
        assert leak not in page, leak


@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
def test_forbidden_pages_explain_in_plain_words(client_without_exceptions, db):
    response = client_without_exceptions.get("/forbidden/")
    assert response.status_code == 403 and "Not allowed" in response.content.decode()


def test_a_missing_page_names_no_url_patterns(client, db):
    page = client.get("/events/99999/").content.decode()
    assert "Not found" in page and "URLconf" not in page and "urlpatterns" not in page
