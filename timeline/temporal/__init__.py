"""The temporal engine: plain Python (spaCy + dateparser), no Django.

>>> from timeline.temporal import extract
>>> extract("Officials met on Saturday.", "2024-04-13").expressions[0].value
'2024-04-13'
"""

from timeline.temporal.errors import InputError
from timeline.temporal.extract import PREFERENCES, extract
from timeline.temporal.types import DctEvidence, EventCandidate, Extraction, Sentence, TimeExpression

__all__ = [
    "extract",
    "PREFERENCES",
    "Extraction",
    "TimeExpression",
    "Sentence",
    "DctEvidence",
    "EventCandidate",
    "InputError",
]
