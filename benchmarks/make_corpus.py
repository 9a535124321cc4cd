"""Write N realistic news-style article files for the benchmarks, deterministically.

    python benchmarks/make_corpus.py 1000 --out /tmp/corpus [--seed 7]

Each article gets its own date (DCT) in 2024-2025, a length of 300-1500 words, a
headline, a dateline and/or "Published:" line (one in ten has no date at all, as
some archives do), paragraphs of templated sentences whose time expressions agree
with the DCT, and paragraphs taken from the gold fixtures' own texts. As in the gold
files, about seven sentences in ten hold a time expression. Files are .txt, .md or
.html in the proportions an exported archive might have.
"""

from __future__ import annotations

import argparse
import html
import json
import random
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import corpus_templates as t  # noqa: E402

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]  # fmt: skip
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
FIRST_DCT, DCT_DAYS = date(2024, 1, 1), 730
MIN_WORDS, MODE_WORDS, MAX_WORDS = 300, 650, 1500
PLAIN_SHARE = 0.3  # of templated sentences, with no time word


@dataclass(frozen=True)
class GeneratedArticle:
    name: str
    dct: date | None
    words: int
    content: str


def fixture_paragraphs(root: Path = ROOT / "fixtures") -> list[str]:
    """Body paragraphs (12+ words) of the gold texts and the seed article, headlines and datelines left out."""
    texts = []
    for path in sorted((root / "gold").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        texts.append(data["text"] if "text" in data else (path.parent / data["text_file"]).read_text(encoding="utf-8"))
    paragraphs = []
    for text in dict.fromkeys(texts):
        blocks = [" ".join(b.split()) for b in text.replace("\r", "").split("\n\n")]
        if len(blocks) < 4:  # one paragraph per line (the seed article)
            blocks = [" ".join(line.split()) for line in text.splitlines()]
        paragraphs += [b for b in blocks[2:] if len(b.split()) >= 12]
    return paragraphs


def _month_shift(day: date, months: int) -> tuple[str, int]:
    index = day.year * 12 + day.month - 1 + months
    return MONTHS[index % 12], index // 12


def _long(day: date, with_year: bool) -> str:
    return f"{MONTHS[day.month - 1]} {day.day}, {day.year}" if with_year else f"{MONTHS[day.month - 1]} {day.day}"


def _slots(rng: random.Random, dct: date, topic: dict[str, list[str]]) -> dict[str, str]:
    """Fresh values for every slot, consistent with ``dct``."""
    past, future = dct - timedelta(days=rng.randint(3, 60)), dct + timedelta(days=rng.randint(3, 60))
    ahead = (dct + timedelta(days=rng.randint(1, 6))).weekday()
    behind = (dct - timedelta(days=rng.randint(1, 6))).weekday()
    org = rng.choice(topic["org"])
    past_month, past_month_year = _month_shift(dct, -rng.randint(1, 10))
    weekday = WEEKDAYS[dct.weekday()]
    return {
        "org": org, "Org": org[0].upper() + org[1:], "thing": rng.choice(topic["thing"]),
        "verb": rng.choice(topic["verb"]), "person": rng.choice(t.PEOPLE),
        "dct_weekday": weekday, "dct_month_day": _long(dct, False),
        "dct_day_phrase": rng.choice([f"on {weekday}", f"on {_long(dct, False)}", "today"]),
        "dct_day_phrase_short": rng.choice(["today", f"on {weekday}", "yesterday"]),
        "on_past_weekday": rng.choice(["on ", "last "]) + WEEKDAYS[behind],
        "last_weekday": rng.choice(["", "last "]) + WEEKDAYS[behind],
        "next_weekday": rng.choice(["", "next "]) + WEEKDAYS[ahead],
        "weekday": rng.choice(WEEKDAYS),
        "past_date": _long(past, past.year != dct.year), "future_date": _long(future, rng.random() < 0.3),
        "past_month_name": past_month, "year": str(past_month_year),
        "future_month_name": _month_shift(dct, rng.randint(1, 5))[0],
        "next_month_name": _month_shift(dct, 1)[0],
        "last_year": str(dct.year - 1), "next_year": str(dct.year + 1), "past_year": str(dct.year - rng.randint(2, 12)),
        "decade": str(rng.choice(range(1950, 2020, 10))), "century": rng.choice(t.CENTURIES),
        "future_season": rng.choice(t.SEASONS), "holiday": rng.choice(t.HOLIDAYS), "clock": rng.choice(t.CLOCKS),
        "ordinal": rng.choice(t.ORDINALS), "ordinal_next": t.ORDINALS[(dct.month - 1) // 3],
        "number": str(rng.randint(2, 900)), "number_word": rng.choice(t.NUMBER_WORDS),
        "money": f"${rng.randint(2, 950)} million", "percent": f"{rng.randint(1, 40)}.{rng.randint(0, 9)}",
    }  # fmt: skip


def _date_lines(rng: random.Random, dct: date, with_date: bool) -> tuple[list[str], str]:
    """Byline/metadata lines and the dateline that opens the first paragraph."""
    city, agency = rng.choice(t.CITIES), rng.choice(t.AGENCIES)
    if not with_date:
        return [rng.choice(t.SOURCES)], f"{city} ({agency}) - "
    style = rng.random()
    full = f"{WEEKDAYS[dct.weekday()]}, {_long(dct, True)}"
    if style < 0.5:
        return [rng.choice(t.SOURCES), f"Published: {full}"], f"{city}, {_long(dct, False)} ({agency}) - "
    if style < 0.85:
        return [rng.choice(t.SOURCES)], f"{city}, {_long(dct, True)} ({agency}) — "
    return [f"Updated {rng.choice(t.CLOCKS)} {full}"], f"{city} ({agency}) - "


def generate_article(rng: random.Random, number: int, paragraphs: list[str]) -> GeneratedArticle:
    topic_name = rng.choice(sorted(t.TOPICS))
    topic = t.TOPICS[topic_name]
    dct = FIRST_DCT + timedelta(days=rng.randrange(DCT_DAYS))
    with_date = rng.random() >= 0.1
    target = int(rng.triangular(MIN_WORDS, MAX_WORDS, MODE_WORDS))
    headline = rng.choice(t.HEADLINES).format(**_slots(rng, dct, topic))
    meta, dateline = _date_lines(rng, dct, with_date)
    body: list[str] = []
    deck: list[str] = []  # templates dealt without replacement, so an article rarely repeats one
    plain: list[str] = []
    words = len(headline.split()) + sum(len(line.split()) for line in meta)
    while words < target:
        if rng.random() < 0.55 or not paragraphs:
            if len(deck) < 4:
                deck += rng.sample(t.SENTENCES, len(t.SENTENCES))
            if len(plain) < 4:
                plain += rng.sample(t.PLAIN_SENTENCES, len(t.PLAIN_SENTENCES))
            slots = _slots(rng, dct, topic)
            paragraph = " ".join((plain if rng.random() < PLAIN_SHARE else deck).pop().format(**slots)
                                 for _ in range(rng.randint(2, 4)))  # fmt: skip
        else:
            paragraph = rng.choice(paragraphs)
        if words + len(paragraph.split()) > MAX_WORDS and body:
            break
        body.append(paragraph)
        words += len(paragraph.split())
    body[0] = dateline + body[0]
    kind = rng.choices(["txt", "md", "html"], weights=[70, 15, 15])[0]
    name = f"{number:05d}-{topic_name}.{kind}"
    return GeneratedArticle(name, dct if with_date else None, words, _render(kind, headline, meta, body))


def _render(kind: str, headline: str, meta: list[str], body: list[str]) -> str:
    if kind == "html":
        paragraphs = "".join(f"<p>{html.escape(p)}</p>\n" for p in meta + body)
        return (
            f"<!doctype html><html><head><title>{html.escape(headline)}</title></head>\n"
            f"<body><article><h1>{html.escape(headline)}</h1>\n{paragraphs}</article></body></html>\n"
        )
    title = f"# {headline}" if kind == "md" else headline
    return "\n\n".join([title, "\n".join(meta), *body]) + "\n"


def write_corpus(count: int, out: Path, seed: int = 7) -> list[GeneratedArticle]:
    """Write ``count`` articles into ``out`` (created); the same seed writes the same files."""
    rng = random.Random(seed)
    paragraphs = fixture_paragraphs()
    out.mkdir(parents=True, exist_ok=True)
    articles, seen = [], set()
    while len(articles) < count:
        article = generate_article(rng, len(articles) + 1, paragraphs)
        if article.content in seen:
            continue  # vanishingly rare; every file must be a new text
        seen.add(article.content)
        (out / article.name).write_text(article.content, encoding="utf-8")
        articles.append(article)
    return articles


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int, help="number of articles")
    parser.add_argument("--out", type=Path, default=Path("benchmark-corpus"), help="folder to write (created)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    articles = write_corpus(args.count, args.out, args.seed)
    words = sum(a.words for a in articles)
    print(
        f"Wrote {len(articles)} articles ({words:,} words, {words // max(len(articles), 1)} on average) to {args.out}"
    )


if __name__ == "__main__":
    main()
