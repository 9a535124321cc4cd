"""Commands on the queue: import_articles --queue/--no-wait, reanalyse --queue, batch_status, resume_imports."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from tests.factories import make_event
from timeline import services as timeline_services
from timeline.jobs import dispatch, runner, services
from timeline.jobs.models import ImportBatch, ImportItem
from timeline.jobs.services import ItemInput
from timeline.models import Article

pytestmark = pytest.mark.django_db(transaction=True)


def run(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_import_queue_follows_the_batch_and_lists_what_was_refused(tmp_path, monday_engine):
    (tmp_path / "a.txt").write_text("Talks began on Monday.")
    (tmp_path / "b.txt").write_text("Talks began on Monday.")
    (tmp_path / "c.html").write_bytes(b"%PDF-1.4 binary")
    with pytest.raises(CommandError, match="1 article\\(s\\) refused") as failure:
        run("import_articles", str(tmp_path), "--queue", "--story", "Talks", "--dct", "2024-04-13", "--no-progress")
    assert failure.value.returncode == 1
    batch = ImportBatch.objects.get()
    assert dict(batch.items.values_list("name", "state")) == {
        str(tmp_path / "a.txt"): "imported",
        str(tmp_path / "b.txt"): "duplicate",
        str(tmp_path / "c.html"): "refused",
    }
    article = Article.objects.get()
    assert (article.source, article.published, list(article.stories.values_list("name", flat=True))) == (
        "a.txt",
        date(2024, 4, 13),
        ["Talks"],
    )


def test_import_queue_prints_the_summary(tmp_path, monday_engine):
    (tmp_path / "a.txt").write_text("Talks began on Monday.")
    out, err = run("import_articles", str(tmp_path / "a.txt"), "--queue")
    assert "imported 1 in" in out and "articles/s" in out and "100%" in err


def test_no_wait_needs_a_broker(tmp_path, monday_engine):
    (tmp_path / "a.txt").write_text("Talks began on Monday.")
    with pytest.raises(CommandError, match="--no-wait needs Celery workers: set CELERY_BROKER_URL"):
        run("import_articles", str(tmp_path), "--queue", "--no-wait")
    assert not ImportBatch.objects.exists()


def test_no_wait_prints_the_batch_id_and_batch_status_shows_it_later(tmp_path, monday_engine, settings, monkeypatch):
    settings.TIMELINE_TASK_RUNNER = "celery"
    sent = []
    monkeypatch.setattr(dispatch, "send_items", sent.extend)  # the workers are elsewhere
    (tmp_path / "a.txt").write_text("Talks began on Monday.")
    (tmp_path / "b.txt").write_text("")
    out, _ = run("import_articles", str(tmp_path), "--queue", "--no-wait")
    batch = ImportBatch.objects.get()
    assert f"Batch {batch.pk} queued with 2 article(s)" in out and f"batch_status {batch.pk}" in out
    assert sent == list(batch.items.filter(state="queued").values_list("pk", flat=True))
    first = io.StringIO()
    with pytest.raises(CommandError, match="1 item\\(s\\) refused"):  # b.txt was refused while reading
        call_command("batch_status", str(batch.pk), stdout=first)
    assert f"queued      {tmp_path / 'a.txt'}\n" in first.getvalue() and "the file is empty" in first.getvalue()
    assert f"Batch {batch.pk} (import): 1/2 settled (50%), in progress; 1 queued, 1 refused." in first.getvalue()
    runner.run_locally(sent[0])
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("batch_status", str(batch.pk), stdout=out)
    assert f"Batch {batch.pk} (import): 2/2 settled (100%), finished; 1 imported, 1 refused." in out.getvalue()


def test_batch_status_of_an_unknown_batch_is_an_error(db):
    with pytest.raises(CommandError, match="There is no batch 999."):
        run("batch_status", "999")


def test_reanalyse_queue_keeps_curated_fields(monday_engine):
    event = make_event(title="Engine title", sentence_text="Talks began on Saturday.")
    timeline_services.event_update(event=event, title="Curated title", notes="Checked")
    make_event()
    run("reanalyse", "--all", "--queue", "--no-progress")
    batch = ImportBatch.objects.get(kind="reanalyse")
    assert set(batch.items.values_list("state", flat=True)) == {"reanalysed"} and batch.items.count() == 2
    event.refresh_from_db()
    assert (event.title, event.notes, event.curated) == ("Curated title", "Checked", True)
    assert Article.objects.count() == 2 and len(monday_engine) == 2


def test_resume_imports_resends_only_old_pending_items(monday_engine, monkeypatch):
    sent = []
    monkeypatch.setattr(dispatch, "send_items", sent.extend)
    services.batch_create(items=[ItemInput(name="old.txt", text="Talks on Monday."),
                                 ItemInput(name="new.txt", text="Vote on Monday.")])  # fmt: skip
    stale, fresh = ImportItem.objects.order_by("pk")
    ImportItem.objects.filter(pk=stale.pk).update(updated=timezone.now() - timedelta(hours=2))
    sent.clear()
    out, _ = run("resume_imports", "--older-than", "3600")
    assert out == f"Re-queued 1 pending item(s): {stale.pk}.\n" and sent == [stale.pk]
