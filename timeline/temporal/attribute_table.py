"""The model's attribute rules (tag -> part of speech, morphology, lemma exceptions) applied by
table look-up instead of spaCy's Matcher.

en_core_web_sm's ``attribute_ruler`` holds about 180 one- and two-token patterns over TAG, LOWER,
DEP and IS_SPACE. spaCy runs them through its general Matcher, which costs about as much as the
parser on our sentences. This component reads the same patterns and applies them the same way
(every match found first, then applied in pattern order, later patterns winning), but finds the
candidates for a token by its lower-case form, tag or dependency. ``tests/temporal/test_attribute_table.py`` checks it against
the original on every token of the gold sets and a TimeBank sample.
"""

from __future__ import annotations

from collections.abc import Callable

import regex
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc, Token
from spacy.tokens._retokenize import set_token_attrs

FACTORY = "timeline_attribute_table"
TokenTest = Callable[[Token], bool]


def _value_test(attribute: str, wanted: object) -> TokenTest:
    read: Callable[[Token], object] = {
        "TAG": lambda t: t.tag_,
        "LOWER": lambda t: t.lower_,
        "DEP": lambda t: t.dep_,
        "IS_SPACE": lambda t: t.is_space,
    }[attribute]
    if isinstance(wanted, dict):
        if "IN" in wanted:
            allowed = frozenset(wanted["IN"])
            return lambda t: read(t) in allowed
        if "NOT_IN" in wanted:
            refused = frozenset(wanted["NOT_IN"])
            return lambda t: read(t) not in refused
        if "REGEX" in wanted:
            pattern = regex.compile(wanted["REGEX"])
            return lambda t: pattern.search(str(read(t))) is not None
        raise ValueError(f"unsupported pattern value {wanted!r}")
    return lambda t: read(t) == wanted


def _token_test(spec: dict) -> TokenTest:
    tests = [_value_test(attribute, wanted) for attribute, wanted in spec.items()]
    return lambda t: all(test(t) for test in tests)


Rule = tuple[int, list[TokenTest], int]  # (rule id, one test per token, index of the token to change)
# The attribute a rule is filed under, most selective first: a token is only tried against the
# rules filed under its own lower-case form, tag, dependency or spacing.
INDEX_ATTRIBUTES = ("LOWER", "TAG", "DEP", "IS_SPACE")


class AttributeTable:
    """Drop-in replacement for a loaded ``AttributeRuler`` (see the module docstring)."""

    def __init__(self) -> None:
        self.index: dict[str, dict[object, list[Rule]]] = {name: {} for name in INDEX_ATTRIBUTES}
        self.unindexed: list[Rule] = []
        self.attrs: list[dict] = []

    def load(self, ruler: AttributeRuler) -> None:
        """Take the patterns of a loaded attribute ruler, in its order."""
        self.attrs = list(ruler.attrs)
        for rule_id, entry in enumerate(ruler.patterns):
            for pattern in entry["patterns"]:
                self._file((rule_id, [_token_test(spec) for spec in pattern], entry["index"]), pattern[0])

    def _file(self, rule: Rule, first: dict) -> None:
        for name in INDEX_ATTRIBUTES:
            wanted = first.get(name)
            if isinstance(wanted, (str, bool)):
                self.index[name].setdefault(wanted, []).append(rule)
                return
            if isinstance(wanted, dict) and "IN" in wanted:
                for value in wanted["IN"]:
                    self.index[name].setdefault(value, []).append(rule)
                return
        self.unindexed.append(rule)

    def _candidates(self, token: Token) -> list[Rule]:
        index = self.index
        return [
            *index["LOWER"].get(token.lower_, ()),
            *index["TAG"].get(token.tag_, ()),
            *index["DEP"].get(token.dep_, ()),
            *index["IS_SPACE"].get(token.is_space, ()),
            *self.unindexed,
        ]

    def __call__(self, doc: Doc) -> Doc:
        matches: list[tuple[int, int]] = []
        length = len(doc)
        for start, token in enumerate(doc):
            for rule_id, tests, index in self._candidates(token):
                if start + len(tests) <= length and all(test(doc[start + k]) for k, test in enumerate(tests)):
                    matches.append((rule_id, start + index))
        for rule_id, position in sorted(set(matches)):
            set_token_attrs(doc[position], self.attrs[rule_id])
        return doc


@Language.factory(FACTORY)
def make_attribute_table(nlp: Language, name: str) -> AttributeTable:
    return AttributeTable()


def use_attribute_table(nlp: Language) -> None:
    """Swap the model's ``attribute_ruler`` for the table (no-op when the model has none)."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    table = nlp.replace_pipe("attribute_ruler", FACTORY)
    table.load(ruler)
