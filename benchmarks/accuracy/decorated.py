"""Real titles as boards decorate them: is each read as the bare title?

A board adds to a title what is no part of the job: a place, how the job is held, the pay, a perk, urgency
("Care Assistant - Leeds, UK", "Cleaner - Sign-on Bonus", "Driver - $20/hr"). Each distinct title of the
Adzuna, LinkedIn and NoFluffJobs dev sets is read bare and with each of ``DECORATIONS`` after it
(``classify_posting``, title alone); a pair counts as changed when the role or the detailed SOC occupation
differs from the bare title's. The decorations are written here, one of each kind; none names a job. They
are of the kinds the title readers were taught to drop (``extract.job_titles``: a pay rate's unit, offered
pay and perks), so the line guards those on real titles; it is no independent measure.

A second line writes a place after each title as boards do without a separator ("Deputy Manager Belper"):
the words all three annotators of the IPOD gazetteer (``data/ipod-title-gazetteer``, real job-title words)
label a location ("London", "APAC", "Greater", "China"), ``PLACES_PER_TITLE`` of them per title, taken in
turn. Those words are not chosen here.
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
# Place words written after each title by the second line; 4 of the gazetteer's 34 keep it to seconds.
PLACES_PER_TITLE = 4
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


def _place_words(gazetteer: Path) -> list[str]:
    """The gazetteer's words its three annotators all label a location, as a title writes them (an
    acronym in capitals)."""
    words = [row["Title"] for row in csv_rows(gazetteer) if {row["A1"], row["A2"], row["A3"]} == {"LOC"}]
    return [word.upper() if len(word) <= 4 else word.title() for word in words]


def placed_section(data: Path, examples: int) -> None:
    """``data`` is the shared ``data/`` folder."""
    titles, places = _titles(data), _place_words(data / "ipod-title-gazetteer" / "gazetteer.csv")
    print(
        f"\n# Placed titles: {len(titles)} distinct real titles, each followed by {PLACES_PER_TITLE} of the"
        f" {len(places)} IPOD location words, no separator"
    )
    changed: Counter[str] = Counter()
    shown: list[str] = []
    pairs = 0
    for number, title in enumerate(titles):
        bare = _reading(classify_posting(title))
        for turn in range(PLACES_PER_TITLE):
            place = places[(number * PLACES_PER_TITLE + turn) % len(places)]
            placed = _reading(classify_posting(f"{title} {place}"))
            pairs += 1
            if placed != bare:
                changed[place] += 1
                shown.append(f"{title} {place!r}: {bare} -> {placed}")
    print(f"read as the bare title (role and detailed occupation) {ratio(pairs - changed.total(), pairs)}")
    by_place = ", ".join(f"{p!r} {n}" for p, n in changed.most_common())
    print(f"  changed, by place: {by_place or 'none'}")
    for line in shown[:examples]:
        print(f"  {line}")
