"""How often DCT inference is right, unknown or wrong, on documents whose real date is known.

    python benchmarks/dct.py [FOLDER_OR_FILE ...]

Default: TimeBank (``../shared/corpora/timebank/tml``) and the three gold sets. Each
document's text goes to ``infer_dct`` with no date given; the answer is compared with the
document's own DCT. "unknown" is the safe answer (the app asks the user); "wrong" is what
must stay under 2%. ``-v`` lists every document that got a date. No Django.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from timeline.evaluation.gold import load_gold_dir  # noqa: E402
from timeline.temporal.dct import infer_dct  # noqa: E402
from timeline.timeml.reader import read_timeml_dir  # noqa: E402

DEFAULT_SOURCES = (
    ROOT.parent / "shared" / "corpora" / "timebank" / "tml",
    ROOT / "fixtures" / "gold",
    ROOT / "fixtures" / "gold_heldout",
    ROOT / "fixtures" / "gold_blind",
)


def documents(source: Path) -> Iterator[tuple[str, str, date]]:
    """(name, text, real DCT) for every .tml or gold .json file under ``source``."""
    if source.suffix == ".tml" or (source.is_dir() and any(source.glob("*.tml"))):
        for doc in read_timeml_dir(source):
            if doc.dct is not None:
                yield doc.id, doc.text, doc.dct
    else:
        for doc in load_gold_dir(source):
            yield doc.path.name, doc.text, doc.dct


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sources", nargs="*", type=Path)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    print(f"| {'source':<28} | docs | right | unknown | wrong | wrong % |")
    print("|---|---:|---:|---:|---:|---:|")
    for source in args.sources or DEFAULT_SOURCES:
        if not source.exists():
            print(f"SKIPPED: {source} does not exist", file=sys.stderr)
            continue
        counts: Counter[str] = Counter()
        for name, text, real in documents(source):
            evidence = infer_dct(text)
            outcome = "unknown" if evidence is None else "right" if evidence.value == real else "wrong"
            counts[outcome] += 1
            if args.verbose and evidence is not None:
                print(
                    f"  {outcome:<5} {name}: real {real}, inferred {evidence.value} by {evidence.method} "
                    f"({evidence.confidence:.1f}) from {evidence.evidence!r}"
                )
        total = sum(counts.values())
        print(
            f"| {source.name:<28} | {total} | {counts['right']} | {counts['unknown']} | {counts['wrong']} "
            f"| {100 * counts['wrong'] / max(total, 1):.1f} |"
        )


if __name__ == "__main__":
    main()
