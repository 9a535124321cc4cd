"""Candidates: rule matches over the text and the model's DATE/TIME entities; then an overlap policy."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import regex

from timeline.temporal.lexicon import TRIGGER_WORDS
from timeline.temporal.resolve.captures import Captures
from timeline.temporal.rules.base import Rule


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    rule: str
    priority: int = 0
    groups: Captures = field(default_factory=Captures, compare=False, hash=False)

    @property
    def length(self) -> int:
        return self.end - self.start


OverlapPolicy = Callable[[Sequence[Candidate]], list[Candidate]]


def match_rules(text: str, rules: Iterable[Rule]) -> list[Candidate]:
    """Every match of every rule; the group ``x`` (if any) is the reported extent.

    A newline always ends a sentence, so an extent never runs across one: such a
    match ("last Friday\n13 April 2024") is replaced by the rule's matches inside
    each of its lines.
    """
    found: list[Candidate] = []
    for rule in rules:
        has_extent = "x" in rule.compiled.groupindex
        unwritten = dict.fromkeys(rule.unwritten)
        for match in rule.compiled.finditer(text):
            for part in _within_lines(rule, match, has_extent):
                start, end = part.span("x") if has_extent else part.span()
                if 0 <= start < end:
                    found.append(
                        Candidate(start, end, rule.name, rule.priority, Captures(part.groupdict(), **unwritten))
                    )
    return found


def _within_lines(rule: Rule, match: regex.Match[str], has_extent: bool) -> Iterable[regex.Match[str]]:
    start, end = match.span("x") if has_extent else match.span()
    if start < 0 or "\n" not in match.string[start:end]:
        return [match]
    parts: list[regex.Match[str]] = []
    line_start = match.start()
    for line in match.string[match.start() : match.end()].split("\n"):
        line_end = line_start + len(line)
        parts.extend(rule.compiled.finditer(match.string, line_start, line_end))
        line_start = line_end + 1
    return parts


def longest_first(candidates: Sequence[Candidate]) -> list[Candidate]:
    """Keep non-overlapping candidates, longest first, then higher priority, then earlier.

    The default overlap policy: "Saturday night" beats "Saturday", and a rule's
    match beats a model entity of the same length (rules have higher priority).
    """
    ranked = sorted(candidates, key=lambda c: (-c.length, -c.priority, c.start))
    taken: list[Candidate] = []
    # Taken spans never overlap, so sorted starts with their ends answer "is this free?"
    # by looking at the two neighbours only (a scan of all of them was quadratic).
    starts: list[int] = []
    ends: list[int] = []
    for candidate in ranked:
        i = bisect_right(starts, candidate.start)
        if (i > 0 and ends[i - 1] > candidate.start) or (i < len(starts) and starts[i] < candidate.end):
            continue
        starts.insert(i, candidate.start)
        ends.insert(i, candidate.end)
        taken.append(candidate)
    return sorted(taken, key=lambda c: c.start)


_TRIGGER = regex.compile(
    r"(?i)\b(?:" + "|".join(sorted((regex.escape(w) for w in TRIGGER_WORDS), key=len, reverse=True)) + r")\b|\b\d{4}\b"
)


def has_time_trigger(text: str) -> bool:
    """Cheap test: could this sentence hold a time expression the model might find?"""
    return _TRIGGER.search(text) is not None


_LEADING = regex.compile(
    r"^(?i:(?:on|in|at|by|since|until|from|during|for|of|before|after|about|around|over|within)\s+)+"
)
_TRAILING = regex.compile(r"(?:['’]s|['’]|[\s,.;:!?)\]-]+)+$")


def trim_entity(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim a model entity to the time phrase: no leading "on", no trailing "'s" or comma."""
    span = text[start:end]
    lead = _LEADING.match(span)
    if lead:
        start += lead.end()
    span = text[start:end]
    trail = _TRAILING.search(span)
    if trail and trail.start() > 0:
        if not (span.endswith(".") and regex.search(r"\b[A-Z][a-z]{2,3}\.$", span)):  # keep "Oct."
            end = start + trail.start()
    return start, end
