"""Build the occupation index ``extract/data/onet_titles.tsv`` (and ``onet_occupations.tsv``: each
occupation's title and O*NET Job Zone, 1 = little or no preparation … 5 = extensive) from O*NET.

    python -m benchmarks.build_onet_titles --onet ../shared/data/onet-27.0

Index entries: every occupation title, every alternate and short title, and every sample reported title,
each normalized by ``extract.occupations.title_words``. A normalized title several occupations share
("Instructor", "Lab Technician") goes to the occupation it tells most about (``choose``):

1. a specific occupation before a residual one (O*NET's "…, All Other": for what nothing specific names);
2. the occupation whose own O*NET title it is ("Cashier" is Cashiers, though Gambling Change Persons and
   Booth Cashiers list it too);
3. then the most likely occupation to be called this, P(title | occupation) with every occupation equally
   likely: the title's weight there (an occupation title 5, an alternate title the number of O*NET sources
   that report it, a reported title 1) over how many titles the occupation has (a title that is one of 20
   names of a narrow occupation says more than one of 900 names of "Inspectors, Testers, Sorters…"), times
   the chance, word by word, that the occupation's titles use the title's words (smoothed, damped by
   ``WORD_EVIDENCE``): a "Lab Technician" is likelier where many titles say "laboratory" or "technician";
4. ties: the lowest code.

Measuring the matcher must not use the titles it is scored on. ``benchmarks.accuracy`` scores the sample
of reported titles against an index built in a temporary folder without them (``reported=False``: occupation
and alternate titles only), and, stricter, half of them (split by a hash of their normalized words) against
an index that also leaves out every alternate title equal to one of that half (``exclude_heldout=True``;
occupation titles stay: they are the classification). The shipped index uses everything. Source: O*NET 27.0 Database, USDOL/ETA, CC BY 4.0.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import math
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from extract.occupations import INDEX_FILE, OCCUPATIONS_FILE, title_words

OCCUPATION_WEIGHT = 5
# How much the words of an occupation's other titles count beside the title's own weight there (a power on
# their likelihood: 1 would treat the words as independent evidence, which they are not). Chosen on the
# half of the reported titles that is not held out; benchmarks.accuracy reports both halves.
WORD_EVIDENCE = 0.5
WORD_SMOOTHING = 0.5  # a word none of an occupation's titles use is unlikely there, not impossible
ATTRIBUTION = "# O*NET 27.0 Database, USDOL/ETA, CC BY 4.0 (https://www.onetcenter.org/database.html)"


def _tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def key_of(title: str) -> str:
    return " ".join(title_words(title))


def is_heldout(key: str) -> bool:
    """Half of the reported titles, chosen by a hash of their normalized words (stable across runs)."""
    return hashlib.sha256(key.encode("utf-8")).digest()[0] % 2 == 0


def reported_titles(onet: Path, heldout_only: bool = False) -> list[tuple[str, str]]:
    """(reported title, O*NET-SOC code) pairs: the labelled set the matcher is scored on."""
    rows = _tsv(onet / "Sample_of_Reported_Titles.tsv")
    pairs = [(r["Reported Job Title"], r["O*NET-SOC Code"]) for r in rows]
    return [p for p in pairs if is_heldout(key_of(p[0]))] if heldout_only else pairs


def _entries(onet: Path, reported: bool = True) -> Iterator[tuple[str, str, int, bool]]:
    """(title, code, weight, is an occupation title) for every title O*NET gives."""
    for row in _tsv(onet / "Occupation_Data.tsv"):
        yield row["Title"], row["O*NET-SOC Code"], OCCUPATION_WEIGHT, True
    for row in _tsv(onet / "Alternate_Titles.tsv"):
        weight = max(1, len(row["Source(s)"].split(",")))
        yield row["Alternate Title"], row["O*NET-SOC Code"], weight, False
        if row["Short Title"] not in ("", "n/a"):
            yield row["Short Title"], row["O*NET-SOC Code"], weight, False
    for row in _tsv(onet / "Sample_of_Reported_Titles.tsv") if reported else ():
        yield row["Reported Job Title"], row["O*NET-SOC Code"], 1, False


@dataclass(frozen=True, slots=True)
class Profile:
    """What an occupation's titles say about it: how many there are and how many use each word."""

    titles: int
    words: Counter[str]
    residual: bool  # O*NET's "…, All Other"

    def likelihood(self, key: str, weight: int) -> float:
        """log P(title | occupation), up to a constant: the title's own weight among the occupation's
        titles, and (damped) how often its titles use each of the title's words."""
        words = sum(math.log((self.words[word] + WORD_SMOOTHING) / (self.titles + 1)) for word in key.split())
        return math.log(weight / self.titles) + WORD_EVIDENCE * words


def _profiles(weights: dict[str, dict[str, int]], residual: set[str]) -> dict[str, Profile]:
    titles: Counter[str] = Counter()
    words: dict[str, Counter[str]] = defaultdict(Counter)
    for key, codes in weights.items():
        for code in codes:
            titles[code] += 1
            words[code].update(set(key.split()))
    return {code: Profile(n, words[code], code in residual) for code, n in titles.items()}


def choose(key: str, codes: dict[str, int], profiles: dict[str, Profile], own: str | None = None) -> str:
    """The occupation a title several occupations share goes to (the module docstring says how); ``own``:
    the occupation whose O*NET title ``key`` is, if any."""
    if len(codes) == 1:
        return next(iter(codes))
    return min(
        codes,
        key=lambda code: (
            profiles[code].residual,
            code != own,
            -profiles[code].likelihood(key, codes[code]),
            code,
        ),
    )


def build(
    onet: Path, out_dir: Path, *, reported: bool = True, exclude_heldout: bool = False
) -> tuple[Path, Path]:
    """Write the index files into ``out_dir``; ``reported=False`` leaves the reported titles out, and
    ``exclude_heldout`` also every alternate title equal to a held-out one (the strict measurement)."""
    weights: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for title, code, weight, official in _entries(onet, reported):
        key = key_of(title)
        if key and (official or not (exclude_heldout and is_heldout(key))):
            weights[key][code] += weight
    rows = _tsv(onet / "Occupation_Data.tsv")
    profiles = _profiles(
        weights, residual={r["O*NET-SOC Code"] for r in rows if r["Title"].endswith("All Other")}
    )
    index_file = out_dir / INDEX_FILE.name
    occupations_file = out_dir / OCCUPATIONS_FILE.name
    lines = [ATTRIBUTION, "title\tcode"]
    own = {key_of(r["Title"]): r["O*NET-SOC Code"] for r in rows}
    lines += [f"{key}\t{choose(key, weights[key], profiles, own.get(key))}" for key in sorted(weights)]
    index_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    zones = {r["O*NET-SOC Code"]: r["Job Zone"] for r in _tsv(onet / "Job_Zones.tsv")}
    occupations = [ATTRIBUTION, "code\ttitle\tjob_zone"]
    occupations += [
        f"{r['O*NET-SOC Code']}\t{r['Title']}\t{zones.get(r['O*NET-SOC Code'], '')}" for r in rows
    ]
    occupations_file.write_text("\n".join(occupations) + "\n", encoding="utf-8")
    return index_file, occupations_file


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--onet", type=Path, required=True, help="the O*NET 27.0 folder (TSV files)")
    args = parser.parse_args(argv)
    index_file, occupations_file = build(args.onet, INDEX_FILE.parent)
    print(f"wrote {index_file} and {occupations_file}")


if __name__ == "__main__":
    main()
