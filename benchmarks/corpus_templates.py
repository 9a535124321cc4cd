"""Sentence templates and word lists for the benchmark corpus.

The time expressions are the kinds the gold files hold: weekdays with and without
last/next, explicit dates, relative offsets, quarters, seasons, decades, holidays,
clock times and parts of the day, recurring sets, durations, and the usual traps
(May as a name, "marched", Friday prayers, scores). Slots in braces are filled by
``make_corpus`` from the article's own date, so the dates agree with its DCT.
"""

from __future__ import annotations

TOPICS = {
    "politics": {
        "org": ["the Senate", "the finance committee", "the governor's office", "the city council", "the ministry"],
        "thing": ["the funding bill", "the budget", "the reform package", "the stopgap measure", "the housing plan"],
        "verb": ["vote on", "debate", "amend", "approve", "reject"],
    },
    "business": {
        "org": ["Harlow Foods", "Northfield Brands", "Crestline Motors", "Baystate Energy", "Orion Retail"],
        "thing": ["the merger", "quarterly results", "the share buyback", "the new factory", "the price increase"],
        "verb": ["announce", "complete", "review", "delay", "finalize"],
    },
    "courts": {
        "org": ["the district court", "the appeals panel", "prosecutors", "the defense team", "the jury"],
        "thing": ["the fraud case", "the sentencing hearing", "the appeal", "the plea deal", "the retrial"],
        "verb": ["hear", "rule on", "postpone", "reopen", "settle"],
    },
    "local": {
        "org": [
            "the school board",
            "the planning commission",
            "Millbrook council",
            "the transit agency",
            "the library trust",
        ],
        "thing": ["the zoning change", "the bus route", "the new park", "the water rate increase", "the bond measure"],
        "verb": ["discuss", "vote on", "fund", "review", "open"],
    },
    "science": {
        "org": ["the research team", "the space agency", "the university lab", "the survey group", "the observatory"],
        "thing": ["the glacier survey", "the launch", "the clinical trial", "the field season", "the data release"],
        "verb": ["publish", "begin", "extend", "complete", "present"],
    },
    "sports": {
        "org": ["Ashford United", "the Kingsbridge Rovers", "the league", "the coaching staff", "the club"],
        "thing": ["the cup final", "the transfer", "the playoff series", "the home opener", "the stadium deal"],
        "verb": ["play", "confirm", "announce", "reschedule", "win"],
    },
    "weather": {
        "org": [
            "the National Weather Service",
            "state emergency officials",
            "the utility",
            "road crews",
            "forecasters",
        ],
        "thing": ["the ice storm", "the heat warning", "power restoration", "the flood watch", "the snow emergency"],
        "verb": ["lift", "extend", "issue", "complete", "monitor"],
    },
    "world": {
        "org": ["the government", "the opposition", "the central bank", "labor unions", "the United Nations"],
        "thing": ["the fuel subsidy cut", "the ceasefire talks", "the election", "the aid package", "the strike"],
        "verb": ["discuss", "extend", "sign", "resume", "call off"],
    },
}

PEOPLE = [
    "Dan Whitcomb",
    "Priya Raman",
    "Marcus Dell",
    "Elena Sorensen",
    "Budi Hartanto",
    "Grace Okafor",
    "Tom Halvorsen",
    "Lucia Ferreira",
    "Ahmed Karimi",
    "Hannah Brooks",
    "Kenji Watanabe",
    "Maria Lopez",
    "Theresa May",
    "June Carter",
    "Will Ashford",  # names that look like dates: traps
]
CITIES = ["WASHINGTON", "CHICAGO", "JAKARTA", "LONDON", "PORTLAND, Maine", "GENEVA", "MILLBROOK, Ohio", "DENVER"]
AGENCIES = ["Reuters", "AP", "AFP", "Bloomberg"]
SOURCES = ["Staff report", "By the newsroom", "From our correspondent", "Wire services"]

HEADLINES = [
    "{Org} to {verb} {thing} as pressure builds",
    "{Org} says {thing} will go ahead {next_weekday}",
    "What we know about {thing} so far",
    "{person} defends {thing} ahead of {next_month_name} deadline",
    "{Org} delays {thing} until {future_date}",
    "Analysis: why {thing} matters for {next_year}",
]

