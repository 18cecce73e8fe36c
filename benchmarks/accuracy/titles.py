"""Job titles alone → level: ``data/title-levels/dev.tsv`` and ``data/nofluff-pl/dev.csv``.

Both sets give a title and nothing else, so ours is ``title_level(title)``: what the pipeline does with a
title and an empty text — the title's cues, a ladder numeral, else the level the occupation the title names
implies for a title alone (its O*NET Job Zone: the ``silent`` row's ``job_zones``).

title-levels (rootstrap) classes and the levels of ours that agree:

* C-Suite, VP → ``executive``; Director → ``director``; Other → anything below manager.
* Manager → ``manager``, or a title whose only management word is a role name or a lead ("Database
  Manager", "Clinical Trial Lead"): with no text to read, such a title belongs to the data set's Manager
  class, which files every title naming a manager or lead.

nofluff-pl (NoFluffJobs, Polish IT) levels and the levels of ours that are *compatible*:

* Trainee → intern or entry; Junior → entry; Mid → mid; Senior → senior or staff;
* Expert → senior, staff, manager, director or executive (the site's top rung covers leads and architects).

A title that states no level at all gets the silent-posting default; the silent rows are counted apart, since
the title alone cannot decide them.
"""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

from benchmarks.accuracy.common import ratio
from extract.posting_roles import classify_posting
from extract.seniority import infer_seniority, title_cues


def title_level(title: str) -> str:
    """The level the pipeline gives a posting with this title and no text."""
    occupation = classify_posting(title).occupation
    return infer_seniority(title, "", job_zone=occupation.job_zone if occupation else None)


TITLE_LEVELS: dict[str, frozenset[str]] = {
    "C-Suite": frozenset({"executive"}),
    "VP": frozenset({"executive"}),
    "Director": frozenset({"director"}),
    "Manager": frozenset({"manager"}),
    "Other": frozenset({"intern", "entry", "mid", "senior", "staff"}),
}
NOFLUFF_LEVELS: dict[str, frozenset[str]] = {
    "Trainee": frozenset({"intern", "entry"}),
    "Junior": frozenset({"entry"}),
    "Mid": frozenset({"mid"}),
    "Senior": frozenset({"senior", "staff"}),
    "Expert": frozenset({"senior", "staff", "manager", "director", "executive"}),
}
_BELOW_MANAGER = TITLE_LEVELS["Other"]


def title_class_level(title: str) -> str:
    """Our level for a title alone; a role-name manager or a lead counts as manager (see the docstring)."""
    level = title_level(title)
    cues = title_cues(title)
    if level in _BELOW_MANAGER and (cues.role_manager or cues.lead):
        return "manager"
    return level


def _silent(title: str) -> bool:
    cues = title_cues(title)
    return not (cues.levels or cues.ladder or cues.role_manager or cues.lead)


def _print_agreement(
    name: str,
    rows: list[tuple[str, str]],
    mapping: dict[str, frozenset[str]],
    level_of: Callable[[str], str],
    examples: int,
) -> None:
    confusion: dict[str, Counter[str]] = defaultdict(Counter)
    errors: dict[str, list[str]] = defaultdict(list)
    agree = silent = silent_agree = 0
    for title, label in rows:
        ours = level_of(title)
        ok = ours in mapping[label]
        agree += ok
        confusion[label][ours] += 1
        if _silent(title):
            silent += 1
            silent_agree += ok
        if not ok:
            errors[f"{label} -> {ours}"].append(title)
    print(f"{name}: n={len(rows)}; agreement {ratio(agree, len(rows))}")
    print(
        f"  titles with a level cue: {ratio(agree - silent_agree, len(rows) - silent)};"
        f" silent titles (default): {ratio(silent_agree, silent)}"
    )
    for label in mapping:
        if confusion[label]:
            cells = ", ".join(f"{level} {count}" for level, count in confusion[label].most_common())
            print(f"  {label:<9} n={sum(confusion[label].values()):<4} ours: {cells}")
    print("  errors (label -> ours), most frequent first:")
    for pair, titles in sorted(errors.items(), key=lambda kv: -len(kv[1])):
        print(f"    {len(titles):>3}  {pair:<22} " + "; ".join(repr(t) for t in titles[:examples]))


def title_levels_section(path: Path, examples: int) -> None:
    print(f"## Title levels (C-Suite/VP/Director/Manager/Other), title alone: {path}")
    with path.open(encoding="utf-8", newline="") as fh:
        rows = [(r["Position"], r["Classification"]) for r in csv.DictReader(fh, delimiter="\t")]
    rows = [(title, label) for title, label in rows if label in TITLE_LEVELS]
    _print_agreement("title-levels", rows, TITLE_LEVELS, title_class_level, examples)
    print()


def nofluff_section(path: Path, examples: int) -> None:
    print(f"## NoFluffJobs (Polish IT) level, title alone, compatible: {path}")
    with path.open(encoding="utf-8", newline="") as fh:
        rows = [(r["position"], r["seniority"]) for r in csv.DictReader(fh)]
    rows = [(title, label) for title, label in rows if label in NOFLUFF_LEVELS]
    _print_agreement("nofluff-pl", rows, NOFLUFF_LEVELS, title_level, examples)
    print()
