"""Words that shape event titles, with sentences and the titles they must give (tests use them).

A reporting verb ("say", "tell", "announce", ...) names the act of reporting, not the
happening: the title comes from the clause it reports (prefixed with who reports it when
that clause has a date of its own, which then titles its own event). "According to" needs no rule
(the happening is already the main verb) but keeps an example so it stays that way.
"""

from __future__ import annotations

from dataclasses import dataclass

from timeline.temporal.reporting import TITLE_REPORTING

# The verbs a title gives way to: one table of reporting verbs, in ``reporting.py``.
REPORTING_VERBS = TITLE_REPORTING

# Modal auxiliaries kept in a title (the happening is not a fact without them); reported
# speech's "would" reads as the headline's "will".
MODALS = {"will": "will", "'ll": "will", "wo": "will", "shall": "will", "would": "will", "'d": "will",
          "could": "could", "can": "can", "ca": "can", "may": "may", "might": "may", "should": "should",
          "must": "must"}  # fmt: skip


@dataclass(frozen=True)
class TitleExample:
    """A sentence, the title its first event must get, and the titles of any further events."""

    sentence: str
    title: str
    others: tuple[str, ...] = ()


TITLE_EXAMPLES = (
    TitleExample(
        "A U.S. official said on Saturday that field tests suggest a Czech-made explosive was used.",
        "Field tests suggest Czech-made explosive",
    ),
    TitleExample(
        "A court-appointed receiver said on Tuesday that Northgate's remaining assets were worth about $40 million.",
        "Northgate's remaining assets are worth about $40 million",
    ),
    TitleExample(
        # what was said lies ahead, so the dated event is the saying and keeps who said it
        "Forecasters said Tuesday that 4 to 8 inches of snow could fall across the mountains.",
        "Forecasters say 4 to 8 inches of snow could fall across mountains",
    ),
    TitleExample(
        "The World Bank said it would announce an emergency loan this week.",
        "World Bank will announce emergency loan",  # a pronoun subject gives way to the name it stands for
    ),
    TitleExample(
        "Police told reporters on Friday that the bomb had been hidden in a truck.",
        "Bomb hidden in truck",
    ),
    TitleExample(
        "The rebels did not attack the town on Friday, officials said.",
        "Rebels do not attack town",
    ),
    TitleExample("The ministry announced new fuel subsidies on Monday.", "Ministry announces new fuel subsidies"),
    TitleExample("According to police, the bomb exploded on Friday near the embassy.", "Bomb explodes near embassy"),
    TitleExample("There were no mass cancellations on Monday.", "No mass cancellations"),
    TitleExample("Bus and subway workers will walk off the job on Monday.", "Bus and subway workers will walk off job"),
    TitleExample("The hearing may be held before Monday.", "Hearing may be held"),
    TitleExample(
        "Ambassador Prudence Bushnell, Joseph Kamau and two guards were hurt on Friday.",
        "Ambassador Prudence Bushnell, Joseph Kamau and two guards hurt",
    ),
    TitleExample(
        "The government defended the subsidy cut it announced a week ago.",
        "Subsidy cut announced",
    ),
    TitleExample(
        "BANGOR, Maine (AP) — Utility crews worked through freezing rain on Tuesday.",
        "Utility crews work",  # "through" reads as a time word ("through Friday") and is left out
    ),
    TitleExample(
        "ZURICH — Glaciers in the Alps lost about 4% of their ice this summer.",
        "Glaciers in the Alps lose about 4% of their ice",
    ),
    TitleExample(
        "SPRINGFIELD, Ill. (AP) — A 24-year-old man was charged on Monday with attempted murder.",
        "24-year-old man charged with attempted murder",
    ),
    TitleExample(
        "The ministry said on Saturday that Cuba would send medical aid to Nairobi next week.",
        "Ministry says Cuba will send medical aid",  # the report, dated Saturday
        others=("Cuba will send medical aid",),  # the sending, dated next week
    ),
    TitleExample(
        "Hartanto told reporters on Monday that the subsidy would cost more than 500 trillion rupiah this year.",
        "Hartanto says subsidy will cost more than 500 trillion rupiah",
        others=("Subsidy will cost more than 500 trillion rupiah",),
    ),
    TitleExample("Biden does not expect a deal on Friday.", "Biden does not expect deal"),
    TitleExample("Iran launched its attack on Israel on Saturday.", "Iran launches attack on Israel"),
    # The parser's lemma must re-inflect to the written verb ("rated" is not "rat" + ed, which
    # gives "ratted"); when it does not, the title keeps the written past.
    TitleExample(
        "A state inspection on Monday rated the bridge's deck as poor.",
        "State inspection rated bridge's deck",
    ),
    TitleExample(
        "Officials said Tuesday that the port authority was fined for a Jan. 12 engine fire at the pier and two"
        " cranes.",
        "Officials say port authority fined for engine fire",  # never half a date ("12 engine fire")
        others=("Port authority fined for engine fire",),
    ),
    TitleExample("Two remained in serious condition on Friday.", "Two remain in serious condition"),
    TitleExample("Cracks were found in the deck on Monday.", "Cracks found in deck"),
    TitleExample("Federal disaster aid was approved on Thursday.", "Federal disaster aid approved"),
    TitleExample(
        "County officials ordered residents to leave on Saturday.",
        "County officials order residents to leave",
    ),
    TitleExample(
        "The 64-year-old steel span fell into the water on Tuesday.",
        "64-year-old steel span falls into water",  # a hyphenated word is kept whole
    ),
    # A participle without auxiliary is passive ("found", not "find").
    TitleExample("The county said it had cracks found in the spillway on Monday.", "Cracks found in spillway"),
    TitleExample("Residents welcomed federal disaster aid approved on Thursday.", "Federal disaster aid approved"),
    TitleExample("Closed on Monday, the school reopened.", "School closed"),
    # "spent Sunday trying": the time is what was spent, the trying is the happening
    TitleExample("Crews spent the weekend trying to restore power to 4,000 homes.", "Crews try to restore power"),
    TitleExample(
        "County officials on Saturday ordered residents and two villages to leave.",
        "County officials order residents and two villages to leave",
    ),
    TitleExample("The shelter closed on Monday.", "Shelter closes"),
    TitleExample(  # the noun a clause describes is what its verb acts on
        "It is the beginning of a broader regional conflict that the United States has been trying to prevent "
        "since the Oct. 7 Hamas attack.",
        "United States tries to prevent broader regional conflict",
    ),
    # A clause without a subject takes the one of the clause it continues ...
    TitleExample(
        "The extremist party took 13 percent of the vote and hopes to win its first seats in parliament this"
        " September.",
        "Extremist party hopes to win first seats in parliament",
    ),
    # ... never one across a preposition (the suspects are not said to have done it): the clause as written
    TitleExample(
        "The court blocked the trial of two Libyans suspected of blowing up a jumbo jet in 1988.",
        "Blowing up a jumbo jet",
    ),
    TitleExample(  # a name is kept whole even where a long subject is cut down
        "Biden and Israeli Prime Minister Benjamin Netanyahu met Saturday night, as did Secretary of Defense "
        "Lloyd Austin and Defense Minister Yoav Gallant, and the two governments will remain in close contact.",
        "Biden and Prime Minister Benjamin Netanyahu meet",
    ),
)
