"""Every family's own examples land in that family."""

from __future__ import annotations

import pytest

from timeline.evaluation.families import FAMILIES, family_of

CASES = [(family.name, text, kind) for family in FAMILIES for text, kind in family.examples]


@pytest.mark.parametrize("family, text, kind", CASES, ids=[f"{f}:{t}" for f, t, _ in CASES])
def test_examples_land_in_their_family(family: str, text: str, kind: str) -> None:
    assert family_of(text, kind) == family


def test_curly_apostrophe_and_case_do_not_change_the_family() -> None:
    assert family_of("FRIDAY’S", "DATE") == family_of("Friday's", "DATE") == "bare weekday"
