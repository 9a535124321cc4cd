"""People, organisations and places in plain sentences, from spaCy's named entities (no Django)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from timeline.temporal.nlp import load_pipeline

# spaCy's OntoNotes labels, read as the three kinds a reader filters on.
KINDS = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "place", "LOC": "place", "FAC": "place",
}  # fmt: skip
MAX_ENTITY_CHARS = 200


def entities_in(sentences: Iterable[str]) -> Iterator[set[tuple[str, str]]]:
    """For each sentence, its ``(text, kind)`` entities; empty sets without the spaCy model."""
    pipeline = load_pipeline()
    texts = list(sentences)
    if pipeline.parser is None:
        yield from (set() for _ in texts)
        return
    # Only the entity recogniser is needed; the parser and lemmatiser are most of the time.
    keep = {"tok2vec", "ner"}
    disable = [name for name in pipeline.parser.pipe_names if name not in keep]
    for doc in pipeline.parser.pipe(texts, disable=disable, batch_size=64):
        found: set[tuple[str, str]] = set()
        for ent in doc.ents:
            kind = KINDS.get(ent.label_)
            text = " ".join(ent.text.split()).strip(" '\"’“”")
            # "the FBI" and "FBI" are one organisation to a reader.
            if text.lower().startswith("the "):
                text = text[4:]
            if kind and text and len(text) <= MAX_ENTITY_CHARS:
                found.add((text, kind))
        yield found
