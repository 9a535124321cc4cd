"""The top of a news text: its dateline (the place), and its headline among credits, bylines and debris.

Pure functions over plain text (no Django, no spaCy). Each kind of line is a pattern
kept as data with the lines it must and must not match; the tests are generated from them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from timeline.ingest.lead_sentence import is_not_a_lead, lead_sentence

_WORD = re.compile(r"[^\W\d_]{2,}")
# A headline is short; wire ledes and photo captions run longer and end with a full stop.
HEADLINE_MAX_WORDS = 20
TITLE_MAX_CHARS = 120
_DASH = r"(?:--|[-–—_])"
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)


@dataclass(frozen=True)
class LineKind:
    """A kind of line that is never the headline, with lines it must and must not match."""

    name: str
    pattern: re.Pattern[str]
    examples: tuple[str, ...]
    negatives: tuple[str, ...]


@dataclass(frozen=True)
class Dateline:
    """Where a wire story was filed (``place`` as a reader writes it) and by which agency."""

    place: str
    agency: str


# "NAIROBI, Kenya (AP) --", "HAVANA, August 7 (Xinhua) --", "WASHINGTON (Reuters) -", "LONDON —",
# "Nairobi, Kenya (AP) _": the city in capitals, or any capitalised place when an agency follows.
DATELINE = LineKind(
    "dateline",
    re.compile(
        rf"^[ \t]*(?:(?P<caps>[A-Z][A-Z.'’-]+(?:[ ][A-Z][A-Z.'’-]+)*)|(?P<mixed>[A-Z][\w.'’-]+(?:[ ][A-Z][\w.'’-]+)*))"
        rf"(?:,[ ]*(?P<region>(?!{_MONTH}[ ]*\d)[A-Z][\w.'’-]+(?:[ ][A-Z][\w.'’-]+)*))?"
        rf"(?:,?[ ]+{_MONTH}[ ]*\d{{1,2}}(?:,[ ]*\d{{4}})?)?"
        rf"[ ]*(?:\((?P<agency>[A-Za-z][\w .&-]{{0,30}})\))?[ ]*{_DASH}(?=[ ]|$)"
    ),
    examples=(
        "NAIROBI, Kenya (AP) -- A bomb exploded near the U.S. Embassy on Friday.",
        "HAVANA, August 7 (Xinhua) -- Cuba condemned the attacks.",
        "DAR ES SALAAM, Tanzania (AP) _ Rescuers dug through the rubble.",
        "WASHINGTON (Reuters) - Officials met on Saturday.",
        "LONDON — Markets fell.",
        "Nairobi, Kenya (AP) -- Police said.",
    ),
    negatives=(
        "Iran launches drones at Israel",
        "U.S. officials say the attack was planned",
        "The bomb - a truck bomb - exploded",
        "Biden weighs response as Iran attacks Israel",
        "ABC News - live updates",
    ),
)

PHOTO_CREDIT = LineKind(
    "photo credit",
    re.compile(
        r"^[ \t]*(?:[A-Z][\w.'’-]+(?:[ ][A-Z][\w.'’-]+){0,3}[ ]*/[ ]*[A-Z][\w.&'’ -]{1,40}"
        r"|(?:photo|photograph|image|picture)s?[ ]*(?:by\b|:|credit\b).*"
        r"|.*\((?:AP|AFP|EPA|Reuters|Xinhua)[ ]Photo\b.*\)"
        r"|.*\b(?:Getty[ ]Images|Shutterstock|AFP via Getty Images)"
        r"|(?:AP|AFP|EPA|Reuters)[ ]Photo(?:/.*)?)[ \t]*$",
        re.IGNORECASE,
    ),
    examples=(
        "Adam Schultz/White House",
        "Evan Vucci / AP",
        "Photo: Reuters",
        "Photograph by Jane Doe",
        "Rescuers search the rubble (AP Photo/Sayyid Azim)",
        "Mandel Ngan/AFP via Getty Images",
        "AP Photo",
    ),
    negatives=(
        "Iran launches drones at Israel",
        "Ceasefire holds in Gaza / Israel talks resume on Monday, officials say",
    ),
)

BYLINE = LineKind(
    "byline",
    re.compile(
        r"^[ \t]*(?:by[ ]+[A-Z][\w.'’-]*(?:[ ,]+[\w.'’-]+){0,8}"
        r"|.*\b(?:staff|associated[ ]press|special)[ ]writer\b.*"
        r"|.*\bcontributed[ ](?:reporting|to[ ]this[ ]report)\b.*"
        r"|(?:reporting|writing|editing)[ ]by\b.*)[ \t]*$",
        re.IGNORECASE,
    ),
    examples=(
        "By JOHN SMITH, Associated Press Writer",
        "By Jane Doe and Richard Roe",
        "CNN’s Oren Lieberman contributed reporting.",
        "Reporting by Jane Doe; Editing by Richard Roe",
    ),
    negatives=("Bystanders flee blast in Nairobi", "Iran launches drones at Israel"),
)

DEBRIS = LineKind(
    "scraper debris",
    re.compile(
        r"^[ \t]*(?:\[[^\]]{1,30}\]|source[ ]link|advertisement|skip[ ]to[ ](?:main[ ])?content|share[ ]this(?:[ ]article)?"
        r"|read[ ]more|sign[ ]up[ ].*newsletter.*|click[ ]here.*|(?:published|updated|posted|last[ ]updated)\b.*)[ \t]*$",
        re.IGNORECASE,
    ),
    examples=(
        "[ad_1]",
        "Source link",
        "Advertisement",
        "Skip to main content",
        "Published: 2024-04-13",
        "Updated 10:02 AM",
    ),
    negatives=("Iran launches drones at Israel", "Publishers brace for new rules"),
)

NOT_HEADLINES = (PHOTO_CREDIT, BYLINE, DEBRIS)

# The outlet a wire story names in its dateline, in parentheses before the dash: the article's
# source when a person gave none. (text, outlet); an empty outlet: the dateline names none.
DATELINE_OUTLET_EXAMPLES: tuple[tuple[str, str], ...] = (
    ("NAIROBI, Kenya (AP) -- A bomb exploded near the U.S. Embassy on Friday.", "AP"),
    ("HAVANA, August 7 (Xinhua) -- Cuba condemned the attacks.", "Xinhua"),
    ("FRANKFURT (Transport Today) -- Rail strikes ended on Monday.", "Transport Today"),
    ("WASHINGTON (Reuters) - Officials met on Saturday.", "Reuters"),
    ("Bridge reopens\nBy JANE DOE\nDAR ES SALAAM, Tanzania (AP) _ Rescuers dug.", "AP"),
    ("LONDON — Markets fell.", ""),
    ("Talks resumed (briefly) -- officials said on Monday.", ""),
)


def find_dateline(text: str, *, within_lines: int = 10) -> Dateline | None:
    """The dateline opening one of the story's first lines (after any headline), or None."""
    for line in _first_lines(text, within_lines):
        match = _dateline_match(line)
        if match is not None:
            city = match["caps"] or match["mixed"]
            place = ", ".join(p for p in (_reader_case(city), match["region"] or "") if p)
            return Dateline(place=place, agency=match["agency"] or "")
    return None


