"""A synthetic newsroom story, deterministically: many outlets reporting a year of happenings.

Each happening has an actor, an action (two phrasings that news copy uses for it), often an
object, a place and a date. An article reports mostly happenings of the days before its date
that other articles also report (popular ones more often), in its own words and with its own
kind of time phrase (a weekday, a month-day, "last week", a month), plus happenings only it
reports. So the story mixes shared and distinct happenings, near-misses on the same day
(another actor, another action) and wide dates that overlap many others, as a long story does.
Plain Python: ``stories_scale.py`` writes the rows.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

START = date(2025, 1, 1)
SPAN_DAYS = 365
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]  # fmt: skip
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
ACTORS = [
    "the transit union", "Harlow Foods", "the city council", "Crestline Motors", "the port authority",
    "prosecutors", "the health ministry", "Baystate Energy", "the teachers' union", "the central bank",
    "Governor Priya Raman", "Mayor Tom Halvorsen", "the appeals court", "Orion Retail", "the water authority",
    "Senator Grace Okafor", "the police", "the rail operator", "Northfield Brands", "the opposition party",
    "the pilots' union", "the school board", "Kenji Watanabe", "the fire service", "the national archive",
]  # fmt: skip
# (past tense, alternative past tense, objects it takes; "" for none)
ACTIONS = [
    ("approved", "passed", ["the budget", "the housing plan", "the fare increase", "the merger"]),
    ("rejected", "voted down", ["the budget", "the pay offer", "the zoning change", "the bond measure"]),
    ("went on strike", "walked out", [""]),
    ("resigned", "stepped down", [""]),
    ("signed", "reached", ["a deal", "an agreement", "a settlement"]),
    ("arrested", "detained", ["two men", "a suspect", "three protesters"]),
    ("opened", "launched", ["an inquiry", "the new terminal", "the factory", "a review"]),
    ("closed", "shut", ["the plant", "the bridge", "the station", "two schools"]),
    ("charged", "indicted", ["the driver", "the former director", "a contractor"]),
    ("met", "held talks with", ["the mediator", "the minister", "union leaders"]),
    ("raised", "increased", ["interest rates", "prices", "the fee"]),
    ("sued", "filed a lawsuit against", ["the state", "the operator", "the developer"]),
]
PLACES = ["Brevik", "Millbrook", "Portland", "Denver", "Geneva", "Harlan County", "Kessel", "Ashford",
          "Lakeside", "Northgate", "Riverton", "Westfield"]  # fmt: skip
OUTLETS = ["Coastline Wire", "Meridian Press", "Northern Ledger", "Harbor Daily", "Globe Ledger",
           "Capital Courier", "Transport Today", "Atlantic Business Wire"]  # fmt: skip
TAILS = ["", ", officials said", ", according to a statement", ", a spokesperson confirmed", " after weeks of delay",
         ", witnesses said", " despite protests", ", the agency said"]  # fmt: skip


@dataclass(frozen=True)
class Happening:
    actor: str
    action: int
    object: str
    place: str
    day: date


@dataclass(frozen=True)
class Mention:
    """One dated sentence as the engine would store it: the phrase at [start, end) of ``sentence``."""

    sentence: str
    start: int
    end: int
    earliest: date
    latest: date
    granularity: str
    value: str
    title: str
    happening: int  # index of the happening it reports (the truth, for checking)


@dataclass(frozen=True)
class SyntheticArticle:
    title: str
    source: str
    published: date
    mentions: list[Mention]


def happening_pool(rng: random.Random, count: int) -> list[Happening]:
    pool = []
    for _ in range(count):
        action = rng.randrange(len(ACTIONS))
        pool.append(Happening(rng.choice(ACTORS), action, rng.choice(ACTIONS[action][2]), rng.choice(PLACES),
                              START + timedelta(days=rng.randrange(SPAN_DAYS))))  # fmt: skip
    return sorted(pool, key=lambda h: h.day)


def phrase_for(rng: random.Random, day: date, published: date) -> tuple[str, date, date, str, str]:
    """(phrase, earliest, latest, granularity, value): mostly a day, sometimes a week or a month."""
    roll = rng.random()
    if roll < 0.08 and (published - day).days < 14:
        monday = day - timedelta(days=day.weekday())
        iso = monday.isocalendar()
        return "last week", monday, monday + timedelta(days=6), "week", f"{iso.year}-W{iso.week:02d}"
    if roll < 0.12:
        first = day.replace(day=1)
        last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        return f"in {MONTHS[day.month - 1]}", first, last, "month", f"{day.year}-{day.month:02d}"
    if roll < 0.55 and (published - day).days < 7:
        return f"on {WEEKDAYS[day.weekday()]}", day, day, "day", day.isoformat()
    return f"on {MONTHS[day.month - 1]} {day.day}", day, day, "day", day.isoformat()


def tell(rng: random.Random, happening: Happening, index: int, published: date) -> Mention:
    """One outlet's sentence for ``happening``: either phrasing, the time phrase first or last."""
    past = ACTIONS[happening.action][rng.randrange(2)]
    what = f"{past} {happening.object}".strip()
    phrase, earliest, latest, granularity, value = phrase_for(rng, happening.day, published)
    actor = happening.actor[0].upper() + happening.actor[1:]
    if rng.random() < 0.3:
        head = f"{phrase[0].upper()}{phrase[1:]}, {happening.actor} "
        sentence = f"{head}{what} in {happening.place}{rng.choice(TAILS)}."
        start = 0
    else:
        head = f"{actor} {what} in {happening.place} "
        sentence = f"{head}{phrase}{rng.choice(TAILS)}."
        start = len(head)
    title = f"{actor} {what}"
    return Mention(sentence, start, start + len(phrase), earliest, latest, granularity, value, title, index)


def synthetic_story(articles: int = 1000, mentions_per_article: int = 10, seed: int = 7) -> list[SyntheticArticle]:
    """``articles`` articles of ``mentions_per_article`` mentions; about 60% of mentions are of
    happenings other articles report too, the rest of happenings only one article tells."""
    rng = random.Random(seed)
    shared = happening_pool(rng, articles * 2)
    popularity = [rng.paretovariate(1.2) for _ in shared]
    own = happening_pool(rng, articles * mentions_per_article)
    story = []
    for n in range(articles):
        published = START + timedelta(days=7 + n * (SPAN_DAYS - 7) // articles)
        recent = [i for i, h in enumerate(shared) if 0 <= (published - h.day).days <= 10]
        chosen = rng.choices(recent, [popularity[i] for i in recent], k=mentions_per_article * 3) if recent else []
        picked = list(dict.fromkeys(chosen))[: mentions_per_article * 6 // 10]
        mentions = [tell(rng, shared[i], i, published) for i in picked]
        for k in range(mentions_per_article - len(mentions)):
            index = n * mentions_per_article + k
            happening = own[index]
            happening = Happening(happening.actor, happening.action, happening.object, happening.place,
                                  published - timedelta(days=rng.randrange(10)))  # fmt: skip
            mentions.append(tell(rng, happening, len(shared) + index, published))
        outlet = OUTLETS[n % len(OUTLETS)]
        story.append(SyntheticArticle(f"{mentions[0].title} ({n})", outlet, published, mentions))
    return story
