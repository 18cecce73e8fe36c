"""Build the occupation index ``extract/data/onet_titles.tsv`` (and ``onet_occupations.tsv``: each
occupation's title and O*NET Job Zone, 1 = little or no preparation … 5 = extensive) from O*NET.

    python -m benchmarks.build_onet_titles --onet ../shared/data/onet-27.0

Index entries: every occupation title, every alternate and short title, and every sample reported title,
each normalized by ``extract.occupations.title_words``. A normalized title several occupations share goes to
the one with the most weight (an occupation title 5, an alternate title the number of O*NET sources that
report it, a reported title 1; ties: the lowest code).

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
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from extract.occupations import INDEX_FILE, OCCUPATIONS_FILE, title_words

OCCUPATION_WEIGHT = 5
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
    index_file = out_dir / INDEX_FILE.name
    occupations_file = out_dir / OCCUPATIONS_FILE.name
    lines = [ATTRIBUTION, "title\tcode"]
    for key in sorted(weights):
        best = min(weights[key].items(), key=lambda item: (-item[1], item[0]))[0]
        lines.append(f"{key}\t{best}")
    index_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    zones = {r["O*NET-SOC Code"]: r["Job Zone"] for r in _tsv(onet / "Job_Zones.tsv")}
    occupations = [ATTRIBUTION, "code\ttitle\tjob_zone"]
    occupations += [
        f"{r['O*NET-SOC Code']}\t{r['Title']}\t{zones.get(r['O*NET-SOC Code'], '')}"
        for r in _tsv(onet / "Occupation_Data.tsv")
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
