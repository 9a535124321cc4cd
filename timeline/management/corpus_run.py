"""Run the whole product on a corpus manifest and return the story's JSON export, leaving no trace.

The articles are imported into a fresh story, grouped and exported with the functions the
import command and the web export use, all inside one transaction that is rolled back at
the end: the database is as it was. An article whose text is already stored is analysed
again inside that transaction, so the figures are always the engine's current answers.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any
from uuid import uuid4

from django.db import transaction

from timeline.exports.document import story_document
from timeline.exports.json_export import document_json
from timeline.ingest.article_input import article_input_from_file, article_input_from_paste
from timeline.ingest.manifest import ManifestEntry, ManifestError, read_manifest
from timeline.jobs.bulk import DUPLICATE, FAILED, ArticleSource, import_items
from timeline.models import Article
from timeline.services import article_reanalyse
from timeline.stories.models import Story
from timeline.stories.services import story_add_articles, story_events_rebuild


class CorpusRunError(ValueError):
    """The manifest cannot be read or one of its articles could not be imported; the message says which."""


def _load(entry: ManifestEntry) -> Any:
    fields = {"title": entry.title, "published": entry.published, "source": entry.source, "url": entry.url}
    if entry.path is not None:
        return article_input_from_file(entry.path, **fields)
    return article_input_from_paste(entry.text or "", **fields)


def story_export_scratch(*, manifest: Path) -> dict[str, Any]:
    """The JSON export of a scratch story holding the manifest's articles, grouped; nothing is kept."""
    try:
        entries, refusals = read_manifest(manifest)
    except ManifestError as error:
        raise CorpusRunError(str(error)) from error
    if refusals:
        raise CorpusRunError(f"{manifest}: {refusals[0].name}: {refusals[0].reason}")
    items = [ArticleSource(entry.name, partial(_load, entry)) for entry in entries]
    with transaction.atomic():
        story = Story.objects.create(name=f"Evaluation {uuid4().hex}", slug=f"evaluation-{uuid4().hex}")
        article_ids = []
        for outcome in import_items(items):
            if outcome.status == FAILED or outcome.article_id is None:
                raise CorpusRunError(f"{outcome.name}: {outcome.detail or 'not imported'}")
            if outcome.status == DUPLICATE:
                article_reanalyse(article=Article.objects.get(pk=outcome.article_id))
            article_ids.append(outcome.article_id)
        story_add_articles(story=story, articles=Article.objects.filter(pk__in=article_ids), regroup=False)
        story_events_rebuild(story=story)
        export = document_json(story_document(story=story))
        transaction.set_rollback(True)
    return export
