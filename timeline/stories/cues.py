"""Cue words that say a clause does not report a happening as having happened, as data with examples.

English marks a happening as not asserted with a negation on its verb ("did not attack"), a modal
("may strike"), or a verb of intent, belief or fear above it ("plan to strike", "no reason to
believe they ..."). A clause whose verb is a copula tells a state or a count ("six people are in
custody"), not an occurrence. Each cue carries one sentence (time phrase included) that it marks;
tests are generated from them. General English, never one story's words.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Cue:
    word: str  # lower-case token or lemma
    example: str  # a sentence whose dated clause this cue marks
    phrase: str  # the time phrase in ``example``


def _cues(*rows: tuple[str, str, str]) -> tuple[Cue, ...]:
    return tuple(Cue(*row) for row in rows)


# A negation attached to the action verb, or to a word above it.
NEGATION: tuple[Cue, ...] = _cues(
    ("not", "The army did not attack the village on Monday.", "Monday"),
    ("n't", "The rebels didn't attack the convoy on Sunday.", "Sunday"),
    ("never", "The second bomb never exploded on Friday.", "Friday"),
    ("no", "There is no reason to believe the group will strike again on Monday.", "Monday"),
    ("nobody", "Nobody claimed the attack on Tuesday.", "Tuesday"),
    ("neither", "Neither side fired on Thursday.", "Thursday"),
)

# Modal auxiliaries of possibility or obligation ("will" is left out: news uses it for what is
# scheduled, which does happen on its date).
MODAL: tuple[Cue, ...] = _cues(
    ("may", "Militants may strike again on Sunday.", "Sunday"),
    ("might", "The ferry might sail on Friday.", "Friday"),
    ("could", "Officials said the dam could fail on Thursday.", "Thursday"),
    ("should", "The report should be published on Monday.", "Monday"),
    ("must", "The company must repay the loan by Friday.", "Friday"),
)

# Verbs (and nouns) of intent, belief, fear or denial: what they govern is not told as happened.
GOVERNING: tuple[Cue, ...] = _cues(
    ("plan", "Police said the group planned to attack the embassy on Friday.", "Friday"),
    ("intend", "The union intends to strike on Monday.", "Monday"),
    ("threaten", "The rebels threatened to bomb the capital on Sunday.", "Sunday"),
    ("want", "The minister wanted to resign on Monday.", "Monday"),
    ("hope", "Organisers hope to open the bridge on Friday.", "Friday"),
    ("try", "The gunmen tried to storm the building on Tuesday.", "Tuesday"),
    ("seek", "Prosecutors sought to charge him on Wednesday.", "Wednesday"),
    ("fear", "Residents feared the dam would collapse on Thursday.", "Thursday"),
    ("believe", "Officials believe the suspects fled the country on Sunday.", "Sunday"),
    ("suspect", "Police suspect the men planted the bomb on Friday.", "Friday"),
    ("deny", "The group denied that it attacked the embassy on Friday.", "Friday"),
    ("reject", "The ministry rejected claims that troops fired on Monday.", "Monday"),
    ("if", "Talks will collapse if the union strikes on Monday.", "Monday"),
    ("unless", "The mine will close unless buyers are found by Friday.", "Friday"),
)

# Verbs that make a clause a state or a count rather than an occurrence (when they carry no
# happening word themselves): "Six people are in custody", "the toll stood at nine".
STATE: tuple[Cue, ...] = _cues(
    ("be", "Six people were in custody on Monday.", "Monday"),
    ("remain", "Three people remained missing on Tuesday.", "Tuesday"),
    ("stand", "The death toll stood at nine on Thursday.", "Thursday"),
    ("number", "The survivors numbered about 200 on Friday.", "Friday"),
    ("total", "Losses totalled 4 million euros on Monday.", "Monday"),
)

NEGATION_WORDS = frozenset(c.word for c in NEGATION)
MODAL_WORDS = frozenset(c.word for c in MODAL)
GOVERNING_WORDS = frozenset(c.word for c in GOVERNING)
STATE_WORDS = frozenset(c.word for c in STATE)
