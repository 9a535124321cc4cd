"""Verbs of reporting: one table, with a flag for each use the engine and the stories make of it.

A reporting verb names the act of telling, not the happening told. Which verbs count depends
on the use, so each row says where it counts:
- ``titles``: an event title gives way to the clause the verb reports ("say", "announce", ...);
- ``dated_example``: a date right beside it dates the report, which news tells in the past
  ("said Friday"); the example and its expected day are the direction rule's test;
- ``grouping``: story grouping reads the happening from the clause it reports;
- ``publishing``: the anchoring policy also treats publishing results as reporting ("post");
- ``present_is_state``: in the present tense it describes a state, not a scheduled event;
- ``story_title_forms``: the forms that mark a story-event title as being about the reporting.
Every row carries a sentence in which the verb reports; the tests are generated from them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class ReportingVerb:
    lemma: str
    example: str
    titles: bool = False
    dated_example: tuple[str, str] | None = None
    grouping: bool = False
    publishing: bool = False
    present_is_state: bool = False
    story_title_forms: tuple[str, ...] = ()


R = ReportingVerb
REPORTING_VERBS: tuple[ReportingVerb, ...] = (
    R("say", "Police said two men were arrested.", titles=True, grouping=True, present_is_state=True,
      dated_example=("The company said Friday that profits will rise.", "2024-04-12"), story_title_forms=("say", "says", "said")),
    R("tell", "He told reporters the talks had failed.", titles=True, grouping=True, present_is_state=True,
      dated_example=("He told reporters Wednesday that he will run.", "2024-04-10"), story_title_forms=("tell", "tells", "told")),
    R("announce", "The firm announced it would cut jobs.", titles=True, grouping=True,
      dated_example=("The firm announced Thursday that it will cut jobs.", "2024-04-11"),
      story_title_forms=("announce", "announces", "announced")),
    R("report", "The agency reported that sales slowed.", titles=True, grouping=True, present_is_state=True,
      dated_example=("The agency reported Tuesday that sales will slow.", "2024-04-09"),
      story_title_forms=("report", "reports", "reported")),
    R("confirm", "Police confirmed the road would reopen.", titles=True, grouping=True,
      dated_example=("Police confirmed Friday that they would reopen the road.", "2024-04-12"),
      story_title_forms=("confirm", "confirms", "confirmed")),
    R("add", "The talks will resume, he added.", titles=True, grouping=True, present_is_state=True,
      story_title_forms=("add", "adds", "added")),
    R("warn", "Moscow warned that strikes could follow.", titles=True,
      dated_example=("Moscow warned Thursday that strikes could follow.", "2024-04-11")),
    R("disclose", "The bank disclosed it would sell the unit.", titles=True, grouping=True,
      dated_example=("The bank disclosed Monday that it would sell the unit.", "2024-04-08")),
    R("state", "The ministry stated that the border was closed.", titles=True, grouping=True),
    R("claim", "The group claimed it had planted the bomb.", titles=True, grouping=True, present_is_state=True),
    R("note", "Analysts noted that prices had fallen.", titles=True, grouping=True, present_is_state=True),
    R("explain", "The mayor explained that the bridge was unsafe.", titles=True, grouping=True),
    R("insist", "Officials insisted the vote would go ahead.", titles=True, grouping=True),
    R("acknowledge", "The company acknowledged the data was stolen.", titles=True, grouping=True),
    R("reveal", "The report revealed that funds were missing.", titles=True, grouping=True),
    R("declare", "The court declared the election void.", titles=True),
    R("write", "She wrote that the plan had failed.", titles=True, present_is_state=True),
    R("testify", "The witness testified that he saw the truck.", titles=True),
    R("assert", "The lawyer asserted that the deal was legal.", titles=True),
    R("allege", "Prosecutors alleged that he took bribes.", titles=True),
    R("accord", "According to police, two men were arrested.", grouping=True, present_is_state=True),
    R("told", "Witnesses told of a loud blast.", grouping=True),  # a lemma the model sometimes leaves as written
    R("quote", "The paper quoted an official as saying the talks failed.", grouping=True),
    R("describe", "Witnesses described a loud blast.", grouping=True),
    R("post", "The bank posted a loss for the quarter.", publishing=True),
    R("estimate", "Analysts estimated the loss at $2 billion.", publishing=True),
    R("predict", "Forecasters predicted rain for the weekend.", publishing=True),
    R("forecast", "Economists forecast growth of 2 percent.", publishing=True),
    R("speak", "The minister speaks of a crisis.", present_is_state=True),
    R("argue", "Critics argue that the plan will fail.", present_is_state=True),
)  # fmt: skip

TITLE_REPORTING = frozenset(r.lemma for r in REPORTING_VERBS if r.titles)
DATED_REPORTING = tuple(r for r in REPORTING_VERBS if r.dated_example)
GROUPING_REPORTING = frozenset(r.lemma for r in REPORTING_VERBS if r.grouping)
ANCHORING_REPORTING = TITLE_REPORTING | frozenset(r.lemma for r in REPORTING_VERBS if r.publishing)
PRESENT_STATE_REPORTING = frozenset(r.lemma for r in REPORTING_VERBS if r.present_is_state)
# "Police say", "FBI officials said", "according to": a story-event title about the reporting.
STORY_TITLE_REPORTING = re.compile(
    r"\b(?:" + "|".join(f for r in REPORTING_VERBS for f in r.story_title_forms) + r"|according to)\b",
    re.IGNORECASE,
)
