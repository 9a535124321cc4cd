"""import_articles --manifest FILE [--story NAME]: per-article metadata, refusals, duplicates, stories."""

from __future__ import annotations

import json
from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tests.commands.batch_fakes import install_engine
from tests.factories import make_extraction
from timeline.models import Article
from timeline.stories.models import Story

pytestmark = pytest.mark.django_db

NAIROBI = "NAIROBI, Kenya (AP) _ A huge bomb exploded near the U.S. Embassy on Friday.\nRescuers dug on Saturday."
HAVANA = "HAVANA, August 7 (Xinhua) -- Cuba condemned the attacks on Friday."
MARKETS = "Stocks fell on Monday."


@pytest.fixture
def engine(monkeypatch):
    calls: list[tuple[str, date | None]] = []

    def fake(text, dct, prefer="auto"):
        calls.append((text, dct))
        return make_extraction(text, [], dct=dct)

    install_engine(monkeypatch, fake)
    return calls


def _run(*args: str) -> tuple[str, CommandError | None]:
    out = StringIO()
    try:
        call_command("import_articles", *args, "--no-progress", stdout=out, stderr=StringIO())
    except CommandError as exc:
        return out.getvalue(), exc
    return out.getvalue(), None


def _jsonl(path, rows) -> None:
    path.write_text("\n".join(json.dumps(row) for row in rows) + "\n", encoding="utf-8")


def test_jsonl_manifest_gives_each_article_its_metadata_and_story(tmp_path, engine):
    (tmp_path / "wire").mkdir()
    (tmp_path / "wire" / "nairobi.txt").write_text(NAIROBI, encoding="utf-8")
    _jsonl(tmp_path / "batch.jsonl", [
        {"path": "wire/nairobi.txt", "published": "1998-08-07", "source": "AP", "url": "https://example.org/n"},
        {"text": HAVANA, "title": "Cuba condemns bombings", "published": "1998-08-07", "source": "Xinhua"},
        {"text": MARKETS},
    ])  # fmt: skip

    out, error = _run("--manifest", str(tmp_path / "batch.jsonl"), "--story", "Embassy bombings")

    assert error is None, out
    assert "Imported 3, skipped 0 duplicate(s), failed 0" in out
    nairobi = Article.objects.get(text=NAIROBI)
    assert (nairobi.title, nairobi.source, nairobi.url, nairobi.place, nairobi.published) == (
        "A huge bomb exploded near the U.S. Embassy on Friday.", "AP", "https://example.org/n", "Nairobi, Kenya",
        date(1998, 8, 7),
    )  # fmt: skip
    havana = Article.objects.get(text=HAVANA)
    assert (havana.title, havana.source, havana.place) == ("Cuba condemns bombings", "Xinhua", "Havana")
    markets = Article.objects.get(text=MARKETS)
    assert markets.published is None and markets.source == "" and markets.place == ""
    assert dict(engine) == {NAIROBI: date(1998, 8, 7), HAVANA: date(1998, 8, 7), MARKETS: None}
    story = Story.objects.get(name="Embassy bombings")
    assert set(story.articles.all()) == {nairobi, havana, markets}
    assert 'Story "Embassy bombings" now has 3 article(s).' in out
    # The summary names each imported article with its id.
    assert f"imported  wire/nairobi.txt (article {nairobi.pk})" in out
    assert f"imported  batch.jsonl line 2 (article {havana.pk})" in out


def test_bad_rows_are_refused_with_their_reason_and_the_rest_imports(tmp_path, engine):
    (tmp_path / "inside").mkdir()
    (tmp_path / "secret.txt").write_text("Outside the manifest folder on Monday.", encoding="utf-8")
    (tmp_path / "inside" / "ok.txt").write_text(MARKETS, encoding="utf-8")
    _jsonl(tmp_path / "inside" / "m.jsonl", [
        {"path": "../secret.txt"},
        {"path": str(tmp_path / "secret.txt")},
        {"path": "ok.txt", "published": "07/08/1998"},
        {"path": "ok.txt", "author": "someone"},
        {"path": "ok.txt", "text": "both"},
        {"path": "ok.txt"},
    ])  # fmt: skip
    (tmp_path / "inside" / "m.jsonl").write_text(
        (tmp_path / "inside" / "m.jsonl").read_text() + "{not json\n", encoding="utf-8"
    )

    out, error = _run("--manifest", str(tmp_path / "inside" / "m.jsonl"))

    assert error is not None and error.returncode == 1 and "6 manifest row(s) refused" in str(error)
    assert "refused   ../secret.txt: the path leads outside the manifest's folder" in out
    assert f"refused   {tmp_path / 'secret.txt'}: the path must be relative" in out
    assert "'published' must be a date like 2024-04-13, not '07/08/1998'" in out
    assert "unknown field(s) author" in out and "give either 'path' or 'text'" in out
    assert "refused   m.jsonl line 7: not valid JSON" in out
    assert "Imported 1, skipped 0 duplicate(s), refused 6, failed 0" in out
    assert list(Article.objects.values_list("text", "source")) == [(MARKETS, "ok.txt")]


