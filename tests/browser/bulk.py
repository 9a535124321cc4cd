"""Many events fast (bulk inserts), for scale tests of the timeline page."""

from __future__ import annotations

from datetime import date, timedelta

from tests.factories import make_article
from timeline.models import Article, Event, Sentence, TemporalExpression

DCT = date(2024, 4, 13)


def make_many_events(*, articles: int, events: int) -> list[Article]:
    """``events`` events spread over ``articles`` articles and two years; every third is a week range."""
    made = [
        make_article(title=f"Scale article {n} about a long running story", published=DCT - timedelta(days=n * 9))
        for n in range(articles)
    ]
    sentences = []
    for n in range(events):
        article = made[n % articles]
        text = f"Sentence {n}: officials said the talks were difficult and long, and resumed on Friday."
        sentences.append(
            Sentence(article=article, index=n // articles, start=n * 100, end=n * 100 + len(text), text=text)
        )
    Sentence.objects.bulk_create(sentences, batch_size=2000)
    sentences = list(Sentence.objects.filter(article__in=made).order_by("article_id", "index"))
    expressions, drafts = [], []
    for n, sentence in enumerate(sentences):
        earliest = DCT - timedelta(days=n % 730)
        latest = earliest + timedelta(days=6) if n % 3 == 0 else earliest
        at = sentence.text.index("Friday")
        expressions.append(TemporalExpression(
            article_id=sentence.article_id, sentence=sentence, index=sentence.index, start=sentence.start + at,
            end=sentence.start + at + 6, text="Friday", type="DATE", value=earliest.isoformat(), earliest=earliest,
            latest=latest, granularity="week" if latest > earliest else "day", rule="bulk",
        ))  # fmt: skip
    TemporalExpression.objects.bulk_create(expressions, batch_size=2000)
    for expression in TemporalExpression.objects.filter(article__in=made).select_related("sentence"):
        drafts.append(Event(
            article_id=expression.article_id, sentence=expression.sentence, expression=expression,
            key=f"bulk-{expression.pk}", title=f"Talks resume ({expression.pk})", earliest=expression.earliest,
            latest=expression.latest, value=expression.value, granularity=expression.granularity,
            status=Event.Status.APPROVED if expression.pk % 7 == 0 else Event.Status.PROPOSED,
        ))  # fmt: skip
    Event.objects.bulk_create(drafts, batch_size=2000)
    return made
