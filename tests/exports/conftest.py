"""A story of two articles whose offsets point into real article text, for the export tests."""

from __future__ import annotations

from datetime import date

import pytest

from tests.factories import make_article, make_story, make_story_event
from timeline.analysis.rows import event_key
from timeline.models import Event, Sentence, TemporalExpression


def event_in_text(
    article,
    sentence_text: str,
    phrase: str,
    day: date,
    *,
    latest: date | None = None,
    value: str | None = None,
    title: str = "Event",
    status: str = "proposed",
) -> Event:
    """An event whose sentence and phrase offsets are their true positions in ``article.text``."""
    start = article.text.index(sentence_text)
    index = article.sentences.count()
    sentence = Sentence.objects.create(
        article=article, index=index, start=start, end=start + len(sentence_text), text=sentence_text
    )
    at = start + sentence_text.index(phrase)
    expression = TemporalExpression.objects.create(
        article=article, sentence=sentence, index=index, start=at, end=at + len(phrase), text=phrase, type="DATE",
        value=value or day.isoformat(), earliest=day, latest=latest or day, granularity="day", rule="test",
    )  # fmt: skip
    return Event.objects.create(
        article=article, sentence=sentence, expression=expression, key=event_key(sentence_text, phrase, 1),
        title=title, earliest=day, latest=latest or day, value=value or day.isoformat(), status=status,
    )  # fmt: skip


@pytest.fixture
def export_story(db):
    one = make_article(
        title="Embassy bombed", source="/srv/timeline/uploads/ap-0807.txt", published=date(1998, 8, 7),
        text="NAIROBI (AP) -- A bomb exploded on Friday at 10:30 near the embassy.\nTalks last week failed.",
    )  # fmt: skip
    two = make_article(
        title="=HYPERLINK(\"http://evil\")", source="https://xinhua.net/a/2", published=date(1998, 8, 8),
        text="A blast hit the embassy on Friday. Officials said more attacks may come soon.",
    )  # fmt: skip
    blast_one = event_in_text(
        one,
        "A bomb exploded on Friday at 10:30 near the embassy.",
        "Friday at 10:30",
        date(1998, 8, 7),
        value="1998-08-07T10:30",
        title="Bomb explodes",
    )
    week = event_in_text(
        one,
        "Talks last week failed.",
        "last week",
        date(1998, 7, 27),
        latest=date(1998, 8, 2),
        value="1998-W31",
        title="Talks fail",
    )
    blast_two = event_in_text(
        two, "A blast hit the embassy on Friday.", "Friday", date(1998, 8, 7), title="Blast hits embassy"
    )
    soon = event_in_text(
        two,
        "Officials said more attacks may come soon.",
        "soon",
        date(1998, 8, 8),
        latest=date(9999, 12, 31),
        value="FUTURE_REF",
        title="-attacks may come",
    )
    story = make_story(name="Embassy bombings", articles=[one, two])
    return {
        "story": story, "articles": (one, two),
        "bombing": make_story_event(story=story, events=[blast_one, blast_two], title="Bomb explodes at embassy",
                                    status="approved"),
        "talks": make_story_event(story=story, events=[week], title="Talks fail", granularity="week"),
        "soon": make_story_event(story=story, events=[soon], title="-attacks may come"),
    }  # fmt: skip
