"""Time expressions that only describe a thing ("the 1950s earthen dam") date no event.

A date written before a noun, inside its noun phrase ("the 1950s dam", "last year's budget"),
tells what kind of thing it is, not when the clause happened. It still dates an event when that
noun is itself a happening ("the March 12 flood", "Thursday's outage"). Pure functions over
spaCy spans; the examples below are what the tests check.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


# Happening nouns a suffix does not give away ("flood", "outage"); -tion/-sion/-ment/-ing/-al
# nouns are happenings unless listed in NOT_HAPPENINGS.
HAPPENING_NOUNS = frozenset({
    "flood", "fire", "storm", "outage", "attack", "strike", "crash", "collapse", "blast", "quake",
    "earthquake", "war", "battle", "raid", "vote", "summit", "visit", "trip", "talks", "speech", "crisis",
    "protest", "riot", "rally", "race", "match", "game", "concert", "festival", "ceremony", "trial",
    "verdict", "deal", "merger", "launch", "release", "report", "accident", "incident", "disaster",
    "hurricane", "tornado", "blizzard", "eruption", "spill", "leak", "shutdown", "lockdown", "closure",
    "failure", "departure", "arrival", "cut", "hike", "rise", "fall", "drop", "surge", "sale", "auction",
    "move", "change", "campaign", "invasion", "coup", "ceasefire", "truce", "flight", "eclipse", "surgery",
    "injury", "death", "birth", "funeral", "resignation", "takeover", "bankruptcy", "recall", "recession",
    "conference", "session", "episode", "event", "outbreak", "pandemic", "epidemic", "freeze", "heatwave",
    "drought", "snowstorm", "rainstorm", "downpour", "shooting", "bombing", "derailment", "fight", "break",
    "walkout", "debate", "interview", "hearing", "meeting", "inspection", "evacuation",
    # a stretch of time is when things happen ("the morning rush hour")
    "hour", "shift", "period", "season", "rush", "commute", "service",
})  # fmt: skip
HAPPENING_SUFFIXES = ("tion", "sion", "ment", "ing", "al")
NOT_HAPPENINGS = frozenset({
    "nation", "station", "population", "foundation", "institution", "constitution", "position", "section",
    "portion", "location", "organization", "administration", "legislation", "information", "condition",
    "collection", "edition", "generation", "government", "department", "apartment", "equipment",
    "parliament", "document", "instrument", "environment", "basement", "pavement", "element", "monument",
    "management", "segment", "supplement", "building", "ceiling", "wing", "string", "thing", "king", "ring",
    "spring", "evening", "morning", "clothing", "housing", "railing", "siding", "lining", "offspring",
    "sibling", "dumpling", "animal", "official", "hospital", "capital", "terminal", "canal", "metal",
    "signal", "journal", "local", "material", "rival", "principal", "criminal", "general", "cardinal",
    "individual", "professional", "potential", "total", "portal", "pedal", "tribunal", "council",
})  # fmt: skip

# (sentence, the time phrase, whether it only describes a thing)
EXAMPLES = (
    ("Water covered every street below the 1950s earthen dam.", "the 1950s", True),
    ("The 64-year-old steel span fell into the water.", "The 64-year-old", True),
    ("Lawmakers cut last year's budget.", "last year", True),
    ("The March 12 flood destroyed the bridge.", "March 12", False),
    ("Thursday's outage cut power to 4,000 homes.", "Thursday", False),
    ("The 2008 financial crisis hit banks.", "2008", False),
    ("The Monday meeting was cancelled.", "Monday", False),
    ("On Tuesday officials closed the road.", "Tuesday", False),
    ("In January 2020 police arrested two men.", "January 2020", False),
    ("The storm hit the coast last Friday.", "last Friday", False),
    ("Trains ran every ten minutes during the morning rush hour.", "the morning", False),
)

_DETERMINERS = ("DT", "PRP$", "WP$", "POS")


def is_happening_noun(noun: Token) -> bool:
    """ "flood", "outage", "evacuation", "bombing": a noun that names something that happens."""
    lemma = noun.lemma_.lower()
    if lemma in HAPPENING_NOUNS or noun.lower_ in HAPPENING_NOUNS:
        return True
    return lemma not in NOT_HAPPENINGS and lemma.endswith(HAPPENING_SUFFIXES) and len(lemma) > 5


def described_noun(span: Span) -> Token | None:
    """The noun a time phrase is written into ("the 1950s [earthen] dam", "Thursday['s] outage"),
    or None when the phrase stands on its own ("on Tuesday", "last Friday")."""
    doc = span.doc
    opens_phrase = span[0].tag_ in _DETERMINERS or (
        span.start > span.sent.start and doc[span.start - 1].tag_ in _DETERMINERS
    )
    i = span.end
    if i < span.sent.end and doc[i].tag_ == "POS":  # "Thursday's outage"
        opens_phrase, i = True, i + 1
    if not opens_phrase:
        return None
    noun = None
    while i < span.sent.end and doc[i].pos_ in ("ADJ", "NOUN", "PROPN") and not doc[i].is_punct:
        noun = doc[i] if doc[i].pos_ in ("NOUN", "PROPN") else noun
        i += 1
    return noun


def only_describes(span: Span) -> bool:
    """Whether the time phrase describes a thing that is not a happening: it dates no event."""
    noun = described_noun(span)
    return noun is not None and not is_happening_noun(noun)
