"""The engine's entry point: text (+ DCT) in, sentences, resolved expressions and events out."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import TYPE_CHECKING

import dateparser

from timeline.temporal.clean import break_long_runs, mask_debris
from timeline.temporal.dct import assess_dct, metadata_spans
from timeline.temporal.detect import Candidate, OverlapPolicy, longest_first, match_rules, trim_entity
from timeline.temporal.direction import Direction, explicit, from_text, span_evidence
from timeline.temporal.errors import InputError
from timeline.temporal.events import propose_events
from timeline.temporal.lead import lead_sentences, propose_lead_events
from timeline.temporal.limits import MAX_DCT, MAX_TEXT_CHARS, MIN_DCT, PREFERENCES  # noqa: F401 - re-exported
from timeline.temporal.names import drop_capitalised_names
from timeline.temporal.narrative import DOC_TYPES
from timeline.temporal.narrative_reading import (
    NEWS_READING,
    NarrativeReading,
    moves_the_narrative,
    read_document,
    resolve_in_narrative,
)
from timeline.temporal.nlp import Pipeline, load_pipeline
from timeline.temporal.parse import (
    DATE_LIKE,
    OnDemand,
    ParsePlan,
    SpanIndex,
    parse_sentences,
    plan_parse,
    with_sentences,
)
from timeline.temporal.range_end import joins_a_range, ordered_end
from timeline.temporal.resolve.captures import Captures
from timeline.temporal.resolve.context import FUTURE, PAST, UNKNOWN, Anchor, ResolveContext
from timeline.temporal.resolve.fiscal import is_story_quarter, year_part_anchor
from timeline.temporal.rules.base import Rule
from timeline.temporal.rules.en import RULES, RULES_BY_NAME
from timeline.temporal.segment import sentence_index_at, split_sentences
from timeline.temporal.shared_year import sharing_the_year, year_bearer
from timeline.temporal.tense import text_direction
from timeline.temporal.timex import Resolution, narrow_to_mod
from timeline.temporal.types import DATE, DctEvidence, Extraction, Sentence, TimeExpression

if TYPE_CHECKING:
    from spacy.tokens import Doc

NO_PARSE = ParsePlan([], frozenset())
NER_LABELS = ("DATE", "TIME")
NER_PRIORITY = -10
CUE_WINDOW = 1_000  # characters before an unparsed expression searched for a tense cue
# Grain of the dates that "the next day" may count from.
ANCHOR_GRANULARITIES = ("day", "part_of_day", "time", "week", "month", "quarter", "season", "year")


def coerce_dct(dct: date | datetime | str | None) -> date | None:
    """Accept a date, a datetime or an ISO string between MIN_DCT and MAX_DCT; else a clear InputError."""
    day = _parse_dct(dct)
    if day is not None and not MIN_DCT <= day <= MAX_DCT:
        raise InputError(f"DCT {day.isoformat()} is out of range: give a date between {MIN_DCT} and {MAX_DCT}.")
    return day


def _parse_dct(dct: date | datetime | str | None) -> date | None:
    if dct is None or (isinstance(dct, str) and not dct.strip()):
        return None
    if isinstance(dct, datetime):
        return dct.date()
    if isinstance(dct, date):
        return dct
    if isinstance(dct, str):
        text = dct.strip()
        try:
            return (
                datetime.fromisoformat(text.replace("Z", "+00:00")).date() if "T" in text else date.fromisoformat(text)
            )
        except ValueError:
            raise InputError(f"DCT {dct!r} is not a date: write it as YYYY-MM-DD (e.g. 2024-04-13).") from None
    raise InputError(f"DCT must be a date or YYYY-MM-DD string, not {type(dct).__name__}.")


def coerce_text(text: str | bytes) -> str:
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as error:
            raise InputError(
                f"The text is not valid UTF-8: byte 0x{text[error.start]:02x} at offset {error.start} "
                "cannot be decoded. Save the file as UTF-8 and try again."
            ) from None
    if not isinstance(text, str):
        raise InputError(f"Text must be a string, not {type(text).__name__}.")
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(
            f"The text has {len(text):,} characters; the limit is {MAX_TEXT_CHARS:,} (about 5 MB). "
            "Split it into separate articles."
        )
    return text


def extract(
    text: str | bytes,
    dct: date | datetime | str | None = None,
    prefer: str = "auto",
    *,
    pipeline: Pipeline | None = None,
    rules: Sequence[Rule] = RULES,
    overlap_policy: OverlapPolicy = longest_first,
    doc_type: str = "auto",
) -> Extraction:
    """Find and resolve every temporal expression in ``text`` against ``dct``.

    ``prefer`` overrides the direction read from tense ("past"/"future"); "auto"
    reads it from the governing verb. Without ``dct`` the DCT is inferred from the
    text (and reported as inferred, with its evidence). ``doc_type`` says whether the
    text reports news from its date or narrates a period ("news", "narrative"); "auto"
    decides from the text (narrative.py).
    """
    prepared = prepare_article(text, dct, prefer, pipeline=pipeline, rules=rules, doc_type=doc_type)
    docs = parse_sentences(prepared.sentences, prepared.plan, prepared.pipeline.parser)
    return finish_article(prepared, docs, overlap_policy)


@dataclass
class PreparedArticle:
    """An article after the cheap steps (cleaning, DCT, sentences, rule matches), before the parse."""

    text: str
    cleaned: str
    given_dct: date | None
    evidence: DctEvidence | None
    dct: date | None
    prefer: str
    pipeline: Pipeline
    sentences: list[Sentence]
    candidates: list[Candidate]
    plan: ParsePlan  # which sentences the model reads, and where it looks for entities
    warnings: list[str]
    doc_type: str = "auto"  # "news", "narrative" or "auto" (decided from the text)


def prepare_article(
    text: str | bytes,
    dct: date | datetime | str | None,
    prefer: str = "auto",
    *,
    pipeline: Pipeline | None = None,
    rules: Sequence[Rule] = RULES,
    doc_type: str = "auto",
) -> PreparedArticle:
    """Validate the input and run every step that does not need the statistical model."""
    text = coerce_text(text)
    given_dct = coerce_dct(dct)
    if prefer not in PREFERENCES:
        raise InputError(f"prefer must be one of {', '.join(PREFERENCES)}, not {prefer!r}.")
    if doc_type not in DOC_TYPES:
        raise InputError(f"doc_type must be one of {', '.join(DOC_TYPES)}, not {doc_type!r}.")
    pipeline = pipeline or load_pipeline()
    warnings = [pipeline.warning] if pipeline.warning else []
    if not text.strip():
        return PreparedArticle(
            text, text, given_dct, None, given_dct, prefer, pipeline, [], [], NO_PARSE, warnings, doc_type
        )
    cleaned = mask_debris(text)
    evidence, refused_because = (None, "") if given_dct else assess_dct(cleaned)
    resolved_dct = given_dct or (evidence.value if evidence else None)
    if resolved_dct is None:
        warnings.append(
            " ".join(
                filter(
                    None,
                    (
                        "No article date was given and none could be inferred: only expressions that name "
                        "their own year are resolved. Give the article's date to resolve the rest.",
                        refused_because,
                    ),
                )
            )
        )
    sentences = split_sentences(break_long_runs(cleaned), pipeline.splitter)
    candidates = drop_capitalised_names(cleaned, match_rules(cleaned, rules))
    plan = plan_parse(cleaned, sentences, candidates) if pipeline.parser is not None else NO_PARSE
    if pipeline.parser is not None and resolved_dct is not None:
        plan = with_sentences(plan, lead_sentences(sentences, cleaned, metadata_spans(cleaned)))
    return PreparedArticle(
        text,
        cleaned,
        given_dct,
        evidence,
        resolved_dct,
        prefer,
        pipeline,
        sentences,
        candidates,
        plan,
        warnings,
        doc_type,
    )


def finish_article(
    prepared: PreparedArticle, docs: dict[int, Doc], overlap_policy: OverlapPolicy = longest_first
) -> Extraction:
    """Add the model's entities, choose among overlapping candidates, resolve, propose events."""
    p = prepared
    if not p.sentences:
        return Extraction(p.given_dct, False, None, mode=p.pipeline.mode, warnings=p.warnings)
    rule_spans = SpanIndex([(c.start, c.end) for c in p.candidates])
    entities = [
        e
        for e in drop_capitalised_names(p.cleaned, entity_candidates(p.cleaned, p.sentences, docs))
        if not rule_spans.overlaps(e.start, e.end)
    ]
    chosen = overlap_policy(p.candidates + entities)
    reading = read_document(p.cleaned, chosen, docs, p.sentences, p.dct, p.doc_type)
    expressions = resolve_all(p.text, chosen, p.sentences, docs, p.dct, p.prefer, reading)
    read = OnDemand(p.sentences, p.pipeline.parser).doc
    refused: set[int] = set()  # sentences whose times cannot date their clause truthfully
    events = (
        propose_events(p.sentences, expressions, docs, metadata_spans(p.cleaned), read, dct=p.dct, refused=refused)
        if p.dct
        else []
    )
    if p.dct:  # the news no time expression dates takes the article's date; without one it stays out
        lead = propose_lead_events(p.sentences, events, docs, p.cleaned, metadata_spans(p.cleaned), read)
        # a sentence whose time only bounds its clause ("had filed reports by Wednesday") is not news of the day
        events = sorted(events + [e for e in lead if e.sentence not in refused], key=lambda e: e.sentence)
    sentences = [Sentence(s.index, s.start, s.end, p.text[s.start : s.end]) for s in p.sentences]
    return Extraction(
        p.dct,
        p.given_dct is None and p.dct is not None,
        p.evidence,
        sentences,
        expressions,
        events,
        p.pipeline.mode,
        p.warnings,
        reading.decision.doc_type,
        reading.decision.evidence,
    )


