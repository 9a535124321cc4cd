"""Fetching a page to import: only the public web, checked at every redirect, bounded in size.

The address guard is tested without any traffic (a fake resolver); the fetch itself against an
HTTP server the test starts on 127.0.0.1, with loopback allowed for that test only.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from timeline.ingest.fetch import FetchLimits, FetchRefused, address_problem, fetch_page

PAGE = b"<html><head><title>Harbour closes</title></head><body><article><h1>Harbour closes</h1><p>The harbour closed on Monday after the storm, officials said.</p></article></body></html>"


@pytest.mark.parametrize(
    ("address", "refused"),
    [("93.184.216.34", None), ("2606:2800:220:1::", None), ("127.0.0.1", "loopback"), ("::1", "loopback"),
     ("10.1.2.3", "private"), ("192.168.0.10", "private"), ("172.16.5.4", "private"),
     ("169.254.169.254", "link-local"), ("fe80::1", "link-local"), ("0.0.0.0", "not a public"),
     ("224.0.0.1", "not a public"), ("::ffff:10.0.0.1", "private"), ("100.64.0.1", "not a public")],
)  # fmt: skip
def test_only_public_addresses_may_be_fetched(address, refused):
    problem = address_problem(address)
    assert (problem is None) if refused is None else (refused in problem), problem


def test_a_name_resolving_to_any_internal_address_is_refused_before_connecting():
    def resolver(host, port):
        return ["93.184.216.34", "10.0.0.7"]  # one public, one internal: refused whole

    with pytest.raises(FetchRefused, match="private network"):
        fetch_page("https://news.example/story", resolver=resolver)


@pytest.mark.parametrize("url", ["ftp://news.example/a", "file:///etc/passwd", "javascript:alert(1)", "http:///x"])
def test_only_http_and_https(url):
    with pytest.raises(FetchRefused, match="Only http and https"):
        fetch_page(url, resolver=lambda host, port: ["93.184.216.34"])


class _Site(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - the standard library's name
        routes = {
            "/story": (200, {"Content-Type": "text/html; charset=utf-8"}, PAGE),
            "/moved": (302, {"Location": "/story"}, b""),
            "/to-metadata": (302, {"Location": "http://169.254.169.254/latest/meta-data/"}, b""),
            "/huge": (200, {"Content-Type": "text/html"}, b"<p>" + b"x" * 300_000 + b"</p>"),
            "/picture": (200, {"Content-Type": "image/png"}, b"\x89PNG"),
        }
        status, headers, body = routes.get(self.path, (404, {}, b""))
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


LOCAL = FetchLimits(max_bytes=100_000, timeout_seconds=10, allow_loopback=True)


def test_a_page_is_fetched_through_a_checked_redirect(site):
    page = fetch_page(f"{site}/moved", LOCAL)
    assert page.url == f"{site}/story" and page.body == PAGE and page.content_type == "text/html"


def test_a_redirect_to_an_internal_address_is_refused(site):
    with pytest.raises(FetchRefused, match="link-local"):
        fetch_page(f"{site}/to-metadata", LOCAL)


def test_size_type_and_status_are_checked(site):
    with pytest.raises(FetchRefused, match="the limit is 100,000"):
        fetch_page(f"{site}/huge", LOCAL)
    with pytest.raises(FetchRefused, match="image/png"):
        fetch_page(f"{site}/picture", LOCAL)
    with pytest.raises(FetchRefused, match="answered 404"):
        fetch_page(f"{site}/missing", LOCAL)


def test_loopback_is_refused_unless_allowed(site):
    with pytest.raises(FetchRefused, match="loopback"):
        fetch_page(f"{site}/story", FetchLimits())


@pytest.mark.django_db
def test_the_import_form_imports_a_fetched_page(site, settings, make_client):
    settings.TIMELINE_FETCH_ALLOW_LOOPBACK = True
    client = make_client("importer", "timeline.add_article")
    response = client.post("/import/", {"fetch": f"{site}/moved"})
    assert response.status_code == 302
    from timeline.models import Article

    article = Article.objects.get()
    assert article.title == "Harbour closes" and "closed on Monday" in article.text and article.url == f"{site}/story"
    refused = client.post("/import/", {"fetch": f"{site}/to-metadata"})
    assert refused.status_code == 200 and "link-local" in refused.content.decode()
