"""Every rule's built-in examples and negatives, run through the whole engine."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.temporal import extract
from timeline.temporal.rules.en import RULES

EXAMPLES = [pytest.param(rule, ex, id=f"{rule.name}:{ex.phrase}") for rule in RULES for ex in rule.examples]
NEGATIVES = [pytest.param(rule, text, id=f"{rule.name}:not:{text[:30]}") for rule in RULES for text in rule.negatives]


@pytest.mark.parametrize(("rule", "example"), EXAMPLES)
def test_rule_example_resolves(rule, example) -> None:
    result = extract(example.sentence, example.dct)
    found = {e.text: e for e in result.expressions}
    assert example.phrase in found, f"{example.phrase!r} not found; got {sorted(found)}"
    expression = found[example.phrase]
    assert expression.rule == (example.by or rule.name)
    assert expression.value == example.value
    if example.earliest:
        assert expression.earliest == date.fromisoformat(example.earliest)
    if example.latest:
        assert expression.latest == date.fromisoformat(example.latest)
    assert expression.earliest <= expression.latest


@pytest.mark.parametrize(("rule", "text"), NEGATIVES)
def test_rule_negative_finds_nothing(rule, text) -> None:
    result = extract(text, "2024-04-13")
    assert [e.text for e in result.expressions if e.rule == rule.name] == []


def test_every_rule_has_examples() -> None:
    assert all(rule.examples for rule in RULES)
    assert len({rule.name for rule in RULES}) == len(RULES)


def test_every_rule_answers_one_of_its_own_examples() -> None:
    assert [rule.name for rule in RULES if all(ex.by for ex in rule.examples)] == []


def test_an_example_answered_elsewhere_names_a_rule() -> None:
    names = {rule.name for rule in RULES}
    assert {ex.by for rule in RULES for ex in rule.examples if ex.by} <= names