def test_a_duplicate_text_with_another_date_says_so(tmp_path, engine):
    (tmp_path / "a.txt").write_text(NAIROBI, encoding="utf-8")
    _jsonl(tmp_path / "m.jsonl", [
        {"path": "a.txt", "published": "1998-08-07"},
        {"text": NAIROBI, "published": "1998-08-08"},
    ])  # fmt: skip
    out, error = _run("--manifest", str(tmp_path / "m.jsonl"))
    assert error is None
    # Stored already (article N) or earlier in this run (same text as a.txt): either way the dates are named.
    assert "duplicate m.jsonl line 2 (" in out
    assert "; same text with a different date: kept 1998-08-07, this one says 1998-08-08)" in out

    out, _ = _run("--manifest", str(tmp_path / "m.jsonl"), "--story", "Later")
    assert "skipped 2 duplicate(s)" in out and "kept 1998-08-07, this one says 1998-08-08" in out
    # Articles already stored that a run names again still join the story.
    assert list(Story.objects.get(name="Later").articles.values_list("text", flat=True)) == [NAIROBI]


def test_csv_manifest(tmp_path, engine):
    (tmp_path / "n.txt").write_text(NAIROBI, encoding="utf-8")
    (tmp_path / "m.csv").write_text(
        'path,title,published,source,url\nn.txt,"Bomb, then rescue",1998-08-07,AP,\n,,,,\n', encoding="utf-8"
    )
    out, error = _run("--manifest", str(tmp_path / "m.csv"))
    assert error is None and "Imported 1" in out
    article = Article.objects.get()
    assert (article.title, article.published, article.source, article.url) == (
        "Bomb, then rescue",
        date(1998, 8, 7),
        "AP",
        "",
    )


@pytest.mark.parametrize(
    "args, message",
    [
        ([], "Give files or folders, or --manifest FILE"),
        (["x.txt", "--manifest", "m.jsonl"], "Give files or folders, or --manifest FILE"),
        (["--manifest", "m.jsonl", "--dct", "2024-01-01"], "in a manifest give each article its 'published' date"),
        (["--manifest", "missing.jsonl"], "cannot read the manifest"),
    ],
)
def test_usage_errors(tmp_path, args, message, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _, error = _run(*args)
    assert error is not None and message in str(error)


def test_csv_without_path_or_text_column_is_refused_whole(tmp_path):
    (tmp_path / "m.csv").write_text("file,title\na.txt,x\n", encoding="utf-8")
    _, error = _run("--manifest", str(tmp_path / "m.csv"))
    assert error is not None and "needs a 'path' or 'text' column" in str(error)


def test_plain_files_join_a_story_with_their_datelines_outlet_as_source(tmp_path, engine):
    (tmp_path / "nairobi.txt").write_text(NAIROBI, encoding="utf-8")
    out, error = _run(str(tmp_path), "--story", "Embassy bombings")
    assert error is None
    article = Story.objects.get(name="Embassy bombings").articles.get()
    assert article.source == "AP" and str(tmp_path) not in article.source  # "NAIROBI, Kenya (AP) --"
    assert article.place == "Nairobi, Kenya"


def test_a_duplicate_within_one_engine_stream_names_the_earlier_entry_and_both_dates(tmp_path, monkeypatch):
    install_engine(monkeypatch, lambda text, dct, prefer="auto": make_extraction(text, [], dct=dct), read_ahead=5)
    (tmp_path / "a.txt").write_text(NAIROBI, encoding="utf-8")
    _jsonl(tmp_path / "m.jsonl", [{"path": "a.txt", "published": "1998-08-07"}, {"text": NAIROBI}])
    out, _ = _run("--manifest", str(tmp_path / "m.jsonl"))
    assert "duplicate m.jsonl line 2 (same text as a.txt)" in out  # no date given: nothing to contradict
    _jsonl(tmp_path / "n.jsonl", [{"text": HAVANA}, {"text": HAVANA, "published": "1998-08-08"}])
    out, _ = _run("--manifest", str(tmp_path / "n.jsonl"))
    assert (
        "(same text as n.jsonl line 1; same text with a different date: kept no date, this one says 1998-08-08)" in out
    )


def test_story_option_in_another_case_joins_the_existing_story(tmp_path, engine):
    existing = Story.objects.create(name="Embassy bombings", slug="embassy-bombings")
    (tmp_path / "nairobi.txt").write_text(NAIROBI, encoding="utf-8")
    _, error = _run(str(tmp_path), "--story", "embassy  BOMBINGS")
    assert error is None
    assert Story.objects.count() == 1 and existing.articles.count() == 1
