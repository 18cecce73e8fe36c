"""Accuracy on real public data: the labelled dev set, LinkedIn, job titles, UK pay strings, SkillSpan, HN.

Runs the real pipeline (``raw_from_record`` → ``analyze`` → ``prediction``, or the field's own finder) and
prints, with n for each number; one module per data set says what it measures:

1. ``devset``: ``eval/dev.jsonl``, the metrics of ``extract eval`` (written for the project: optimistic).
2. ``linkedin``: ``data/linkedin-2024/dev.csv`` seniority vs the employer's experience level, salary vs the
   structured pay.
3. ``titles``: ``data/title-levels/dev.tsv`` and ``data/nofluff-pl/dev.csv``, level from a title alone.
4. ``adzuna``: ``data/adzuna-uk-salaries/dev.csv``, UK pay strings as typed (measured, not tuned here).
5. ``skillspan``: ``data/skillspan/{train,dev}.json``, KNOWLEDGE recall, and on "Technologies" tag lines.
6. ``hn``: ``data/hn-whoishiring-eval/eval_cases.json``, salary, currency, remote.
7. ``occupations``: O*NET reported titles → SOC (scored against an index built without them), Adzuna titles
   → occupation, role and function against the site's category, LinkedIn titles → occupation and role,
   NoFluffJobs titles → role and function against the site's category.
8. ``decorated``: the real titles of those three sets with what boards add (a place, pay, a perk) read as
   the bare titles; and with a place word of the IPOD gazetteer after them, no separator.

The data stays outside the repository; its folder is an argument:

    python -m benchmarks.accuracy --shared ../shared
"""

from __future__ import annotations

import argparse
import shlex
import sys
import time
from collections.abc import Iterable
from pathlib import Path

from benchmarks.accuracy.adzuna import adzuna_section
from benchmarks.accuracy.common import run
from benchmarks.accuracy.decorated import decorated_section, placed_section
from benchmarks.accuracy.devset import dev_section
from benchmarks.accuracy.hn import hn_section
from benchmarks.accuracy.linkedin import _linkedin_record, _read_linkedin, salary_section, seniority_section
from benchmarks.accuracy.occupations import occupations_section
from benchmarks.accuracy.skillspan import skillspan_section
from benchmarks.accuracy.titles import nofluff_section, title_levels_section
from extract.pipeline import build_nlp

__all__ = ["_linkedin_record", "_read_linkedin", "main"]


def main(argv: Iterable[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument(
        "--shared", required=True, type=Path, help="The shared folder (holds eval/ and data/)."
    )
    parser.add_argument("--examples", type=int, default=3, help="Examples printed per error class.")
    parser.add_argument("--top", type=int, default=30, help="Unmatched SkillSpan spans listed.")
    args = parser.parse_args(list(argv) if argv is not None else None)
    shared: Path = args.shared
    data = shared / "data"
    command = " ".join([".venv/bin/python -m benchmarks.accuracy", *map(shlex.quote, sys.argv[1:])])
    print(f"$ {command}")
    started = time.perf_counter()
    nlp = build_nlp()
    dev_section(shared / "eval" / "dev.jsonl", nlp)
    rows = _read_linkedin(data / "linkedin-2024" / "dev.csv")
    postings = run([_linkedin_record(row) for row in rows], nlp)
    print(
        f"# LinkedIn: {len(rows)} postings from data/linkedin-2024/dev.csv (format plain, title from the CSV)"
    )
    seniority_section(rows, postings, args.examples)
    salary_section(rows, postings, args.examples)
    title_levels_section(data / "title-levels" / "dev.tsv", args.examples)
    nofluff_section(data / "nofluff-pl" / "dev.csv", args.examples)
    adzuna_section(data / "adzuna-uk-salaries" / "dev.csv", args.examples)
    onet = data / "onet-27.0" / "Technology_Skills.tsv"
    for split in ("dev", "train"):
        skillspan_section(data / "skillspan" / f"{split}.json", onet, nlp, args.examples, args.top)
    hn_section(data / "hn-whoishiring-eval" / "eval_cases.json", nlp)
    occupations_section(data, args.examples)
    decorated_section(data, args.examples)
    placed_section(data, args.examples)
    print(f"done in {time.perf_counter() - started:.1f}s")
