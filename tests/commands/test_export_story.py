"""`manage.py export_story`: a story by name or slug, an article, approved only, to stdout or a file."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import date

import pytest
from django.core.management import CommandError, call_command

from tests.factories import make_article, make_event, make_story, make_story_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def story():
    article = make_article(source="/home/editor/wire/ap.txt")
    approved = make_event(article=article, title="Approved thing", earliest=date(2024, 4, 12), status="approved")
    proposed = make_event(article=article, title="Proposed thing", earliest=date(2024, 4, 13))
    story = make_story(name="Embassy Bombings", articles=[article])
    make_story_event(story=story, events=[approved], status="approved")
    make_story_event(story=story, events=[proposed])
    return story


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("export_story", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


@pytest.mark.parametrize("name", ["Embassy Bombings", "embassy bombings", "embassy-bombings"])
def test_json_to_stdout_by_name_or_slug(story, name):
    data = json.loads(run(name, "--format", "json"))
    assert data["story"] == "Embassy Bombings"
    assert [e["title"] for e in data["events"]] == ["Approved thing", "Proposed thing"]
    assert data["articles"][0]["source"] == "ap.txt"


def test_approved_to_a_file(story, tmp_path):
    target = tmp_path / "out.json"
    run("Embassy Bombings", "--approved", "--output", str(target))
    assert [e["title"] for e in json.loads(target.read_text())["events"]] == ["Approved thing"]


def test_timeml_archive_to_a_file(story, tmp_path):
    target = tmp_path / "story.zip"
    run("Embassy Bombings", "--format", "timeml", "--output", str(target))
    assert zipfile.ZipFile(target).namelist() == [f"article-{story.articles.get().pk}.tml"]


def test_article_export(story):
    assert "Approved thing" in run("--article", str(story.articles.get().pk), "--format", "csv")


@pytest.mark.parametrize(
    ("args", "message"),
    [(("Nope",), "No story called 'Nope'. Stories: Embassy Bombings."),
     (("--article", "99999"), "No article with id 99999."),
     ((), "Give a story NAME or --article ID"),
     (("Embassy Bombings", "--article", "1"), "Give a story NAME or --article ID")],
)  # fmt: skip
def test_clear_errors(story, args, message):
    with pytest.raises(CommandError, match=message.replace("(", r"\(").replace(".", r"\.")):
        run(*args)


def test_the_story_page_filters_narrow_the_export(story):
    data = json.loads(run("Embassy Bombings", "--from", "2024-04-13", "--keyword", "thing"))
    assert [e["title"] for e in data["events"]] == ["Proposed thing"]
    assert data["filters"] == {"From": "2024-04-13", "Keyword": "thing"}
    with pytest.raises(CommandError, match="not a date"):
        run("Embassy Bombings", "--to", "soon")
