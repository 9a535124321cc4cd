"""All English rules. Order does not matter: the overlap policy ranks matches by length, then
priority. Tests in tests/temporal/test_rules.py are generated from every rule's examples."""

from __future__ import annotations

from timeline.temporal.rules.base import Rule
from timeline.temporal.rules.en_anchored import ANCHORED_RULES
from timeline.temporal.rules.en_business import BUSINESS_RULES
from timeline.temporal.rules.en_calendar import CALENDAR_RULES
from timeline.temporal.rules.en_durations import DURATION_RULES
from timeline.temporal.rules.en_fiscal import FISCAL_RULES, YEAR_RULES
from timeline.temporal.rules.en_numeric import NUMERIC_RULES
from timeline.temporal.rules.en_ranges import RANGE_RULES
from timeline.temporal.rules.en_relative import RELATIVE_RULES
from timeline.temporal.rules.en_vague import SPOKEN_RULES, VAGUE_RULES
from timeline.temporal.rules.en_year_spans import YEAR_SPAN_RULES

RULES: tuple[Rule, ...] = (
    CALENDAR_RULES
    + RELATIVE_RULES
    + FISCAL_RULES
    + YEAR_RULES
    + VAGUE_RULES
    + SPOKEN_RULES
    + RANGE_RULES
    + NUMERIC_RULES
    + BUSINESS_RULES
    + ANCHORED_RULES
    + DURATION_RULES
    + YEAR_SPAN_RULES
)
RULES_BY_NAME = {rule.name: rule for rule in RULES}
