"""Score story grouping against annotated stories, in memory (no Django, no database).

A story folder holds ``manifest.jsonl`` (one article a line: ``path`` relative to the folder,
optional ``title``, ``published`` YYYY-MM-DD, ``source``, ``url``) and ``annotations.json``:
``{"happenings": [{"id", "date": "YYYY-MM-DD" or "YYYY-MM-DD/YYYY-MM-DD", "mentions":
[[article path, time phrase, words of its sentence], ...]}]}``. Each annotated mention is found
among the engine's events (the event of that article whose sentence holds the words and whose
time phrase is the phrase); grouping is scored on cross-article pairs of annotated mentions.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import combinations
from pathlib import Path

from timeline.stories.clustering import Group, group_mentions
from timeline.stories.features import MentionInput, mention_features
from timeline.stories.similarity import Similarity, tfidf_similarity
from timeline.stories.titles import DatedMention, consensus_date
from timeline.temporal.batch import BatchItem, extract_many
from timeline.temporal.types import Extraction


class StoryFormatError(ValueError):
    """A story folder's manifest or annotations cannot be read; the message says where."""


@dataclass(frozen=True)
class ManifestArticle:
    path: str
    text: str
    published: date | None
    title: str = ""
    source: str = ""


@dataclass(frozen=True)
class GoldMention:
    article: str
    phrase: str
    words: str
    happening: str
    gold_earliest: date
    gold_latest: date


@dataclass
class StoryScore:
    """Pairwise cross-article scores and date accuracy for one story (or several added up)."""

    name: str
    true_pairs: int = 0
    predicted_pairs: int = 0
    correct_pairs: int = 0
    mentions: int = 0
    found: int = 0
    dates_right: int = 0
    story_dates_right: int = 0
    unfound: list[str] = field(default_factory=list)
    wrong_pairs: list[str] = field(default_factory=list)
    missed_pairs: list[str] = field(default_factory=list)
    wrong_dates: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.correct_pairs / self.predicted_pairs if self.predicted_pairs else 1.0

    @property
    def recall(self) -> float:
        return self.correct_pairs / self.true_pairs if self.true_pairs else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: StoryScore) -> None:
        for name in ("true_pairs", "predicted_pairs", "correct_pairs", "mentions", "found", "dates_right",
                     "story_dates_right"):  # fmt: skip
            setattr(self, name, getattr(self, name) + getattr(other, name))


