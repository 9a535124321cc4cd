"""Fetch one web page to import, without letting a URL reach anything but the public web.

Only http and https; every host is resolved first and each of its addresses must be public
(no private, loopback, link-local, multicast or reserved address), and the connection goes to
the address that was checked (TLS still verifies the host name), so a name cannot be re-pointed
at an internal service between the check and the request. Each redirect is checked the same
way; the size and the time are bounded. Nothing here knows Django: limits come as arguments.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import certifi
import urllib3

from timeline.ingest.errors import ImportRejected

REDIRECTS = frozenset({301, 302, 303, 307, 308})
PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
USER_AGENT = "NewsroomTimeline/1.0 (+article import)"
Resolver = Callable[[str, int], list[str]]


class FetchRefused(ImportRejected):
    """The URL cannot be fetched as an article; ``str(exc)`` says why."""


@dataclass(frozen=True)
class FetchLimits:
    max_bytes: int = 5 * 1024 * 1024
    timeout_seconds: float = 15.0
    max_redirects: int = 5
    allow_loopback: bool = False  # only for tests against a server they start themselves


@dataclass(frozen=True)
class FetchedPage:
    url: str  # where the page was found, after redirects
    body: bytes
    content_type: str


def resolve(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to (IPv4 and IPv6)."""
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise FetchRefused(f"The address {host!r} could not be found ({exc.strerror}).") from None
    return list(dict.fromkeys(info[4][0] for info in found))


def address_problem(address: str, *, allow_loopback: bool = False) -> str | None:
    """Why this address may not be fetched from, or None for a public one."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip.is_loopback:
        return None if allow_loopback else "it is this machine (a loopback address)"
    if ip.is_link_local:
        return "it is a link-local address (cloud metadata services live there)"
    if ip.is_multicast or ip.is_reserved or ip.is_unspecified:
        return "it is not a public internet address"
    if ip.is_private:
        return "it is a private network address"
    if not ip.is_global:
        return "it is not a public internet address"
    return None


def fetch_page(url: str, limits: FetchLimits = FetchLimits(), resolver: Resolver = resolve) -> FetchedPage:
    """The page at ``url`` (following checked redirects); raises ``FetchRefused`` with the reason."""
    deadline = time.monotonic() + limits.timeout_seconds
    for _ in range(limits.max_redirects + 1):
        response = _request(url, limits, resolver, deadline)
        if response.status in REDIRECTS:
            location = response.headers.get("Location", "")
            response.release_conn()
            if not location:
                raise FetchRefused(f"{url} redirects without saying where to.")
            url = urljoin(url, location)
            continue
        try:
            return _page(url, response, limits, deadline)
        finally:
            response.release_conn()
    raise FetchRefused(f"{url}: more than {limits.max_redirects} redirects.")


def _request(url: str, limits: FetchLimits, resolver: Resolver, deadline: float) -> urllib3.BaseHTTPResponse:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchRefused(f"Only http and https web addresses can be fetched, not {url!r}.")
    host, port = parts.hostname, parts.port or (443 if parts.scheme == "https" else 80)
    addresses = resolver(host, port)
    if not addresses:
        raise FetchRefused(f"The address {host!r} could not be found.")
    for address in addresses:
        if problem := address_problem(address, allow_loopback=limits.allow_loopback):
            raise FetchRefused(f"{host} cannot be fetched: {problem}.")
    address = addresses[0]
    remaining = max(deadline - time.monotonic(), 0.1)
    timeout = urllib3.Timeout(connect=min(remaining, 10.0), read=remaining)
    if parts.scheme == "https":
        pool: urllib3.HTTPConnectionPool = urllib3.HTTPSConnectionPool(
            address, port, server_hostname=host, assert_hostname=host, cert_reqs="CERT_REQUIRED",
            ca_certs=certifi.where(), timeout=timeout, retries=False,
        )  # fmt: skip
    else:
        pool = urllib3.HTTPConnectionPool(address, port, timeout=timeout, retries=False)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    host_header = host if parts.port is None else f"{host}:{parts.port}"
    headers = {"Host": host_header, "User-Agent": USER_AGENT, "Accept": "text/html, text/plain;q=0.8"}
    try:
        response = pool.urlopen("GET", path, headers=headers, redirect=False, preload_content=False)
    except urllib3.exceptions.HTTPError as exc:
        raise FetchRefused(f"{url} could not be fetched ({type(exc).__name__}).") from None
    return response


def _page(url: str, response: urllib3.BaseHTTPResponse, limits: FetchLimits, deadline: float) -> FetchedPage:
    if response.status != 200:
        raise FetchRefused(f"{url} answered {response.status}, not a page.")
    content_type = (response.headers.get("Content-Type") or "").split(";")[0].strip().lower()
    if content_type and content_type not in PAGE_TYPES:
        raise FetchRefused(f"{url} is {content_type}, not a web page or text.")
    declared = response.headers.get("Content-Length", "")
    if declared.isdecimal() and int(declared) > limits.max_bytes:
        raise FetchRefused(f"{url} is {int(declared):,} bytes; the limit is {limits.max_bytes:,}.")
    body = bytearray()
    try:
        for chunk in response.stream(64 * 1024):
            body += chunk
            if len(body) > limits.max_bytes:
                raise FetchRefused(f"{url} is larger than {limits.max_bytes:,} bytes.")
            if time.monotonic() > deadline:
                raise FetchRefused(f"{url} took longer than {limits.timeout_seconds:g} s.")
    except urllib3.exceptions.HTTPError as exc:
        raise FetchRefused(f"{url} could not be read ({type(exc).__name__}).") from None
    return FetchedPage(url=url, body=bytes(body), content_type=content_type or "text/html")
