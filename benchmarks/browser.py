"""Time to first render of the timeline in headless Chromium (Debian's, never a downloaded one).

A development server serves the benchmark database; the page records the moment
Plotly finished drawing (timeline.js marks the chart ``is-ready``), measured from
the start of navigation with the browser's own clock.
"""

from __future__ import annotations

import socket
import statistics
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.error import URLError

from benchmarks.env import MANAGE, database_env

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run",
]  # fmt: skip
# Installed before any page script runs: note when the chart node gains "is-ready".
READY_PROBE = """
new MutationObserver((changes, observer) => {
  for (const change of changes) {
    if (change.target.id === "timeline-chart" && change.target.classList.contains("is-ready")) {
      window.__chartReadyMs = performance.now();
      observer.disconnect();
    }
  }
}).observe(document, {attributes: true, attributeFilter: ["class"], subtree: true});
"""


@dataclass(frozen=True)
class RenderFigures:
    url: str
    loads: int
    first_render_ms: float  # median, navigation start to the chart drawn
    html_received_ms: float  # median responseEnd: the server's share
    points: int


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def serve(database: Path) -> Iterator[str]:
    """``runserver`` on a free port against ``database``; yields its base URL."""
    port = _free_port()
    command = [*MANAGE, "runserver", f"127.0.0.1:{port}", "--noreload", "--insecure"]
    server = subprocess.Popen(command, env=database_env(database), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{base}/", timeout=5).read()  # noqa: S310 — our own local server
                break
            except (URLError, ConnectionError):
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"runserver did not start: {server.stderr.read().decode()[-2000:]}") from None
                time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)


def measure_first_render(base: str, path: str, loads: int) -> RenderFigures:
    """Median over ``loads`` fresh browser contexts (cold caches) of the time to a drawn chart."""
    if not CHROMIUM.exists():
        raise SystemExit(f"{CHROMIUM} is missing: apt-get install chromium (the benchmark never downloads a browser).")
    from playwright.sync_api import sync_playwright

    renders, received, points = [], [], 0
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            for _ in range(loads):
                context = browser.new_context(viewport={"width": 1360, "height": 900})
                page = context.new_page()
                page.add_init_script(READY_PROBE)
                page.goto(base + path, wait_until="commit", timeout=120_000)
                page.wait_for_function("() => window.__chartReadyMs !== undefined", timeout=120_000)
                renders.append(page.evaluate("() => window.__chartReadyMs"))
                received.append(page.evaluate("() => performance.getEntriesByType('navigation')[0].responseEnd"))
                points = page.evaluate(
                    "() => document.getElementById('timeline-chart').data"
                    ".filter((t) => t.customdata).reduce((n, t) => n + t.customdata.length, 0)"
                )
                context.close()
        finally:
            browser.close()
    return RenderFigures(base + path, loads, statistics.median(renders), statistics.median(received), points)