def entity_candidates(text: str, sentences: Sequence[Sentence], docs: dict[int, Doc]) -> list[Candidate]:
    """The model's DATE/TIME entities, trimmed to the time phrase."""
    found = []
    for index, doc in docs.items():
        offset = sentences[index].start
        for ent in doc.ents:
            if ent.label_ in NER_LABELS:
                start, end = trim_entity(text, offset + ent.start_char, offset + ent.end_char)
                if end > start:
                    found.append(
                        Candidate(start, end, "ner", NER_PRIORITY, Captures(label=ent.label_, text=text[start:end]))
                    )
    return found


def resolve_all(
    text: str,
    chosen: Sequence[Candidate],
    sentences: Sequence[Sentence],
    docs: dict[int, Doc],
    dct: date | None,
    prefer: str,
    reading: NarrativeReading = NEWS_READING,
) -> list[TimeExpression]:
    expressions: list[TimeExpression] = []
    anchor: Anchor | None = None
    quarter: Anchor | None = None  # the quarter the story reports, for "the quarter", "the year-ago quarter"
    sentence_list = sentences if isinstance(sentences, list) else list(sentences)
    for position, candidate in enumerate(chosen):
        sentence_index = sentence_index_at(sentence_list, candidate.start)
        override = {"past": PAST, "future": FUTURE}.get(prefer)
        weighed = (
            explicit(override)
            if override
            else clause_direction(text, candidate, sentence_list[sentence_index], docs.get(sentence_index))
        )
        direction = weighed.value
        resolver = resolver_for(candidate)
        if dct is None:
            resolution = resolve_without_dct(resolver, candidate, direction)
        else:
            context = ResolveContext(dct, direction, anchor, sentence_index, weighed.strength, quarter)
            phrase = text[candidate.start : candidate.end]
            following = chosen[position + 1] if position + 1 < len(chosen) else None
            if (second := year_bearer(text, candidate, following)) is not None:
                resolution = resolver(candidate.groups, sharing_the_year(context, second))
                resolution = resolution and replace(resolution, note=f"year written once, on {second.year}")
            else:
                resolution = resolve_in_narrative(resolver, candidate, phrase, context, reading)
        if resolution is None:
            continue
        resolution = narrow_to_mod(resolution)
        if expressions and joins_a_range(text, expressions[-1], candidate.start):
            resolution = ordered_end(expressions[-1], resolution, candidate.rule, not _has_relation(candidate))
        expression = TimeExpression(
            text=text[candidate.start : candidate.end],
            start=candidate.start,
            end=candidate.end,
            type=resolution.type,
            value=resolution.value,
            earliest=resolution.earliest,
            latest=resolution.latest,
            granularity=resolution.granularity,
            sentence=sentence_index,
            rule=candidate.rule,
            anchor=resolution.anchor,
            mod=resolution.mod,
            index=len(expressions),
            evidence=explain(weighed, resolution),
        )
        expressions.append(expression)
        if resolution.comparison:  # "the year-ago quarter" is compared with, not narrated
            continue
        if not moves_the_narrative(expression, anchor, reading, direction):
            continue
        if dct is not None and (part := year_part_anchor(expression, dct)) is not None:
            anchor = part  # "in the first nine months ... a year earlier": the year-earlier nine months
            continue
        if expression.type in (DATE, "TIME") and expression.granularity in ANCHOR_GRANULARITIES:
            anchor = Anchor(
                expression.index,
                expression.earliest,
                expression.latest,
                expression.granularity,
                expression.value,
                sentence_index,
                expression.start,
            )
            if expression.granularity == "quarter" and is_story_quarter(
                expression.value,
                dct or expression.earliest,
                expression.latest,
                direction,
                quarter,
                "fiscal" in expression.text.lower(),
            ):
                quarter = anchor
    return expressions


