"""One entity per person, organisation or place of a story, from the names spaCy found (pure functions).

A story names the same entity several ways: "Bill Clinton" and "Clinton", "U.S." and
"United States", "Federal Bureau of Investigation (FBI)" and "FBI". ``cluster_names`` joins
them by rules English uses, each listed with its example, and drops what is no entity at all
("GMT") or a kind the story itself contradicts ("Semtex" read once as a person and more often
as an organisation is the organisation).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from django.utils.text import slugify


@dataclass(frozen=True)
class NameCount:
    """A name as written, the kind spaCy gave it, and how many story sentences name it so."""

    text: str
    kind: str
    mentions: int


@dataclass(frozen=True)
class EntityCluster:
    """One entity: its label (the fullest name), kind, every name it goes by, the names exactly as
    stored (what a filter matches), and its mentions."""

    key: str
    label: str
    kind: str
    names: tuple[str, ...]
    mentions: int
    written: tuple[str, ...] = ()


@dataclass(frozen=True)
class Alias:
    """Names that are one entity in news English, with the sentence that shows it."""

    label: str
    names: tuple[str, ...]
    example: str


ALIASES: tuple[Alias, ...] = (
    Alias("United States", ("U.S.", "US", "U.S.A.", "USA", "United States of America"),
          "U.S. officials said the United States would send investigators."),
    Alias("United Kingdom", ("U.K.", "UK", "Britain", "Great Britain"), "Britain and the U.K. embassy staff..."),
    Alias("United Nations", ("U.N.", "UN"), "The U.N. Security Council met; the United Nations condemned it."),
    Alias("European Union", ("EU", "E.U."), "EU ministers met; the European Union said..."),
    Alias("Soviet Union", ("USSR", "U.S.S.R."), "the USSR, as the Soviet Union was known"),
)  # fmt: skip
# Time zones and other abbreviations the model tags as organisations: never an entity.
NOT_ENTITIES = frozenset({"gmt", "utc", "est", "edt", "cst", "cdt", "pst", "pdt", "cet", "cest", "bst", "eat", "ist"})
# Small words an acronym skips ("Federal Bureau of Investigation" -> FBI).
ACRONYM_SKIPS = frozenset({"of", "the", "and", "for", "on", "in", "de", "&"})
_ALIAS_LABEL = {name.lower(): alias.label for alias in ALIASES for name in (alias.label, *alias.names)}
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


def cluster_names(names: list[NameCount]) -> list[EntityCluster]:
    """The story's entities, most mentioned first; see the module docstring for the rules."""
    kinds = _kind_by_name(names)
    groups: dict[str, set[str]] = defaultdict(set)  # canonical name -> names, cleaned
    written: dict[str, set[str]] = defaultdict(set)  # cleaned name -> names as stored
    mentions: dict[str, int] = defaultdict(int)
    for name in names:
        text = _clean(name.text)
        # A minority reading of the kind is dropped, not the mention: it counts for the story's kind.
        if not text or text.lower() in NOT_ENTITIES:
            continue
        canonical = _ALIAS_LABEL.get(text.lower(), text)
        groups[canonical].add(text)
        written[text].add(name.text)
        mentions[canonical] += name.mentions
    _join_short_forms(groups, mentions, kinds)
    clusters = [
        EntityCluster(
            key=slugify(label) or f"entity-{index}",
            label=label,
            kind=kinds.get(label.lower()) or kinds[next(iter(written_names)).lower()],
            names=tuple(sorted(written_names | {label}, key=str.lower)),
            mentions=mentions[label],
            written=tuple(sorted({raw for name in written_names for raw in written[name]}, key=str.lower)),
        )
        for index, (label, written_names) in enumerate(sorted(groups.items()))
    ]
    return sorted(clusters, key=lambda c: (-c.mentions, c.label.lower()))


def find_entity(clusters: list[EntityCluster], name: str) -> EntityCluster | None:
    """The cluster with this key, label or any of its names (case-insensitive), or None."""
    wanted = " ".join(name.split()).lower()
    for cluster in clusters:
        if wanted == cluster.key or wanted in {n.lower() for n in (*cluster.names, *cluster.written)}:
            return cluster
    return None


def _clean(text: str) -> str:
    """The name without a possessive or trailing punctuation; an abbreviation keeps its dots ("U.S.")."""
    text = _POSSESSIVE.sub("", " ".join(text.split())).strip(" ,;:")
    return text if "." in text[:-1] else text.rstrip(".")


def _kind_by_name(names: list[NameCount]) -> dict[str, str]:
    """Each name's kind by the story's majority: a name spaCy read two ways keeps the commoner."""
    votes: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for name in names:
        votes[_clean(name.text).lower()][name.kind] += name.mentions
    return {text: max(kinds.items(), key=lambda item: (item[1], item[0]))[0] for text, kinds in votes.items()}


def _join_short_forms(groups: dict[str, set[str]], mentions: dict[str, int], kinds: dict[str, str]) -> None:
    """Fold a surname into the one full name that ends with it, and an acronym into the one name
    whose initials it spells; an ambiguous short form ("Clinton" with Bill and Hillary) stays apart."""
    by_short: dict[tuple[str | None, str], list[str]] = defaultdict(list)
    for full in groups:
        kind = kinds.get(full.lower())
        for short in _short_forms(full, kind):
            by_short[(kind, short)].append(full)
    for short in [name for name in groups if len(name.split()) == 1]:
        kind = kinds.get(short.lower())
        key = short.lower() if kind == "person" else short.replace(".", "")
        targets = [full for full in by_short.get((kind, key), ()) if full != short and full in groups]
        if len(targets) == 1 and (kind == "person" or key.isupper()):
            (full,) = targets
            groups[full] |= groups.pop(short)
            mentions[full] += mentions.pop(short)


def _short_forms(full: str, kind: str | None) -> list[str]:
    """What a full name may be shortened to: a person's surname; an organisation's or place's initials."""
    words = full.split()
    if len(words) < 2:
        return []
    if kind == "person":
        return [words[-1].lower()]
    initials = "".join(w[0] for w in words if w.lower() not in ACRONYM_SKIPS and w[0].isalpha()).upper()
    return [initials] if len(initials) >= 2 else []
