"""The lead sentence of a news body: the title of an article that came without a headline.

A wire story without a headline is titled by its lead: the first real sentence of the body,
after any dateline. A line from further down is never a title, and neither is a sentence
that only quotes someone, a statistics line ("Treated and discharged: 4,257") or a line
that introduces what follows ("a Justice Department spokesman said:"). Pure functions over
plain text; each kind of non-sentence is data with its examples, and the tests come from them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_OPENING_QUOTES = "\"“‘'«"
_CLOSING_QUOTES = "\"”’'»"


@dataclass(frozen=True)
class NotALead:
    """A kind of sentence or line that never titles an article, with what it must and must not match."""

    name: str
    pattern: re.Pattern[str]
    examples: tuple[str, ...]
    negatives: tuple[str, ...]


QUOTATION = NotALead(
    "quotation",
    # Opens with a quotation mark, or closes one it never opened (the end of a quoted paragraph).
    re.compile(rf"^[ \t]*[{_OPENING_QUOTES}]|^[^\"“”]*[^\s{_OPENING_QUOTES}][.,!?;]?[”\"][ \t]*$"),
    examples=(
        "“We will rebuild,” the mayor said on Friday.",
        '"It was a terrible blast," said a witness.',
        "to make sure it never happens again.”",
        'and we will find them."',
        "‘Never again’ is the promise.",
    ),
    negatives=(
        "A bomb exploded near the U.S. Embassy on Friday.",
        "He called the attack “cowardly.”",
        'The minister called it "a tragedy" on Saturday.',
    ),
)

STATISTIC = NotALead(
    "statistics line",
    # "Label: number" (a fact box, a tally), optionally with a short unit after the number.
    re.compile(
        r"^[ \t]*[^\W\d][^:.!?]{0,60}:[ \t]*"
        r"(?:(?:about|almost|nearly|some|over|at[ ]least|more[ ]than|up[ ]to)[ ]+)?"
        r"[-+~]?[$€£]?\d[\d,.]*[ \t]*(?:%|[^\W\d]+(?:[ ][^\W\d]+)?)?[ \t]*$"
    ),
    examples=(
        "Treated and discharged: 4,257",
        "Dead: 257",
        "Injured: about 5,000",
        "Death toll: 224 people",
        "Turnout: 61.5%",
    ),
    negatives=(
        "Treated and discharged, 4,257 people went home on Sunday.",
        "Kenya: bomb kills 80",
        "The toll rose to 224 on Saturday.",
    ),
)

LEAD_IN = NotALead(
    "line ending in a colon",
    re.compile(r".*:[ \t]*$"),
    examples=(
        "a Justice Department spokesman said:",
        "The statement read in full:",
        "Here is what we know:",
    ),
    negatives=("Kenya: bomb kills 80", "The spokesman said the talks would resume."),
)

NOT_LEADS = (QUOTATION, STATISTIC, LEAD_IN)

# Words whose full stop ends no sentence: titles, months, company suffixes, initials.
ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt", "cmdr", "adm", "prof", "st",
    "rev", "jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec", "no", "inc", "corp", "co", "ltd",
    "jr", "sr", "vs", "mt", "ft", "pres", "gov't", "dept", "univ", "assn", "bros",
})  # fmt: skip
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*(?=\s+[\"“‘(\[]?[A-Z0-9])")
_WORD = re.compile(r"[^\W\d_]{2,}")

# (body, its lead sentence): what ``lead_sentence`` must return.
LEAD_EXAMPLES: tuple[tuple[str, str], ...] = (
    (
        "A huge bomb exploded near the U.S. Embassy in Nairobi on Friday. At least 80 people died.",
        "A huge bomb exploded near the U.S. Embassy in Nairobi on Friday.",
    ),
    (
        "Gen. Anthony Zinni met Mr. Sharif on Aug. 7 in Islamabad. Talks followed.",
        "Gen. Anthony Zinni met Mr. Sharif on Aug. 7 in Islamabad.",
    ),
    (
        "“We will rebuild,” the mayor said. Rescuers worked through the night in Dar es Salaam.",
        "Rescuers worked through the night in Dar es Salaam.",
    ),
    (
        "Dead: 257\nInjured: about 5,000\nThe toll rose on Sunday as rescuers dug.",
        "The toll rose on Sunday as rescuers dug.",
    ),
    ("Treated and discharged: 4,257", ""),
    (
        '"We are here. We will stay," he said. The army withdrew from the town on Monday.',
        "The army withdrew from the town on Monday.",
    ),
    ("A Justice Department spokesman said:\n“We will not comment.”", ""),
)


def lead_sentence(body: str) -> str:
    """The first real sentence of ``body`` (lines already free of dateline, byline and debris), or "".

    A sentence that opens inside a quotation (``"We are here. We will stay."``) is part of it."""
    for line in body.split("\n"):
        inside = False
        for sentence in sentences(" ".join(line.split())):
            quoted, inside = inside, _inside_quote_after(sentence, inside)
            if not quoted and len(_WORD.findall(sentence)) >= 3 and not is_not_a_lead(sentence):
                return sentence
    return ""


def _inside_quote_after(sentence: str, inside: bool) -> bool:
    """Whether a quotation is still open after ``sentence``: "“" opens, "”" closes, '"' toggles."""
    for char in sentence:
        if char == "“":
            inside = True
        elif char == "”":
            inside = False
        elif char == '"':
            inside = not inside
    return inside


def is_not_a_lead(text: str) -> bool:
    """Whether ``text`` is a quotation, a statistics line or a line ending in a colon."""
    return any(kind.pattern.match(text) for kind in NOT_LEADS)


def sentences(line: str) -> Iterator[str]:
    """The sentences of one paragraph, split after a full stop, "!" or "?" that ends no abbreviation."""
    start = 0
    for end in _SENTENCE_END.finditer(line):
        words = line[start : end.start()].split()
        word = words[-1].lstrip(_OPENING_QUOTES + "([") if words else ""
        if word.lower() in ABBREVIATIONS or (len(word) == 1 and word.isalpha()) or "." in word:
            continue  # "Gen. Zinni", "J. Smith", "the U.S. Embassy"
        yield line[start : end.end()].strip()
        start = end.end()
    if rest := line[start:].strip():
        yield rest
