"""Write a synthetic story (``story_corpus``) as the engine would have stored it: articles, sentences,
time expressions and events, in bulk (the benchmark measures grouping, not this)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from django.db import transaction

from benchmarks.story_corpus import SyntheticArticle
from timeline.models import Article, Event, Sentence, TemporalExpression
from timeline.stories.models import Story


def write_articles(articles: Sequence[SyntheticArticle], *, tag: str) -> list[Article]:
    """Store ``articles`` with one sentence, expression and event per mention; returns the articles."""
    with transaction.atomic():
        texts = [" ".join(m.sentence for m in a.mentions) for a in articles]
        rows = Article.objects.bulk_create(
            [
                Article(title=a.title, source=a.source, text=text, published=a.published,
                        content_hash=hashlib.sha256(f"{tag}:{n}:{text}".encode()).hexdigest(), engine_mode="full")
                for n, (a, text) in enumerate(zip(articles, texts, strict=True))
            ],
            batch_size=2000,
        )  # fmt: skip
        sentences, expressions, events = [], [], []
        for article, synthetic in zip(rows, articles, strict=True):
            at = 0
            for index, m in enumerate(synthetic.mentions):
                sentence = Sentence(article=article, index=index, start=at, end=at + len(m.sentence), text=m.sentence)
                expression = TemporalExpression(
                    article=article, sentence=sentence, index=index, start=at + m.start, end=at + m.end,
                    text=m.sentence[m.start : m.end], type="DATE", value=m.value, earliest=m.earliest,
                    latest=m.latest, granularity=m.granularity, rule="synthetic",
                )  # fmt: skip
                event = Event(
                    article=article, sentence=sentence, expression=expression, key=f"{index}", title=m.title,
                    earliest=m.earliest, latest=m.latest, value=m.value, granularity=m.granularity,
                )  # fmt: skip
                sentences.append(sentence)
                expressions.append(expression)
                events.append(event)
                at += len(m.sentence) + 1
        Sentence.objects.bulk_create(sentences, batch_size=2000)
        TemporalExpression.objects.bulk_create(expressions, batch_size=2000)
        Event.objects.bulk_create(events, batch_size=2000)
    return rows


def write_story(name: str, articles: Sequence[Article]) -> Story:
    story = Story.objects.create(name=name, slug=name.lower().replace(" ", "-"))
    story.articles.add(*articles)
    return story
