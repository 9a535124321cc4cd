"""Direction from evidence: every cue's own example, possessives, distance from the DCT, and the evidence text."""

from __future__ import annotations

import pytest

from timeline.temporal import extract
from timeline.temporal.direction import REPORTING_VERBS, SCHEDULING_CUES

CUES = [pytest.param(cue, id=f"{cue.direction}:{cue.word}") for cue in SCHEDULING_CUES + REPORTING_VERBS]
DCT = "2024-04-13"  # a Saturday


def last_date(text: str, dct: str = DCT):
    found = [e for e in extract(text, dct).expressions if e.type == "DATE"]
    assert found, f"nothing found in {text!r}"
    return found[-1]


@pytest.mark.parametrize("cue", CUES)
def test_cue_example_resolves_its_way(cue) -> None:
    expression = last_date(cue.example)
    assert expression.value == cue.expected, expression.evidence
    assert expression.evidence


@pytest.mark.parametrize(
    ("text", "dct", "expected", "because"),
    [
        # possessive and attributive uses name a day already known
        ("The bonds were priced at a premium over Thursday's closing price.", "1989-10-30", "1989-10-26", "possessive"),
        ("Shares fell 3% after Saturday’s attack.", DCT, "2024-04-13", "possessive"),
        # a future read only through a noun's infinitive is not enough for a weekday
        (
            "Two rival bidders extended their offers to acquire the maker Friday.",
            "1989-10-30",
            "1989-10-27",
            "read from the clause above",
        ),
        # a firm future still goes forward
        ("The leaders will meet on Friday.", DCT, "2024-04-19", "will"),
        ("The deal is scheduled to close Monday.", "1989-11-02", "1989-11-06", "infinitive"),
        # a month-day with a loose past reading stays near the DCT
        (
            "The directors authorized a split, payable Dec. 7 to stock of record Nov. 22.",
            "1989-10-27",
            "1989-11-22",
            "scheduling word 'record'",
        ),
        ("The firm named a chairman, effective Feb. 1.", "1989-10-26", "1990-02-01", "scheduling word"),
        # a date named as a deadline: the perfect says when it was set, not where the date lies
        (
            "Dunkin' has set Nov. 10 as the deadline for the receipt of any bids.",
            "1989-11-02",
            "1989-11-10",
            "named as a deadline",
        ),
        # "for" after a noun labels a period ("figures for January") rather than scheduling it
        ("The job figures for January extended a surge in hiring.", "1998-02-06", "1998-01", "period's label"),
        ("The company announced a drop in profits for the fourth quarter.", "1998-01-26", "1997-Q4", "period's label"),
        ("Labor unions have called a national strike for Wednesday.", "2025-06-14", "2025-06-18", "'for' + date"),
        # a present copula with a noun subject schedules
        ("The vote is on Monday.", DCT, "2024-04-15", "present copula"),
        # a firm past may reach far back
        ("The index hit its record high set on Aug. 6.", "1998-02-06", "1997-08-06", "past participle"),
        # a present forecast looks ahead over its whole clause
        ("Forecasters expect another two inches of rain before Thursday.", "2025-03-11", "2025-03-13", "forecasts"),
        # an infinitive under a past order happened after the order, not necessarily after the article date
        (
            "The county ordered residents below it to leave, on March 11.",
            "2025-03-26",
            "2025-03-11",
            "under a past verb",
        ),
        # a reporting verb dates the report; a date inside what it reports stays near the DCT
        (
            "The minister told reporters of a cutback in oil supply in September.",
            "1990-08-16",
            "1990-09",
            "inside what 'told' reports",
        ),
        # a verb's own complement shares its tense firmly ("will stop taking"), unlike a noun's infinitive
        ("The clinic will stop taking patients on Friday.", "2025-01-15", "2025-01-17", "has 'will'"),
        # a date right after a past reporting verb dates the report, however the parser attached it
        (
            "Vermont's largest hospital said Tuesday it will close its overnight urgent care clinic.",
            "2025-01-15",
            "2025-01-14",
            "reporting verb 'said'",
        ),
        # "by" + a date with no tensed verb is a deadline ahead; a past verb still looks back
        ("Officials want a decision by Friday.", DCT, "2024-04-19", "a deadline ahead"),
        ("The report was finished by Friday.", DCT, "2024-04-12", "past tense"),
        # ... but a past intention still reports a plan ahead
        ("He said he hoped to release the text of the bill Tuesday.", "2025-03-03", "2025-03-04", "infinitive"),
    ],
)
def test_direction_from_evidence(text: str, dct: str, expected: str, because: str) -> None:
    expression = last_date(text, dct)
    assert expression.value == expected, expression.evidence
    assert because in expression.evidence


@pytest.mark.parametrize(
    "text",
    [
        "The hearings are expected to last six weeks.",
        "Supplies will not last 10 days.",
        "Talks could last two days.",
    ],
)
def test_last_as_a_verb_is_no_date(text: str) -> None:
    assert all(e.type == "DURATION" for e in extract(text, "2025-03-11").expressions)


def test_distance_note_explains_a_nearest_choice() -> None:
    expression = last_date("The plan was agreed under the Feb. 23 accord.", "1998-03-06")
    assert expression.value == "1998-02-23"
    assert "year:" in expression.evidence


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("see you monday", "2024-04-15"),  # lower case, imperative: ahead
        ("Call me Friday.", "2024-04-19"),
        ("He left on monday.", "2024-04-08"),
        ("SATURDAY’S ATTACK WAS LARGE.", "2024-04-13"),  # capitals and a curly apostrophe
        ("Done by end of next week.", "2024-W16"),
        ("Sales this qtr are up.", "2024-Q2"),
        ("The parts will arrive in 3 weeks.", "2024-05-04"),
        ("We meet the day after tomorrow.", "2024-04-15"),
        ("Voting starts the first Tuesday of October.", "2024-10-01"),
        ("The filing deadline is 2/15.", "2025-02-15"),
    ],
)
def test_colloquial_forms(text: str, expected: str) -> None:
    assert last_date(text).value == expected