def _has_relation(candidate: Candidate) -> bool:
    """Whether the match names its relation ("next Friday", not a bare "Friday"); rules without one do not."""
    return "rel" in candidate.groups and bool(candidate.groups["rel"])


def explain(weighed: Direction, resolution: Resolution) -> str:
    """Why the expression landed where it did: the direction's evidence, the resolver's choice, the anchor."""
    parts = [weighed.evidence]
    if resolution.note:
        parts.append(resolution.note)
    if resolution.anchor != "DCT":
        parts.append(f"counted from {resolution.anchor}, the date the narrative is on")
    return "; ".join(parts)


def clause_direction(text: str, candidate: Candidate, sentence: Sentence, doc: Doc | None) -> Direction:
    if doc is not None:
        span = doc.char_span(candidate.start - sentence.start, candidate.end - sentence.start, alignment_mode="expand")
        if span is not None:
            return span_evidence(span)
    if sentence.start > candidate.start:
        return from_text(UNKNOWN)
    # The nearest cue wins, so a bounded look-back suffices; the whole clause made an
    # unparsed megabyte "sentence" of dates quadratic.
    return from_text(text_direction(text[max(sentence.start, candidate.start - CUE_WINDOW) : candidate.start]))


Resolve = Callable[[Captures, ResolveContext], "Resolution | None"]


