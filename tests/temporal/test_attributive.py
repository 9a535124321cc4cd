"""A date written into a noun phrase dates no event unless the noun is a happening."""

from __future__ import annotations

import pytest

from timeline.temporal import extract
from timeline.temporal.attributive import EXAMPLES


@pytest.mark.parametrize(("sentence", "phrase", "describes"), EXAMPLES, ids=lambda v: str(v)[:40])
def test_examples(sentence: str, phrase: str, describes: bool) -> None:
    result = extract(sentence, "2024-04-13")
    assert any(e.text == phrase for e in result.expressions), [e.text for e in result.expressions]
    # An attributive date anchors no event; a happening's date anchors one. (An event dated by the
    # article, with no time expression, is the article's news, not this phrase's doing.)
    anchored = [e for e in result.events if e.expression is not None]
    assert bool(anchored) is not describes, [e.title for e in anchored]
