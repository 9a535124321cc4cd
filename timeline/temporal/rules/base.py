"""The shape of a rule: a pattern, the resolver that reads its groups, and worked examples."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import regex

from timeline.temporal.resolve.context import ResolveContext
from timeline.temporal.timex import Resolution

Resolver = Callable[[dict[str, "str | None"], ResolveContext], "Resolution | None"]


@dataclass(frozen=True)
class Example:
    """A sentence, the phrase the rule must find in it, and what it must resolve to."""

    sentence: str
    phrase: str
    value: str
    dct: str = "2024-04-13"  # a Saturday
    earliest: str | None = None
    latest: str | None = None


@dataclass(frozen=True)
class Rule:
    """A regex over the text; the named group ``x``, when present, is the extent."""

    name: str
    pattern: str
    resolver: Resolver
    examples: tuple[Example, ...] = ()
    negatives: tuple[str, ...] = ()  # sentences in which the rule must find nothing
    priority: int = 0  # breaks ties between equally long overlapping matches
    compiled: regex.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "compiled", regex.compile(self.pattern))
