"""Event titles without a name for their subject: how many open with a pronoun or with no subject.

    python benchmarks/title_subjects.py [--list] [--timebank N]

Runs the engine on the SemEval-2015 trial texts (``../shared/corpora/semeval2015-trial``, each
with its manifest date) and on the first N TimeBank documents (default 40, each with its own
DCT), and prints per corpus: events, titles opening with a personal pronoun ("They arrest 14
foreigners"), titles with no subject ("Leaves Pakistan": the first word is a verb of the
sentence, or a verb form the sentence does not hold), and titles that are the sentence as
written (ending in "…"). ``--list`` prints the offending titles. No Django.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from timeline.temporal import extract  # noqa: E402
from timeline.temporal.nlp import load_pipeline  # noqa: E402
from timeline.timeml.reader import read_timeml_dir  # noqa: E402

CORPORA = ROOT.parent / "shared" / "corpora"
PRONOUNS = {"he", "she", "it", "they", "we", "i", "you"}


def semeval() -> Iterator[tuple[str, str, date]]:
    folder = CORPORA / "semeval2015-trial"
    for line in (folder / "manifest.jsonl").read_text().splitlines():
        row = json.loads(line)
        yield row["source"], (folder / row["path"]).read_text(), date.fromisoformat(row["published"])


def timebank(limit: int) -> Iterator[tuple[str, str, date]]:
    for doc in read_timeml_dir(CORPORA / "timebank" / "tml")[:limit]:
        if doc.dct is not None:
            yield doc.id, doc.text, doc.dct


def kind_of(title: str, sentence: str, nlp) -> str:
    """ "pronoun", "no subject", "as written" or "named" for one title and its sentence."""
    if title.endswith("…"):
        return "as written"
    first = title.split()[0].strip(",:;")
    if first.lower() in PRONOUNS:
        return "pronoun"
    # as written first ("Jobs" the name, not "jobs"), then in any case ("Police" from "police")
    match = re.search(rf"(?<![\w-]){re.escape(first)}", sentence) or re.search(
        rf"(?<![\w-]){re.escape(first)}", sentence, re.IGNORECASE
    )
    if match is None:
        return "no subject"  # a verb the title re-inflected ("left" -> "Leaves")
    token = next((t for t in nlp(sentence) if t.idx >= match.start()), None)
    return "no subject" if token is not None and token.pos_ in ("VERB", "AUX") else "named"


def tally(documents: Iterator[tuple[str, str, date]], nlp, listing: bool) -> dict[str, int]:
    counts = {"events": 0, "pronoun": 0, "no subject": 0, "as written": 0}
    for name, text, dct in documents:
        result = extract(text, dct)
        for event in result.events:
            kind = kind_of(event.title, result.sentences[event.sentence].text, nlp)
            counts["events"] += 1
            if kind != "named":
                counts[kind] += 1
                if listing:
                    print(f"{name[:22]:22} {kind:10} | {event.title}")
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="store_true", help="print every title counted")
    parser.add_argument("--timebank", type=int, default=40, help="how many TimeBank documents")
    args = parser.parse_args()
    nlp = load_pipeline().parser
    rows = {
        "SemEval trial (30)": tally(semeval(), nlp, args.list),
        f"TimeBank (first {args.timebank})": tally(timebank(args.timebank), nlp, args.list),
    }
    keys = ("events", "pronoun", "no subject", "as written")
    print(f"{'':24}" + "".join(f"{k:>12}" for k in keys))
    for corpus, counts in rows.items():
        print(f"{corpus:24}" + "".join(f"{counts[k]:>12}" for k in keys))


if __name__ == "__main__":
    main()
