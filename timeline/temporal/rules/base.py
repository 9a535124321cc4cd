"""The shape of a rule: a pattern, the resolver that reads its groups, and worked examples."""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from timeline.temporal.resolve.captures import Resolver


class RuleError(ValueError):
    """A rule whose pattern and resolver disagree: the table refuses to build."""


@dataclass(frozen=True)
class Example:
    """A sentence, the phrase the rule must find in it, and what it must resolve to."""

    sentence: str
    phrase: str
    value: str
    dct: str = "2024-04-13"  # a Saturday
    earliest: str | None = None
    latest: str | None = None
    by: str = ""  # the rule that answers when another one wins the phrase ("" for the rule itself)


@dataclass(frozen=True)
class Rule:
    """A regex over the text; the named group ``x``, when present, is the extent."""

    name: str
    pattern: str
    resolver: Resolver
    examples: tuple[Example, ...] = ()
    negatives: tuple[str, ...] = ()  # sentences in which the rule must find nothing
    priority: int = 0  # breaks ties between equally long overlapping matches
    unwritten: tuple[str, ...] = ()  # groups the resolver reads that this pattern never has: read as None
    compiled: regex.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "compiled", regex.compile(self.pattern))
        declared = getattr(self.resolver, "reads", None)
        if declared is None:
            raise RuleError(f"rule {self.name}: its resolver does not declare the groups it reads")
        written = set(self.compiled.groupindex)
        if stray := written.intersection(self.unwritten):
            raise RuleError(f"rule {self.name}: {sorted(stray)} are groups of its pattern, not unwritten ones")
        if unread := set(self.unwritten).difference(declared):
            raise RuleError(f"rule {self.name}: its resolver does not read the unwritten {sorted(unread)}")
        missing = declared.difference(written, self.unwritten)
        if missing:
            raise RuleError(f"rule {self.name}: its pattern has no group {sorted(missing)} that its resolver reads")
