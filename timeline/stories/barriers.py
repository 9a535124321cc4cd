"""What keeps two mentions apart however alike their words: pure rules, each saying why.

A wrong merge is worse than two rows, so these rules are hard: a pair one of them stops is never
joined, directly or through a group. Each rule returns the reason in words (it goes into the story
event's evidence) or None. Examples of every rule are in tests/stories/test_barriers.py.
"""

from __future__ import annotations

from collections.abc import Callable

from timeline.stories.features import MentionFeatures
from timeline.stories.lexicon import REACTIONS
from timeline.stories.stance import ASSERTED

Barrier = Callable[[MentionFeatures, MentionFeatures], "str | None"]


def not_asserted(a: MentionFeatures, b: MentionFeatures) -> str | None:
    """ "did not attack", "may strike", "plan to strike": no happening to join (and none to title)."""
    for m in (a, b):
        if m.modality != ASSERTED:
            return f"“{_short(m)}” is {m.modality} (“{m.cue}”)"
    return None


def reaction_apart(a: MentionFeatures, b: MentionFeatures) -> str | None:
    """A reaction (condemn, mourn, deny, praise, welcome, criticise) is not what it reacts to, and
    one kind of reaction is not another."""
    ra, rb = a.verb_classes & REACTIONS, b.verb_classes & REACTIONS
    if bool(ra) != bool(rb):
        reaction = ", ".join(sorted(ra or rb))
        return f"a reaction ({reaction}) is not the happening it reacts to"
    if ra and not ra & rb:
        return f"different reactions ({_sides(ra, rb)})"
    return None


def state_apart(a: MentionFeatures, b: MentionFeatures) -> str | None:
    """ "Six people are in custody" is a count or a status, not the arrests or the casualties."""
    if a.state != b.state:
        return "a count or status is not an occurrence"
    return None


def actors_apart(a: MentionFeatures, b: MentionFeatures) -> str | None:
    """Named actors with none in common: one country condemning is not another condemning. A name
    inside the other ("vantora" / "vantora airlines") is the same actor."""
    if a.actors and b.actors and not any(same_name(x, y) for x in a.actors for y in b.actors):
        return f"different actors ({_sides(a.actors, b.actors)})"
    return None


def places_apart(a: MentionFeatures, b: MentionFeatures) -> str | None:
    """The action's own places differ: "exploded in Nairobi" / "exploded in Dar es Salaam"."""
    if a.where and b.where and not any(same_name(x, y) for x in a.where for y in b.where):
        return f"different places ({_sides(a.where, b.where)})"
    return None


BARRIERS: tuple[Barrier, ...] = (not_asserted, reaction_apart, state_apart, actors_apart, places_apart)


def barrier(a: MentionFeatures, b: MentionFeatures) -> str | None:
    """The first reason ``a`` and ``b`` must stay apart, or None when nothing stops the pair."""
    for rule in BARRIERS:
        if (reason := rule(a, b)) is not None:
            return reason
    return None


def same_name(x: str, y: str) -> bool:
    """ "vantora" and "vantora airlines" name one actor: the words of one are all in the other."""
    wx, wy = set(x.split()), set(y.split())
    return wx <= wy or wy <= wx


def _sides(x: frozenset[str], y: frozenset[str]) -> str:
    """ "cuba / iran" whichever mention comes first, so one reason reads the same both ways."""
    return " / ".join(sorted((", ".join(sorted(x)), ", ".join(sorted(y)))))


def _short(m: MentionFeatures) -> str:
    words = (m.title or m.sentence).split()
    return " ".join(words[:8]) + ("…" if len(words) > 8 else "")