def resolver_for(candidate: Candidate) -> Resolve:
    if candidate.rule == "ner":
        return resolve_entity_text(candidate)
    return RULES_BY_NAME[candidate.rule].resolver


def resolve_entity_text(candidate: Candidate) -> Resolve:
    """A model entity no rule matched: dateparser reads it, if it names a day at all."""

    def resolve(groups: Captures, ctx: ResolveContext) -> Resolution | None:
        phrase = groups["text"] or ""
        if not DATE_LIKE.search(phrase):  # "a day", "the light of day": nothing to place on a calendar
            return None
        settings = {
            "RELATIVE_BASE": datetime.combine(ctx.dct, datetime.min.time()),
            "PREFER_DATES_FROM": "future" if ctx.direction == FUTURE else "past",
            "REQUIRE_PARTS": ["day", "month"],
            "STRICT_PARSING": False,
        }
        parsed = dateparser.parse(phrase, languages=["en"], settings=settings)
        if parsed is None:
            return None
        day = parsed.date()
        return Resolution(DATE, day.isoformat(), day, day, "day")

    return resolve


_PROBE_DCTS = (date(2003, 6, 18), date(2011, 11, 2))


def resolve_without_dct(resolver: Resolve, candidate: Candidate, direction: str) -> Resolution | None:
    """With no DCT, keep what does not depend on it ("April 13, 2024", "the 1990s")."""
    first, second = (resolver(candidate.groups, ResolveContext(d, direction, None)) for d in _PROBE_DCTS)
    if first is None or first != second:
        return None
    return first
