"""Plain functions that make rows and fake engine results for tests."""

from __future__ import annotations

import itertools
import re
from datetime import date

from django.utils.text import slugify

from timeline.analysis.rows import content_hash, event_key
from timeline.models import Article, Event, Sentence, TemporalExpression
from timeline.stories.models import Story, StoryEvent, StoryMention
from timeline.temporal.types import DctEvidence, EventCandidate, Extraction, TimeExpression
from timeline.temporal.types import Sentence as EngineSentence

_counter = itertools.count(1)


def make_article(**fields: object) -> Article:
    n = next(_counter)
    fields.setdefault("title", f"Article {n}")
    fields.setdefault("text", f"Article number {n} happened on Monday.")
    fields.setdefault("published", date(2024, 4, 13))
    fields.setdefault("content_hash", content_hash(str(fields["text"])))
    return Article.objects.create(**fields)


def make_event(
    *,
    article: Article | None = None,
    title: str | None = None,
    earliest: date = date(2024, 4, 13),
    latest: date | None = None,
    sentence_text: str | None = None,
    phrase: str = "Saturday",
    **fields: object,
) -> Event:
    """An event with its own sentence and time expression, as the engine would store it."""
    article = article or make_article()
    n = next(_counter)
    sentence_text = sentence_text or f"Thing {n} happened on {phrase}."
    latest = latest or earliest
    index = article.sentences.count()
    sentence = Sentence.objects.create(
        article=article, index=index, start=index * 1000, end=index * 1000 + len(sentence_text), text=sentence_text
    )
    at = sentence_text.index(phrase)
    expression = TemporalExpression.objects.create(
        article=article, sentence=sentence, index=article.expressions.count(),
        start=sentence.start + at, end=sentence.start + at + len(phrase), text=phrase, type="DATE",
        value=earliest.isoformat(), earliest=earliest, latest=latest, granularity="day", rule="test",
    )  # fmt: skip
    fields.setdefault("key", event_key(sentence_text, phrase, 1))
    return Event.objects.create(
        article=article, sentence=sentence, expression=expression, title=title or f"Event {n}",
        earliest=earliest, latest=latest, value=earliest.isoformat(), **fields,
    )  # fmt: skip


def make_extraction(
    text: str,
    dated_phrases: list[tuple[str, date]],
    *,
    dct: date | None = date(2024, 4, 13),
    dct_inferred: bool = False,
    titles: dict[str, str] | None = None,
) -> Extraction:
    """A fake engine result: sentences split at '. ', one day-expression and one event per phrase.

    Phrases are found left to right, so a repeated phrase names its next occurrence.
    """
    sentences = []
    for match in re.finditer(r"[^.]+(?:\.|$)", text):
        start = match.start() + (len(match.group()) - len(match.group().lstrip()))
        if match.group().strip():
            sentences.append(EngineSentence(len(sentences), start, match.end(), text[start : match.end()]))
    expressions, events, search_from = [], [], 0
    for position, (phrase, day) in enumerate(dated_phrases):
        start = text.index(phrase, search_from)
        search_from = start + len(phrase)
        sentence = next(s for s in sentences if s.start <= start < s.end)
        expressions.append(
            TimeExpression(
                text=phrase,
                start=start,
                end=start + len(phrase),
                type="DATE",
                value=day.isoformat(),
                earliest=day,
                latest=day,
                granularity="day",
                sentence=sentence.index,
                rule="fake",
                anchor="DCT" if position == 0 else "e0",
                index=position,
            )  # fmt: skip
        )
        events.append(EventCandidate(sentence.index, position, (titles or {}).get(phrase, f"About {phrase}")))
    evidence = DctEvidence(dct, "Saturday, April 13, 2024", "full_date", 0.9) if dct and dct_inferred else None
    return Extraction(
        dct=dct, dct_inferred=dct_inferred, dct_evidence=evidence,
        sentences=sentences, expressions=expressions, events=events, mode="blank",
    )  # fmt: skip


# --- stories (appended by the stories app) ---


def make_story(*, name: str | None = None, articles: list[Article] = (), **fields: object) -> Story:
    """A story (no grouping run) holding ``articles``; its slug comes from its name unless given."""
    n = next(_counter)
    name = name or f"Story {n}"
    story = Story.objects.create(name=name, slug=fields.pop("slug", None) or slugify(name) or f"story-{n}", **fields)
    story.articles.add(*articles)
    return story


def make_reported_event(
    *, article: Article, sentence_text: str, phrase: str, day: date, title: str | None = None, **fields: object
) -> Event:
    """An event as the engine stores it, dated ``day`` by ``phrase`` inside ``sentence_text``."""
    return make_event(
        article=article, sentence_text=sentence_text, phrase=phrase, earliest=day, latest=day,
        title=title or sentence_text[:60], **fields,
    )  # fmt: skip


# --- story events (appended by the story page) ---


def make_story_event(*, story, events: list[Event], title: str | None = None, **fields: object):
    """A story event whose mentions are ``events`` (its dates from the first), as grouping would store it."""
    first = events[0]
    fields.setdefault("earliest", first.earliest)
    fields.setdefault("latest", first.latest)
    fields.setdefault("value", first.value)
    fields.setdefault("granularity", first.granularity)
    story_event = StoryEvent.objects.create(story=story, title=title or first.title, **fields)
    story.articles.add(*{e.article for e in events})
    StoryMention.objects.bulk_create([StoryMention(story=story, story_event=story_event, event=e) for e in events])
    return story_event
