"""Real titles as boards decorate them: is each read as the bare title?

A board adds to a title what is no part of the job: a place, how the job is held, the pay, a perk, urgency
("Care Assistant - Leeds, UK", "Cleaner - Sign-on Bonus", "Driver - $20/hr"). Each distinct title of the
Adzuna, LinkedIn and NoFluffJobs dev sets is read bare and with each of ``DECORATIONS`` after it
(``classify_posting``, title alone); a pair counts as changed when the role or the detailed SOC occupation
differs from the bare title's. The decorations are written here, one of each kind; none names a job. They
are of the kinds the title readers were taught to drop (``extract.job_titles``: a pay rate's unit, offered
pay and perks), so the line guards those on real titles; it is no independent measure.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from benchmarks.accuracy.common import csv_rows, ratio
from extract.posting_roles import RoleResult, classify_posting

DECORATIONS = (
    " - Remote",
    " - Leeds, UK",
    " (Full Time)",
    " - Nights",
    " - Immediate Start",
    " - $20/hr",
    " - Sign-on Bonus",
    " + Company Car",
)
# The title column of each data set read (folder, file, column).
SOURCES = (
    ("adzuna-uk-salaries", "dev.csv", "Title"),
    ("linkedin-2024", "dev.csv", "title"),
    ("nofluff-pl", "dev.csv", "position"),
)


def _reading(result: RoleResult) -> tuple[str | None, str | None]:
    return result.role, result.occupation.soc if result.occupation else None


def _titles(data: Path) -> list[str]:
    titles = {
        row[column].strip() for folder, name, column in SOURCES for row in csv_rows(data / folder / name)
    }
    return sorted(titles - {""})


def decorated_section(data: Path, examples: int) -> None:
    """``data`` is the shared ``data/`` folder."""
    titles = _titles(data)
    print(
        f"\n# Decorated titles: {len(titles)} distinct real titles, each with {len(DECORATIONS)} decorations"
    )
    changed: Counter[str] = Counter()
    shown: list[str] = []
    for title in titles:
        bare = _reading(classify_posting(title))
        for decoration in DECORATIONS:
            decorated = _reading(classify_posting(title + decoration))
            if decorated != bare:
                changed[decoration] += 1
                shown.append(f"{title + decoration!r}: {bare} -> {decorated}")
    pairs = len(titles) * len(DECORATIONS)
    print(f"read as the bare title (role and detailed occupation) {ratio(pairs - changed.total(), pairs)}")
    by_decoration = ", ".join(f"{d.strip()!r} {n}" for d, n in changed.most_common())
    print(f"  changed, by decoration: {by_decoration or 'none'}")
    for line in shown[:examples]:
        print(f"  {line}")