def read_manifest(folder: Path) -> list[ManifestArticle]:
    manifest = folder / "manifest.jsonl"
    if not manifest.is_file():
        raise StoryFormatError(f"{folder.name}: no manifest.jsonl")
    articles = []
    for number, line in enumerate(manifest.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            path = folder / row["path"]
            published = date.fromisoformat(row["published"]) if row.get("published") else None
        except (ValueError, KeyError, TypeError) as error:
            raise StoryFormatError(f"{manifest.name} line {number}: {error}") from error
        if not path.resolve().is_relative_to(folder.resolve()) or not path.is_file():
            raise StoryFormatError(f"{manifest.name} line {number}: no article file {row['path']!r} in the folder")
        articles.append(ManifestArticle(row["path"], path.read_text(encoding="utf-8"), published,
                                        row.get("title", ""), row.get("source", "")))  # fmt: skip
    return articles


def read_annotations(folder: Path) -> list[GoldMention]:
    try:
        data = json.loads((folder / "annotations.json").read_text(encoding="utf-8"))
        gold = []
        for happening in data["happenings"]:
            first, _, last = happening["date"].partition("/")
            earliest, latest = date.fromisoformat(first), date.fromisoformat(last or first)
            for article, phrase, words in happening["mentions"]:
                gold.append(GoldMention(article, phrase, words, happening["id"], earliest, latest))
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise StoryFormatError(f"{folder.name}/annotations.json: {error}") from error
    return gold


def engine_mentions(articles: Sequence[ManifestArticle]) -> list[MentionInput]:
    """Every engine event of the articles as a mention (event ids numbered in order; article id = position)."""
    items = [BatchItem(key=n, text=a.text, dct=a.published) for n, a in enumerate(articles)]
    mentions = []
    for result in extract_many(items):
        if result.extraction is None:
            raise StoryFormatError(f"{articles[result.key].path}: {result.error}")
        mentions += _mentions_of(result.key, result.extraction, start_id=len(mentions))
    return mentions


def _mentions_of(article: int, extraction: Extraction, start_id: int) -> list[MentionInput]:
    out = []
    for n, event in enumerate(extraction.events):
        sentence = extraction.sentences[event.sentence]
        if event.expression is None:  # the article's news, on the article's date
            if extraction.dct is None:
                continue
            earliest = latest = extraction.dct
            granularity, phrase_start, phrase_end = "day", -1, -1
        else:
            expression = extraction.expressions[event.expression]
            earliest, latest, _, granularity = extraction.event_dates(event)
            phrase_start, phrase_end = expression.start - sentence.start, expression.end - sentence.start
        out.append(MentionInput(
            event_id=start_id + n, article_id=article, earliest=earliest, latest=latest, granularity=granularity,
            title=event.title, sentence=sentence.text, phrase_start=phrase_start, phrase_end=phrase_end,
        ))  # fmt: skip
    return out


def find_mention(gold: GoldMention, mentions: Iterable[MentionInput], article_id: int) -> MentionInput | None:
    """The engine event for an annotated mention: same article, sentence holding the words, same phrase."""
    candidates = [m for m in mentions if m.article_id == article_id and gold.words in m.sentence]
    exact = [m for m in candidates if m.sentence[m.phrase_start : m.phrase_end] == gold.phrase]
    if exact:
        return exact[0]
    return candidates[0] if len(candidates) == 1 else None


def score_story(
    folder: Path, *, similarity: Similarity = tfidf_similarity, threshold: float | None = None
) -> StoryScore:
    articles = read_manifest(folder)
    gold = read_annotations(folder)
    article_ids = {a.path: n for n, a in enumerate(articles)}
    mentions = engine_mentions(articles)
    options = {"similarity": similarity} | ({"threshold": threshold} if threshold is not None else {})
    groups = group_mentions(mention_features(mentions), **options)
    return compare(folder.name, gold, mentions, groups, article_ids)


def compare(
    name: str,
    gold: Sequence[GoldMention],
    mentions: Sequence[MentionInput],
    groups: Sequence[Group],
    article_ids: dict[str, int],
) -> StoryScore:
    score = StoryScore(name, mentions=len(gold))
    group_of = {e: n for n, g in enumerate(groups) for e in g.event_ids}
    by_id = {m.event_id: m for m in mentions}
    found: list[tuple[GoldMention, MentionInput]] = []
    for g in gold:
        if g.article not in article_ids:
            raise StoryFormatError(f"{name}: annotation names {g.article!r}, which the manifest does not list")
        mention = find_mention(g, mentions, article_ids[g.article])
        if mention is None:
            score.unfound.append(f"{g.happening}: {g.article} “{g.phrase}” in “{g.words}”")
            continue
        found.append((g, mention))
        if (mention.earliest, mention.latest) == (g.gold_earliest, g.gold_latest):
            score.dates_right += 1
        else:
            score.wrong_dates.append(f"{g.article} “{g.phrase}”: {mention.earliest}..{mention.latest}, "
                                     f"annotated {g.gold_earliest}..{g.gold_latest}")  # fmt: skip
        # A negated or hypothetical mention is in no group: it stands alone, on its own date.
        grouped = mention.event_id in group_of
        members = [by_id[e] for e in groups[group_of[mention.event_id]].event_ids] if grouped else [mention]
        consensus = consensus_date([DatedMention(m.earliest, m.latest, "", m.granularity) for m in members])
        score.story_dates_right += (consensus.earliest, consensus.latest) == (g.gold_earliest, g.gold_latest)
    score.found = len(found)
    for (ga, a), (gb, b) in combinations(found, 2):
        if a.article_id == b.article_id:
            continue
        same_gold = ga.happening == gb.happening
        same_group = a.event_id in group_of and group_of[a.event_id] == group_of.get(b.event_id)
        score.correct_pairs += same_gold and same_group
        score.predicted_pairs += same_group
        if same_group and not same_gold:
            score.wrong_pairs.append(f"{ga.happening} ({ga.article}) ~ {gb.happening} ({gb.article})")
        if same_gold and not same_group:
            score.missed_pairs.append(f"{ga.happening}: {ga.article} / {gb.article}")
    # Pairs whose mentions the engine never produced still count as true pairs (missed).
    score.true_pairs = sum(
        ga.happening == gb.happening and ga.article != gb.article for ga, gb in combinations(gold, 2)
    )
    return score