def dateline_outlet(text: str) -> str:
    """The outlet named in the text's dateline ("NAIROBI, Kenya (AP) --" -> "AP"), or ""."""
    dateline = find_dateline(text)
    return " ".join(dateline.agency.split()) if dateline else ""


def guess_headline(text: str, *, fallback: str = "Untitled article") -> str:
    """The headline: a short line above the body that is no dateline, byline, photo credit,
    caption, quotation or debris (``is_headline``).

    The first line of the body ends the search: a line from further down (a tally, a closing
    quote) is never a headline. Without one (wire copy often has none) the title is the lead
    sentence of the body, dateline removed (``timeline.ingest.lead_sentence``); without any, ``fallback``.
    """
    lines = _first_lines(text)
    after_credit = False
    for position, line in enumerate(lines):
        kind = _kind_of(line)
        if kind is not None or len(_WORD.findall(line)) < 3:
            after_credit = kind is PHOTO_CREDIT
            continue
        if after_credit and line.endswith("."):
            after_credit = False
            continue  # the caption under a photo credit
        dateline = _dateline_match(line)
        if dateline is None and is_headline(line):
            return shorten(line, TITLE_MAX_CHARS)
        body = [line[dateline.end() :] if dateline else line]
        body += [later for later in lines[position + 1 :] if _kind_of(later) is None]
        lead = lead_sentence("\n".join(body))
        if lead:
            return shorten(lead, TITLE_MAX_CHARS)
        break
    return shorten(" ".join(fallback.split()), TITLE_MAX_CHARS) or "Untitled article"


def is_headline(line: str) -> bool:
    """A short line in title case or without a final full stop, and no quotation, tally or lead-in."""
    if len(line.split()) > HEADLINE_MAX_WORDS or is_not_a_lead(line):
        return False
    return not line.endswith(".") or _title_case(line)


def _title_case(line: str) -> bool:
    """ "Iran Launches Drones at Israel." : most words of four letters or more are capitalised."""
    long_words = [w for w in _WORD.findall(line) if len(w) >= 4]
    return bool(long_words) and sum(w[0].isupper() for w in long_words) >= 0.8 * len(long_words)


def shorten(text: str, limit: int) -> str:
    """Cut ``text`` at a word boundary so it fits ``limit`` characters, ending in an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:-") + "…"


def _first_lines(text: str, limit: int = 40) -> list[str]:
    """The first non-empty lines, whitespace folded: the top is where the head lives."""
    lines = []
    for raw in text.split("\n"):
        if folded := " ".join(raw.split()):
            lines.append(folded)
            if len(lines) == limit:
                break
    return lines


def _dateline_match(line: str) -> re.Match[str] | None:
    match = DATELINE.pattern.match(line)
    # A place in mixed case is a dateline only with its agency: "Nairobi, Kenya (AP) --".
    return match if match is not None and (match["caps"] or match["agency"]) else None


def _kind_of(line: str) -> LineKind | None:
    return next((kind for kind in NOT_HEADLINES if kind.pattern.match(line)), None)


def _reader_case(city: str) -> str:
    """ "DAR ES SALAAM" -> "Dar Es Salaam"; a place already in mixed case is left alone."""
    return city.title() if city.isupper() else city
