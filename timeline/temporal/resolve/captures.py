"""The named groups of one rule match, read by name, and the declaration of which names a resolver reads.

A plain dict answered None for a name the pattern never had, so a misspelt group silently turned a
branch off. Here a name the captures do not hold raises ``UnknownGroup``; a group the pattern has but
the match skipped is None, as before.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from timeline.temporal.resolve.context import ResolveContext
    from timeline.temporal.timex import Resolution


class UnknownGroup(LookupError):
    """A resolver read a group its captures do not hold: a typo, or a pattern changed under it."""


class Captures(Mapping[str, "str | None"]):
    """Group name -> matched text (None when the group took no part in the match)."""

    __slots__ = ("_values",)

    def __init__(self, values: Mapping[str, str | None] | None = None, /, **more: str | None) -> None:
        self._values: dict[str, str | None] = {**(values or {}), **more}

    def __getitem__(self, name: str) -> str | None:
        try:
            return self._values[name]
        except KeyError:
            raise UnknownGroup(f"no group {name!r}; the captures hold {sorted(self._values)}") from None

    def get(self, name: str, default: str | None = None) -> str | None:  # type: ignore[override]
        """The group's text, or ``default`` when it took no part; an unknown name raises."""
        value = self[name]
        return default if value is None else value

    def __contains__(self, name: object) -> bool:
        return name in self._values

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __repr__(self) -> str:
        return f"Captures({self._values!r})"

    def but(self, **changes: str | None) -> Captures:
        """These captures with some groups replaced or added (a rule adapting its match for a resolver)."""
        return Captures(self._values, **changes)

    def only(self, names: frozenset[str]) -> Captures:
        """The named groups alone, so that reading any other raises."""
        return Captures({name: self._values[name] for name in names if name in self._values})


class Resolver(Protocol):
    """A function from a match's captures and the context to a resolution; ``reads`` names its groups."""

    reads: frozenset[str]

    def __call__(self, g: Captures, ctx: ResolveContext, /) -> Resolution | None: ...


def reads(*names: str) -> Callable[[Callable[[Captures, ResolveContext], Resolution | None]], Resolver]:
    """Declare the groups a resolver reads, its own and those of any resolver it hands its captures to.

    Called with captures that lack one of them, it raises at once (whatever branch would have read
    it); inside, it sees those groups alone, so reading an undeclared one raises too.
    """
    declared = frozenset(names)

    def declare(resolve: Callable[[Captures, ResolveContext], Resolution | None]) -> Resolver:
        @functools.wraps(resolve)
        def checked(g: Captures, ctx: ResolveContext, /) -> Resolution | None:
            missing = declared.difference(g)
            if missing:
                raise UnknownGroup(f"{resolve.__qualname__} reads {sorted(missing)}, which these captures lack")
            return resolve(g.only(declared), ctx)

        checked.reads = declared  # type: ignore[attr-defined]
        return checked  # type: ignore[return-value]

    return declare