# One sentence each; a paragraph strings two to four of them together.
SENTENCES = [
    "{Org} said on {dct_weekday} that it would {verb} {thing} as soon as {next_weekday}.",
    "{person} told reporters {last_weekday} night that talks had narrowed over the past week.",
    "The deadline is {future_date}, and officials warned that missing it would cost {money}.",
    "A first vote could come {next_weekday} morning, {number} days before the {future_month_name} break.",
    "{Org} first proposed {thing} in {past_month_name} {year}, then revised it late last year.",
    "Sales rose {percent}% in the {ordinal} quarter of {last_year}, from {money} a year earlier.",
    "Results for the {ordinal_next} quarter are due on {future_date}.",
    "The figures, released {dct_day_phrase}, showed the biggest change since the {decade}s.",
    "{person} said {thing} had been planned since {past_year} and would finish by the end of {future_month_name}.",
    "Meetings will be held every {weekday} at {clock} until the work is done.",
    "Crews worked through the night and expect to finish by {next_weekday} evening.",
    "Two days later, {org} said it needed {number} more weeks to review {thing}.",
    "The committee met for three hours on {past_date} and again the following day.",
    "About {number} people attended the hearing, which began shortly after noon and ended by the evening.",
    "In the {century} century, the site was a farm; it became a park in the early {decade}s.",
    "{person} said {org} would decide early next year, possibly before {holiday}.",
    "Over the next {number_word} days, {org} plans to {verb} {thing} in stages.",
    "A similar plan failed {number_word} years ago, when {org} ran out of money in mid-{past_year}.",
    "The group meets monthly and reports to {org} each spring.",
    "Tickets go on sale at 9 a.m. on {future_date}, {org} said in a statement {dct_day_phrase}.",
    "This summer's schedule includes games every Saturday and Sunday through {future_month_name}.",
    "{person} marched with supporters to city hall after Friday prayers, as they had done for weeks.",
    "Shares fell {percent}% {on_past_weekday}, the steepest drop since {past_month_name}.",
    "The report covers the period from {past_date} to {dct_month_day}.",
    "Power was restored to {number} homes by {clock} {dct_day_phrase_short}, a week after the storm hit.",
    "{person} may step down before the {future_season}, according to two people familiar with the plan.",
    "The team won 3-1 at home and has not lost since the {ordinal} week of {past_month_name}.",
    "By {future_month_name} {next_year}, the program is expected to reach {number} families a month.",
    "The inquiry, which opened {number_word} weeks ago, will hear from witnesses until {holiday}.",
    "{Org} has met {number} times in the past {number_word} months without an agreement.",
    "Yesterday's announcement came {number_word} days after {person} promised a decision within the week.",
    "{Org} will publish a full report in the {ordinal} half of {next_year}, a spokeswoman said.",
    "The agreement runs for {number_word} years, through {future_month_name} {next_year}.",
    "Turnout was lower than in {last_year}, when {number} people took part over the Labor Day weekend.",
    "Inflation rose to {percent}% in {past_month_name}, the highest since late {past_year}.",
    "Negotiators will meet again {next_weekday} afternoon and hope to finish this weekend.",
    "{person} joined {org} in the {decade}s and has led it since {past_year}.",
    "Officials expect a decision within {number_word} weeks, before the end of the year.",
    "The next hearing is set for {future_date} at {clock}, the court clerk said.",
    "Rain is forecast from {next_weekday} night into the weekend, with temperatures falling tomorrow.",
    "The plan was first floated on {past_date}, weeks before {org} agreed to {verb} {thing}.",
    "Since {past_month_name}, {org} has held public meetings twice a month.",
    "{person} said the target of {money} by {future_season} was ambitious but reachable.",
    "For the past {number_word} years, the fair has opened on the first Saturday of {future_month_name}.",
    "Earlier this year, {org} said it would {verb} {thing} by the {ordinal} week of {future_month_name}.",
    'Asked on {dct_weekday} whether the timetable could slip, {person} said: "Not this time."',
    "Will {org} keep its promise? Critics doubt it, citing delays in {last_year} and {past_year}.",
    "The office is open 24 hours a day, seven days a week, until {holiday}.",
]

# Sentences without any time word: news prose is not all dates. Mixed in so that about
# seven sentences in ten hold a time expression, as in the gold files.
PLAIN_SENTENCES = [
    "{person} declined to comment on the details of {thing}.",
    "Critics said {org} had not explained how {thing} would be paid for.",
    '"We have heard the concerns and we are listening," {person} said in a statement.',
    "The proposal would affect about {number} households across the region.",
    "Supporters argue that {thing} will create jobs and lower costs for families.",
    "Opponents have questioned whether {org} has the authority to act alone.",
    "{Org} did not respond to a request for comment.",
    "The cost is estimated at {money}, according to documents reviewed by reporters.",
    "Several residents who spoke at the meeting urged {org} to slow down.",
    "The figures were compiled by an independent auditor.",
    "{person}, who has led the effort, called it a turning point for the community.",
    "Details of the agreement were not made public.",
    "Analysts cautioned that the numbers could change as more data comes in.",
    "{Org} said the plan would be reviewed by an outside panel of experts.",
    "Questions remain about how the program will be staffed.",
    "Local business owners said they were cautiously optimistic.",
    "{person} said the decision reflected a broad consensus among members.",
    "A spokesperson for {org} said the group was reviewing its options.",
    "The union represents about {number} workers in the sector.",
    "Turnout at the hearing was higher than organizers expected.",
    "The report runs to {number} pages and includes dozens of recommendations.",
    "{Org} has faced criticism over its handling of {thing}.",
    "Neither side has ruled out going to court.",
    '"This is about fairness," {person} told the crowd.',
]

ORDINALS = ["first", "second", "third", "fourth"]
NUMBER_WORDS = ["two", "three", "four", "five", "six", "seven", "ten", "twelve"]
HOLIDAYS = ["Christmas Eve", "New Year's Day", "Thanksgiving", "Labor Day", "Easter", "Memorial Day"]
SEASONS = ["spring", "summer", "fall", "winter"]
CLOCKS = ["9 a.m.", "10:30 a.m.", "noon", "2 p.m.", "3:30 p.m.", "6 p.m.", "7:15 p.m."]
CENTURIES = ["18th", "19th", "20th"]
