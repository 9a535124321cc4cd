"""Rules declare the groups their resolvers read: the table refuses a rule whose pattern lacks one,
a misspelt group raises instead of reading None, and an unknown unit word raises."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.temporal.resolve import absolute
from timeline.temporal.resolve.captures import Captures, UnknownGroup, reads
from timeline.temporal.resolve.common import UnknownUnit, unit_name
from timeline.temporal.resolve.context import ResolveContext
from timeline.temporal.resolve.relative import calendar_unit
from timeline.temporal.rules.base import Rule, RuleError

CTX = ResolveContext(date(2024, 4, 13))


@reads("year", "mod")
def _year(g: Captures, ctx: ResolveContext) -> None:
    return None


@reads("year")
def _misspelt(g: Captures, ctx: ResolveContext) -> str | None:
    return g["yaer"]


def test_a_rule_whose_pattern_lacks_a_group_its_resolver_reads_is_refused() -> None:
    with pytest.raises(RuleError, match=r"no group \['mod'\]"):
        Rule("bad", r"(?P<x>(?P<year>\d{4}))", _year)


def test_a_rule_whose_resolver_declares_nothing_is_refused() -> None:
    with pytest.raises(RuleError, match="does not declare"):
        Rule("bad", r"(?P<x>\d{4})", lambda g, ctx: None)


def test_an_unwritten_group_must_be_absent_from_the_pattern_and_read() -> None:
    Rule("fine", r"(?P<x>(?P<year>\d{4}))", _year, unwritten=("mod",))
    with pytest.raises(RuleError, match="groups of its pattern"):
        Rule("bad", r"(?P<x>(?P<year>\d{4}))(?P<mod>!)?", _year, unwritten=("mod",))
    with pytest.raises(RuleError, match="does not read"):
        Rule("bad", r"(?P<x>(?P<year>\d{4}))(?P<mod>!)?", _year, unwritten=("modd",))


def test_a_skipped_group_reads_none_and_an_unknown_one_raises() -> None:
    g = Captures(year="2024", mod=None)
    assert g["mod"] is None and g.get("mod") is None and g["year"] == "2024"
    with pytest.raises(UnknownGroup):
        g["yaer"]
    with pytest.raises(UnknownGroup):
        g.get("yaer")


def test_a_resolver_given_captures_without_a_declared_group_raises_before_any_branch() -> None:
    with pytest.raises(UnknownGroup, match="month_year"):
        absolute.month_year(Captures(year="2023", month="March"), CTX)  # no "mod"
    assert absolute.month_year(Captures(year="2023", month="March", mod=None), CTX).value == "2023-03"


def test_a_resolver_reading_a_group_it_did_not_declare_raises() -> None:
    with pytest.raises(UnknownGroup):
        _misspelt(Captures(year="2024", yaer="2024"), CTX)


@pytest.mark.parametrize(("word", "unit"), [("Hours", "hour"), ("wks", "week"), ("centuries", "century")])
def test_unit_words_read_as_the_lexicon_unit(word: str, unit: str) -> None:
    assert unit_name(word) == unit


def test_an_unknown_unit_raises() -> None:
    with pytest.raises(UnknownUnit):
        unit_name("fortnights-ish")
    with pytest.raises(UnknownUnit):
        calendar_unit(date(2024, 4, 13), "eon", 1)
    assert calendar_unit(date(2024, 4, 13), "hour", 1) is None  # a clock unit is no calendar unit
