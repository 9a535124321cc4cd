"""Words news reports use for the same kind of happening, as data with worked examples.

Outlets tell one happening in different words ("the dam collapsed" / "the dam gave way",
"pilots walked out" / "the strike began"): grouping compares the classes of the action and of
its participants, not only the words. Each class lists verbs and nouns (lemmas; multi-word
entries are "verb particle" or "verb object") and one pair of sentences that should match
through it; tests are generated from those examples. General English, never one story's words.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class HappeningClass:
    name: str
    words: frozenset[str]
    example: tuple[str, str]  # two phrasings of one happening, each with a time phrase
    reaction: bool = False  # a response to another happening, never that happening itself


def _c(name: str, words: str, first: str, second: str, *, reaction: bool = False) -> HappeningClass:
    return HappeningClass(name, frozenset(w.strip() for w in words.split(",")), (first, second), reaction)


CLASSES: tuple[HappeningClass, ...] = (
    _c(
        "give-way",
        "collapse, break, breach, burst, fail, failure, give way, crumble, cave, cave in, rupture",
        "The old bridge collapsed on Monday.",
        "The old bridge gave way on Monday.",
    ),
    _c(
        "explode",
        "explode, explosion, blast, detonate, blow up, bomb, bombing, go off",
        "A car bomb exploded near the market on Friday.",
        "A car bomb went off near the market on Friday.",
    ),
    _c(
        "attack",
        "attack, assault, raid, ambush, storm, shell, shelling, airstrike, bomb, bombing, blast",
        "Gunmen attacked a police post on Sunday.",
        "Gunmen raided a police post on Sunday.",
    ),
    _c(
        "kill",
        "kill, die, death, slay, murder, dead",
        "The blast killed 12 people on Tuesday.",
        "Twelve people died in the blast on Tuesday.",
    ),
    _c(
        "injure",
        "injure, wound, hurt, injury",
        "Four officers were injured on Saturday.",
        "Four officers were wounded on Saturday.",
    ),
    _c(
        "begin",
        "begin, start, launch, commence, open, kick off, get under way, opening",
        "The trial began on Monday.",
        "The trial opened on Monday.",
    ),
    _c(
        "end",
        "end, finish, conclude, close, halt, stop, call off, wrap up",
        "The talks ended on Friday.",
        "The talks concluded on Friday.",
    ),
    _c(
        "resign",
        "resign, quit, step down, resignation, stand down",
        "The minister resigned on Monday.",
        "The minister stepped down on Monday.",
    ),
    _c(
        "arrest",
        "arrest, detain, apprehend, capture, detention",
        "Police arrested two men on Sunday.",
        "Police detained two men on Sunday.",
    ),
    _c(
        "charge",
        "charge, indict, accuse, indictment",
        "Prosecutors charged the driver on Friday.",
        "Prosecutors indicted the driver on Friday.",
    ),
    _c(
        "convict",
        "convict, sentence, find guilty, conviction, sentencing",
        "A court convicted the former mayor on Thursday.",
        "A court found the former mayor guilty on Thursday.",
    ),
    _c(
        "walkout",
        "strike, walkout, walk out, walk off, stoppage, go on strike",
        "Nurses went on strike on Monday.",
        "The nurses' walkout began on Monday.",
    ),
    _c(
        "talks",
        "talk, negotiate, negotiation, meet, meeting, summit, resume talks",
        "The two sides met on Wednesday.",
        "Negotiations between the two sides took place on Wednesday.",
    ),
    _c(
        "agree",
        "agree, agreement, deal, accord, settle, settlement, reach agreement, reach deal, compromise",
        "The parties agreed a deal on Saturday.",
        "The parties reached an agreement on Saturday.",
    ),
    _c(
        "approve",
        "approve, authorize, pass, adopt, ratify, endorse, approval, ratification",
        "Lawmakers approved the budget on Tuesday.",
        "Lawmakers passed the budget on Tuesday.",
    ),
    _c(
        "vote",
        "vote, ballot, elect, election, referendum",
        "Members voted on Monday.",
        "Members cast their ballots on Monday.",
    ),
    _c(
        "summon",
        "summon, call, convene, invite",
        "The minister summoned the ambassador on Monday.",
        "The minister called in the ambassador on Monday.",
    ),
    _c(
        "apologize",
        "apologize, apology, regret, apologise",
        "The chief executive apologized on Friday.",
        "The chief executive offered an apology on Friday.",
    ),
    _c(
        "evacuate",
        "evacuate, evacuation, flee, leave home, order out",
        "Residents were evacuated on Tuesday.",
        "Residents fled their homes on Tuesday.",
    ),
    _c(
        "rescue",
        "rescue, recover, pull, save, retrieve, recovery",
        "Divers recovered two bodies on Sunday.",
        "Divers pulled two bodies from the river on Sunday.",
    ),
    _c(
        "fall",
        "fall, drop, slide, slump, plunge, tumble, decline, sink, lose",
        "Shares fell 8 percent on Thursday.",
        "Shares slid 8 percent on Thursday.",
    ),
    _c(
        "rise",
        "rise, climb, jump, soar, gain, surge, increase",
        "Oil prices rose on Monday.",
        "Oil prices climbed on Monday.",
    ),
    _c(
        "visit",
        "visit, tour, arrive, trip",
        "The president visited the flooded town on Friday.",
        "The president toured the flooded town on Friday.",
    ),
    _c(
        "fire",
        "fire, blaze, burn, flame",
        "A fire destroyed the warehouse on Monday.",
        "A blaze destroyed the warehouse on Monday.",
    ),
    _c(
        "crash",
        "crash, collide, collision, derail, derailment",
        "Two trains collided on Sunday.",
        "Two trains crashed on Sunday.",
    ),
    _c(
        "outage",
        "outage, failure, fault, glitch, malfunction, meltdown, breakdown",
        "A software fault grounded flights on Thursday.",
        "A software outage grounded flights on Thursday.",
    ),
    _c(
        "declare",
        "declare, proclaim, impose, declaration",
        "The governor declared an emergency on Wednesday.",
        "The governor proclaimed an emergency on Wednesday.",
    ),
    _c(
        "inspect",
        "inspect, examine, inspection, check, survey",
        "Engineers inspected the dam in May.",
        "Engineers examined the dam in May.",
    ),
    _c(
        "find",
        "find, discover, detect, uncover, identify",
        "Inspectors found cracks in October.",
        "Inspectors discovered cracks in October.",
    ),
    _c(
        "release",
        "release, free, freeing, let go",
        "The hostages were released on Monday.",
        "The hostages were freed on Monday.",
    ),
    _c(
        "win",
        "win, victory, beat, defeat, triumph",
        "The team won the final on Sunday.",
        "The team beat its rival in the final on Sunday.",
    ),
    _c(
        "sink",
        "sink, capsize, overturn, founder, sinking, capsizing, shipwreck",
        "The ferry capsized on Thursday.",
        "The ferry overturned on Thursday.",
    ),
    _c(
        "search",
        "search, hunt, comb, manhunt",
        "Divers searched the wreck on Saturday.",
        "Divers combed the wreck on Saturday.",
    ),
    _c(
        "inquiry",
        "inquiry, investigation, probe, investigate, inquest, hearing",
        "The ministry ordered an inquiry on Friday.",
        "The ministry announced an investigation on Friday.",
    ),
    # Reactions: what one actor says or does about a happening. "Cuba condemned the bombing" is
    # Cuba's condemnation, not the bombing; every actor's reaction is its own happening.
    _c(
        "condemn",
        "condemn, condemnation, denounce, deplore, outrage, decry",
        "The foreign ministry condemned the attack on Saturday.",
        "The foreign ministry denounced the attack on Saturday.",
        reaction=True,
    ),
    _c(
        "criticise",
        "criticise, criticize, criticism, blame, slam, rebuke",
        "The opposition criticised the government on Monday.",
        "The opposition blamed the government on Monday.",
        reaction=True,
    ),
    _c(
        "mourn",
        "mourn, grieve, mourning, condolence, sympathy, tribute, pay tribute, condole",
        "The city mourned the victims on Sunday.",
        "The city grieved for the victims on Sunday.",
        reaction=True,
    ),
    _c(
        "deny",
        "deny, denial, disclaim, disavow",
        "On Friday, the group denied any involvement in the attack.",
        "On Friday, the group disavowed the attack.",
        reaction=True,
    ),
    _c(
        "praise",
        "praise, hail, commend, applaud, laud",
        "The mayor praised the rescue teams on Tuesday.",
        "The mayor hailed the rescue teams on Tuesday.",
        reaction=True,
    ),
    _c(
        "welcome",
        "welcome, greet, embrace",
        "Neighbouring states welcomed the ceasefire on Monday.",
        "Neighbouring states greeted the ceasefire on Monday.",
        reaction=True,
    ),
    _c(
        "sign",
        "sign, signing, ink",
        "The leaders signed the treaty on Friday.",
        "The treaty was signed by the leaders on Friday.",
    ),
)

CLASSES_OF: dict[str, frozenset[str]] = {}
for _class in CLASSES:
    for _word in _class.words:
        CLASSES_OF[_word] = CLASSES_OF.get(_word, frozenset()) | {_class.name}


REACTIONS = frozenset(c.name for c in CLASSES if c.reaction)


def classes_of(*lemmas: str) -> frozenset[str]:
    """The happening classes of a word or phrase (lemmas): its own lemma counts as a class too."""
    found: frozenset[str] = frozenset()
    for lemma in lemmas:
        if lemma:
            found |= CLASSES_OF.get(lemma, frozenset({lemma}))
    return found
