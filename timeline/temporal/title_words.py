"""Noun phrases for event titles: a phrase without its time words, spaced as written.

Pure functions over spaCy tokens; ``titles`` builds whole titles from them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token


MAX_PHRASE_TOKENS = 6
MODIFIER_DEPS = ("prep", "npadvmod", "advmod", "conj", "cc", "appos", "relcl", "acl", "punct", "poss", "nummod")


def without_time(token: Token, skip: set[int]) -> list[Token]:
    """The subtree of ``token`` minus every modifier that holds a time expression."""
    excluded = set(skip)
    for descendant in token.subtree:
        if descendant is not token and descendant.dep_ in MODIFIER_DEPS:
            indices = {t.i for t in descendant.subtree}
            if indices & skip:
                excluded |= indices
    return [t for t in token.subtree if t.i not in excluded]


def compact(token: Token, skip: set[int]) -> str:
    """A short phrase for a noun: its subtree if short, else compounds + the noun (+ conjuncts)."""
    subtree = without_time(token, skip)
    if 0 < len(subtree) <= MAX_PHRASE_TOKENS:
        text = join_tokens(subtree)
    else:
        # Too long to quote whole: each conjunct as its head noun with the words right before it,
        # "Ambassador Prudence Bushnell, Joseph Kamau and two guards".
        conjuncts, joiner = _conjuncts(token)
        names = [join_tokens(_noun_core(c, skip, keep=3 if i == 0 else 2)) for i, c in enumerate([token] + conjuncts)]
        # Only a real coordination ("A, B and C") is listed; "X, Y" without "and"/"or" is an apposition.
        text = ", ".join(names[:-1]) + f" {joiner} " + names[-1] if joiner and len(names) <= 3 else names[0]
    if text.lower().startswith(("the ", "a ", "an ", "its ", "his ", "her ", "their ", "our ")) and " " in text:
        text = text.split(" ", 1)[1]
    return trim_function_words(text) if text else text


def join_tokens(tokens: list[Token]) -> str:
    """The tokens' text in order, spaced as written, with a space wherever a token was left out
    (never "BushnellJoseph"); punctuation other than hyphens and apostrophes is dropped, and so
    is a possessive "'s" whose owner is not in the phrase."""
    kept_ids = {t.i for t in tokens}
    words = [
        t
        for t in sorted(tokens, key=lambda t: t.i)
        if (not t.is_punct or t.text in ("-", "'", "%", "&"))
        and not t.is_space
        and not (t.dep_ == "case" and t.head.i not in kept_ids)
    ]
    while words and words[0].text == "-":  # the word it joined was left out
        words.pop(0)
    while words and words[-1].text == "-":
        words.pop()
    out = []
    for current, following in zip(words, words[1:] + [None]):
        out.append(current.text)
        if following is not None:
            out.append(current.whitespace_ and " " if following.i == current.i + 1 else " ")
    return "".join(out).strip()


def _conjuncts(token: Token) -> tuple[list[Token], str]:
    """ "A, B and C": ([B, C], "and") for A (spaCy chains them: A -> B -> C); "" when no "and"/"or"."""
    found, joiner, current = [], "", token
    for _ in range(8):
        joiner = next((c.lower_ for c in current.children if c.dep_ == "cc"), joiner)
        nxt = next((c for c in current.children if c.dep_ == "conj"), None)
        if nxt is None:
            break
        found.append(nxt)
        current = nxt
    return found, joiner


def _noun_core(noun: Token, skip: set[int], keep: int) -> list[Token]:
    """The noun with the modifiers written right before it ("Harbor Line tunnel", "two guards"),
    never a time phrase or part of one ("a Jan. 12 engine fire" -> "engine fire")."""
    subtree = {t.i for t in noun.subtree}
    words, i, hyphenated = [noun], noun.i - 1, False
    while i >= noun.sent.start and i in subtree:
        token = noun.doc[i]
        # a name is kept whole ("Prime Minister Benjamin Netanyahu"); other modifiers only up to ``keep``
        if not (
            hyphenated
            or sum(t.text != "-" for t in words) <= keep
            or (token.pos_ == "PROPN" and token.dep_ == "compound")
        ):
            break
        if i in skip or (token.text != "-" and token.dep_ not in ("compound", "amod", "nummod") and not hyphenated):
            break
        words.insert(0, token)
        hyphenated = token.text == "-"  # "24-year-old": the word before a hyphen belongs to it
        i -= 1
    return _whole_words(words, skip)


def _whole_words(words: list[Token], skip: set[int]) -> list[Token]:
    """A word written without spaces ("64-year-old") is kept whole or not at all: the phrase
    grows back to the word's start, or drops the partial word if its start is a time phrase."""
    doc, first = words[0].doc, words[0].i
    start = first
    while (
        start > words[0].sent.start
        and not doc[start - 1].whitespace_
        and "-" in (doc[start - 1].text, doc[start].text)
        and (doc[start - 1].text != "-" or (start - 2 >= 0 and not doc[start - 2].whitespace_))
    ):
        start -= 1  # through "64-year-": hyphens joined on both sides
    if start == first:
        return words
    if any(i in skip for i in range(start, first)):
        return [t for t in words if t.i > first and doc[t.i - 1].whitespace_] or words[-1:]
    return list(doc[start:first]) + words


_FUNCTION_WORDS = {
    "the",
    "a",
    "an",
    "of",
    "to",
    "in",
    "on",
    "at",
    "for",
    "with",
    "and",
    "or",
    "but",
    "by",
    "from",
    "out",
    "his",
    "her",
    "its",
    "their",
    "our",
    "my",
    "your",
    "that",
    "which",
    "own",
    "through",
    "into",
    "about",
    "over",
    "under",
    "as",
    "than",
    "after",
    "before",
    "since",
    "until",
    "during",
    "across",
    "near",
    "per",
    "via",
    "between",
    "is",
    "are",
    "was",
    "were",
    "will",
}


def trim_function_words(phrase: str) -> str:
    """ "trying to stay out of the" -> "trying to stay": a phrase cut short ends on a content word."""
    words = phrase.split()
    while len(words) > 1 and words[-1].lower() in _FUNCTION_WORDS:
        words.pop()
    return " ".join(words)
