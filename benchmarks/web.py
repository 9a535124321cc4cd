"""Server side of the timeline at scale: time, SQL queries and bytes per request.

Needs Django pointed at the benchmark database; ``web_main.py`` runs it in a process
of its own, as a server would be.
"""

from __future__ import annotations

import gzip
import statistics
import time
from dataclasses import dataclass

from django.db import connection, transaction
from django.db.models import Count
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from benchmarks.web_story import SLUG as STORY_SLUG
from timeline.models import Article, Event
from timeline.stories.models import Story, StoryMention

APPROVED_EVERY = 20  # a curated share, so both marker kinds are drawn


@dataclass(frozen=True)
class PageFigures:
    name: str
    url: str
    events: int
    median_ms: float  # wall clock in the test client: middleware, view, queries, template
    cpu_ms: float  # this process's CPU time for the same requests (less sensitive to other load)
    queries: int
    bytes: int
    gzip_bytes: int


def shape_events(target: int) -> str:
    """Keep the first articles (by id) that hold ``target`` events and drop the rest, or clone
    events when there are too few; every ``APPROVED_EVERY``-th event is approved."""
    counts = list(Article.objects.annotate(n=Count("events")).order_by("pk").values_list("pk", "n"))
    keep, total = [], 0
    for pk, n in counts:
        if total >= target:
            break
        keep.append(pk)
        total += n
    # The benchmark story refers to events that are about to go; web_story makes it afresh.
    Story.objects.filter(slug=STORY_SLUG).delete()
    with transaction.atomic(), connection.cursor() as cursor:
        # Raw deletes: the ORM's cascade would load ~50,000 rows to delete them one relation at a time.
        marks = ",".join("%s" for _ in keep) or "NULL"
        for table in ("timeline_event", "timeline_temporalexpression", "timeline_sentence"):
            cursor.execute(f"DELETE FROM {table} WHERE article_id NOT IN ({marks})", keep)  # noqa: S608
        cursor.execute(f"DELETE FROM timeline_article WHERE id NOT IN ({marks})", keep)  # noqa: S608
        if total > target:
            cursor.execute(
                "DELETE FROM timeline_event WHERE id IN (SELECT id FROM timeline_event ORDER BY id DESC LIMIT %s)",
                [total - target],
            )
        cursor.execute(
            "UPDATE timeline_event SET status = 'approved', curated = 1 WHERE id %% %s = 0", [APPROVED_EVERY]
        )
    note = f"{len(keep)} articles"
    if total < target:
        note += f", {target - total} events cloned from the {total} imported"
        _clone_events(target - total)
    return note


def _clone_events(missing: int) -> None:
    originals = list(Event.objects.order_by("pk")[:missing])
    if not originals:
        raise RuntimeError("No events were imported; the corpus produced nothing to show.")
    clones = []
    for n in range(missing):
        e = originals[n % len(originals)]
        clones.append(Event(
            article_id=e.article_id, sentence_id=e.sentence_id, expression_id=e.expression_id, key=f"clone-{n}",
            title=e.title, earliest=e.earliest, latest=e.latest, value=e.value, granularity=e.granularity,
        ))  # fmt: skip
    Event.objects.bulk_create(clones, batch_size=2000)


def _pages() -> list[tuple[str, str]]:
    busiest = Article.objects.annotate(n=Count("events")).order_by("-n", "pk").first()
    pages = [
        ("timeline page, all articles", reverse("timeline")),
        ("chart data (figure JSON), all articles", reverse("timeline-figure")),
        ("events API, all (first page)", reverse("api-events")),
    ]
    if Story.objects.filter(slug=STORY_SLUG).exists():
        pages += [
            ("story page", reverse("story-detail", args=[STORY_SLUG])),
            ("story chart data (figure JSON)", reverse("story-figure", args=[STORY_SLUG])),
            ("story export (JSON)", reverse("story-export", args=[STORY_SLUG, "json"])),
        ]
    if busiest is not None:
        pages += [
            ("timeline page, busiest article", reverse("article-timeline", args=[busiest.pk])),
            ("chart data (figure JSON), busiest article", reverse("article-timeline-figure", args=[busiest.pk])),
            ("events API, busiest article", f"{reverse('api-events')}?article={busiest.pk}"),
        ]
    return pages


def measure_pages(repeat: int) -> list[PageFigures]:
    """Median of ``repeat`` requests per page (after one warm-up), with one query capture.

    The API figures are for its first page; ``measure_all_api_pages`` reads them all.
    """
    client = Client()
    figures = []
    for name, url in _pages():
        response = client.get(url)
        if response.status_code != 200:
            raise RuntimeError(f"{url} answered {response.status_code}")
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        queries = len(captured)  # now: the next request clears the connection's query log
        timings, cpu = [], []
        for _ in range(repeat):
            start, start_cpu = time.perf_counter(), time.process_time()
            response = client.get(url)
            timings.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
        body = response.content
        figures.append(PageFigures(
            name, url, _event_count(url), statistics.median(timings) * 1000, statistics.median(cpu) * 1000,
            queries, len(body), len(gzip.compress(body, 6)),
        ))  # fmt: skip
    return figures


def _event_count(url: str) -> int:
    if "/stories/" in url:  # article events in the story (its mentions)
        return StoryMention.objects.filter(story__slug=STORY_SLUG).count()
    shown = Event.objects.filter(merged_into__isnull=True).exclude(status=Event.Status.HIDDEN)
    if "article=" in url:
        return shown.filter(article_id=int(url.rsplit("=", 1)[1])).count()
    if "/articles/" in url:  # the article's timeline page or its figure
        return shown.filter(article_id=int(url.split("/articles/")[1].split("/")[0])).count()
    return shown.count()


def count_queries() -> dict[str, int]:
    """SQL queries per request for each page (to compare at two timeline sizes)."""
    client = Client()
    counts = {}
    for name, url in _pages():
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        counts[name] = len(captured)
    return counts


def measure_all_api_pages() -> tuple[int, float, int]:
    """Pages, total milliseconds and total bytes to read every event through the API's ``next`` links."""
    client = Client()
    url: str | None = reverse("api-events")
    pages, started, size = 0, time.perf_counter(), 0
    while url:
        response = client.get(url)
        size += len(response.content)
        url = response.json()["next"]
        pages += 1
    return pages, (time.perf_counter() - started) * 1000, size
