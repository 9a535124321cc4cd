"""The article's news without a time expression: its headline and lead, dated by the publication date.

English news states what happened in the headline and the first sentences of the body, and
dates it by the paper it appears in: "Apple has released an application that limits the
volume" is news of the day it is printed. So a main-clause happening there, told in the past
or present perfect (a headline's present tense tells the past: "Apple unveils iPod nano"),
that no time expression dates becomes an event on the article's date, with lower confidence
and the reason written down. What is negated ("did not release"), hypothetical or looked
forward to ("would", "may", "plans to", a headline's "to release") never becomes an event.
Later sentences are never dated this way: without a link in the text, nothing says they tell
the news rather than its background.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from timeline.temporal.events import pronoun_names
from timeline.temporal.parse import MAX_PARSED_SENTENCE_CHARS
from timeline.temporal.tense import FORWARD_MODALS, FUTURE_AUX
from timeline.temporal.titles import event_title
from timeline.temporal.types import EventCandidate, Sentence

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

LEAD_BODY_SENTENCES = 2  # the lead: the body's first two sentences, as news writing puts the news first
HEADLINE_MAX_CHARS = 150
LEAD_CONFIDENCE = 0.5  # below any time expression's event: the date is the paper's, not the text's
LEAD_EVIDENCE = "no time expression; the article's news, dated by its publication date"
HEADLINE_EVIDENCE = "no time expression; the headline's news, dated by its publication date"
NEGATIONS = {"not", "n't", "never", "no"}
HAVE = {"have", "has", "'ve", "'s"}


@dataclass(frozen=True)
class LeadExample:
    """A sentence of the lead and the happenings it must (or must not) yield, for the tests."""

    text: str
    headline: bool
    verbs: tuple[str, ...]  # the main verbs that become events, in order


EXAMPLES = (
    LeadExample("Apple unveils iPod nano", True, ("unveils",)),
    LeadExample("Apple to release new iPod", True, ()),
    LeadExample("Apple has released an application that limits the volume of its iPod players.", False,
                ("released",)),
    LeadExample("Steve Jobs, founder of Apple, announced the product and demonstrated its features.", False,
                ("announced", "demonstrated")),
    LeadExample("The iPhone 4 was introduced by Apple CEO Steve Jobs at the conference.", False, ("introduced",)),
    LeadExample("Apple did not release a new iPod.", False, ()),
    LeadExample("Apple would release a new iPod if sales improve.", False, ()),
    LeadExample("Apple may release a new iPod.", False, ()),
    LeadExample("The store currently sells music tracks.", False, ()),
    LeadExample("Apple never confirmed the report.", False, ()),
)  # fmt: skip


# Words of a picture's caption or credit: scraped pages put them above the lead.
CAPTION = re.compile(r"\b(?:photos?|photographs?|photographer|pictured|handout|file image|images?|video still)\b",
                     re.IGNORECASE)  # fmt: skip
CAPTION_EXAMPLES = (
    ("Some of the photos in this handout have been blurred by the source.", True),
    ("Rescue workers search the rubble in this photo taken Friday.", True),
    ("Apple has released an application that limits the volume of its iPod players.", False),
    ("Police said two men were arrested near the embassy.", False),
)


def is_caption(text: str) -> bool:
    """A sentence about a picture (a caption or credit line), never the article's news."""
    return bool(CAPTION.search(text))


def is_headline(sentence: Sentence, text: str) -> bool:
    """The first sentence standing alone on its line with no closing stop: the headline."""
    line_end = text.find("\n", sentence.end)
    rest_of_line = text[sentence.end : line_end if line_end >= 0 else len(text)]
    return (
        sentence.index == 0
        and not rest_of_line.strip()
        and len(sentence.text) <= HEADLINE_MAX_CHARS
        and not sentence.text.rstrip().endswith((".", "!", "?"))
    )


def lead_sentences(sentences: Sequence[Sentence], text: str, metadata: Sequence[tuple[int, int]]) -> list[int]:
    """Indices of the headline (when there is one) and of the body's first sentences.

    A dateline or "Published:" line (``metadata``) and a line too short to be prose are skipped.
    """
    lead, body = [], 0
    for sentence in sentences:
        if is_headline(sentence, text):
            lead.append(sentence.index)
            continue
        if any(start <= sentence.start and sentence.end <= end for start, end in metadata):
            continue
        if len(sentence.text.split()) < 4 or len(sentence.text) > MAX_PARSED_SENTENCE_CHARS:
            continue  # a dateline, byline or caption fragment; or a table, never parsed
        if is_caption(sentence.text):
            continue  # a picture's caption or credit tells of the picture, not the news
        lead.append(sentence.index)
        body += 1
        if body == LEAD_BODY_SENTENCES:
            break
    return lead


def _main_verbs(doc: Doc) -> list[Token]:
    roots = [t for t in doc if t.dep_ == "ROOT" and t.pos_ in ("VERB", "AUX")]
    return [v for root in roots for v in (root, *(c for c in root.children if c.dep_ == "conj" and c.pos_ == "VERB"))]


def tells_news(verb: Token, *, headline: bool) -> bool:
    """A happening told as done: past, present perfect or past passive, or a headline's present."""
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxiliaries}
    if any(c.dep_ == "neg" or c.lower_ in NEGATIONS for c in verb.children):
        return False
    if words & (FUTURE_AUX | FORWARD_MODALS) or any(a.lower_ == "to" for a in auxiliaries):
        return False
    if verb.tag_ == "VBD" and not auxiliaries:
        return True
    if verb.tag_ == "VBN":
        return bool(words & HAVE) or any(a.tag_ == "VBD" for a in auxiliaries)
    return headline and verb.tag_ in ("VBZ", "VBP") and not auxiliaries


def propose_lead_events(
    sentences: Sequence[Sentence],
    dated: Sequence[EventCandidate],
    docs: dict[int, Doc],
    text: str,
    metadata: Sequence[tuple[int, int]] = (),
    read: Callable[[int], Doc | None] | None = None,
) -> list[EventCandidate]:
    """Events for the news of the headline and lead that no time expression dates (the article's date).

    A sentence that already holds an event of a time expression (``dated``) is left to it: its
    date is the text's own word on when, and may well reach the sentence's other clauses. So is
    the headline when the lead it sums up is dated: "Failure grounds flights" over "grounded
    400 flights on Thursday" happened on Thursday, not on the day it was printed.
    """
    events = []
    dated_sentences = {event.sentence for event in dated}
    lead = lead_sentences(sentences, text, metadata)
    body_dated = any(i in dated_sentences for i in lead if not is_headline(sentences[i], text))
    for index in lead:
        doc = docs.get(index)
        if doc is None or index in dated_sentences:
            continue
        headline = is_headline(sentences[index], text)
        if headline and body_dated:
            continue  # the headline sums up the lead, whose own date ("on Thursday") is the happening's
        for verb in _main_verbs(doc):
            if not tells_news(verb, headline=headline):
                continue
            evidence = HEADLINE_EVIDENCE if headline else LEAD_EVIDENCE
            names = pronoun_names(index, read) if read is not None else None  # "It released" -> "Apple releases"
            title = event_title(verb, set(), names=names)
            events.append(EventCandidate(index, None, title, evidence, LEAD_CONFIDENCE))
    return events
