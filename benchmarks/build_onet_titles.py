"""Build the occupation index ``extract/data/onet_titles.tsv`` (and ``onet_occupations.tsv``: each
occupation's title, O*NET Job Zone, 1 = little or no preparation … 5 = extensive, and O*NET's description
of the work) from O*NET.

    python -m benchmarks.build_onet_titles --onet ../shared/data/onet-27.0

Index entries: every occupation title (and its name before a comma that only bounds it: "Secondary School
Teachers, Except Special and Career/Technical Education" is also entered as "Secondary School Teachers",
which a posting writes; "Cooks, Fast Food" names a kind and "Managers, All Other" a residual, so neither
is shortened; and the jobs a name joins with "and", "Veterinary Assistants and Laboratory Animal Caretakers"
as "Veterinary Assistants": ``_jobs_named``), every alternate and short title, and every sample reported title,
each normalized by ``extract.job_titles.title_words``, with its code and the number of SOC occupations
O*NET lists it under (the matcher refines a title several list by a posting title's other words). An
alternate title with a bracketed short form ("Medical Laboratory Technician (MLT)", short title "MLT") is
also entered without the brackets, as postings write it; a bracketed part that is no short form
("Attending Physician (Radiology)") stays. The titles postings use that O*NET lists elsewhere or not at all
(``extract/data/posting_titles.tsv``: "Kitchen Porter") are entered with the code that file gives them. A
title that normalizes to one word of three letters or fewer by losing its other words as noise ("Location
Man", "Fly Tier") is a fragment and is not entered (``_is_fragment``). A title holding a noise word that
names the work ("Night Auditor": ``noise_naming_work`` in ``extract/data/title_words.json``) is entered a
second time with the word kept (unless the word ends it: "Desk Clerk, Nights" says when the job is
worked), a phrase the matcher reads only whole (``extract.occupation_index``); the
phrases are chosen among as titles are, but add nothing to what an occupation's titles say (step 3). A
normalized title several O*NET occupations share ("Instructor", "Lab Technician") goes to the occupation it
tells most about (``choose``):

1. a specific occupation before a residual one (O*NET's "…, All Other": for what nothing specific names);
2. the occupation whose own O*NET title it is ("Cashier" is Cashiers, though Gambling Change Persons and
   Booth Cashiers list it too), then one whose own title holds all its words ("Operations Manager": General
   and Operations Managers), when it has two or more: one word heads the titles of many occupations, and
   the one whose own title happens to hold it says no more ("Instructor" is not Nursing Instructors,
   "Trainer" not Animal Trainers); and when that title names a kind after a comma, the title names the kind
   too: a "History Teacher" is not "History Teachers, Postsecondary" (postings call those professors and
   lecturers), a "Fast Food Cook" is "Cooks, Fast Food";
3. then the occupation the title names most strongly: the title's weight there (an occupation title 5, an
   alternate title the number of O*NET sources that report it, the SOC and Census indexes one source:
   ``ONE_SOURCE``, a reported title 1; without the reported titles, the incumbents' source is not counted
   either: ``REPORTED_SOURCE``), times how typical its words are of the occupation's titles: for each word,
   the share of them using it (smoothed, and damped by ``WORD_EVIDENCE``), times how common the occupation is:
   its share of U.S. employment (BLS OEWS, ``extract/data/oews_employment.csv``), damped by ``PRIOR_WEIGHT``.
   A posting titled "Cleaner" is far likelier a janitor than a vehicle cleaner, a "Maintenance Manager" a
   maintenance supervisor than a biomass power plant manager. A "Lab Technician" is likelier where many titles
   say "laboratory" and "technician"; a narrow occupation whose every title is "… Manager" says more with
   "Manager" than one of many kinds of title. (Dividing the weight by the occupation's number of titles too,
   i.e. every occupation equally likely, scores better on O*NET's reported titles, which sample each
   occupation alike, but sends a real "Sales Associate" to Solar Sales Representatives and a "Maintenance
   Technician" to Calibration Technologists: real postings come from common occupations. For the same reason
   the employment prior lowers agreement with the reported titles a little and raises it once each
   occupation's titles count by its employment; ``benchmarks.accuracy`` prints both.)
4. ties: the lowest code. Last, an O*NET specialty (29-1141.01 Acute Care Nurses) gives way to its SOC
   occupation (29-1141.00 Registered Nurses) when that ranks as high by 1 and 2: "Nurse" is the SOC one.

Measuring the matcher must not use the titles it is scored on. ``benchmarks.accuracy`` scores the sample
of reported titles against an index built in a temporary folder without them (``reported=False``: occupation
and alternate titles only), and, stricter, half of them (split by a hash of their normalized words) against
an index that also leaves out every alternate title and posting title equal to one of that half
(``exclude_heldout=True``; occupation titles stay: they are the classification). The shipped index uses
everything. Source: O*NET 27.0 Database, USDOL/ETA, CC BY 4.0.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from extract import job_titles
from extract.job_titles import WORDS_FILE, raw_words, singular, title_vocabulary, title_words
from extract.occupation_index import INDEX_FILE, OCCUPATIONS_FILE
from extract.occupations import POSTING_TITLES_FILE, posting_titles

OCCUPATION_WEIGHT = 5
# How much the words of an occupation's other titles count beside the title's own weight there (a power on
# their shares: 1 would treat the words as independent evidence, which they are not). Chosen on the half of
# the reported titles that is not held out (benchmarks.accuracy reports both halves), among values that keep
# common titles ("Sales Associate", "Staff Nurse") on their common occupation.
WORD_EVIDENCE = 0.5
WORD_SMOOTHING = 0.5  # a word none of an occupation's titles use is unlikely there, not impossible
# How much an occupation's share of employment counts (a power on it). Employment is a stock of filled jobs,
# not openings, and an alternate title's number of sources already says something of how common it is, so
# the prior is damped. At 0.3, of the 37 real Adzuna and LinkedIn titles whose code it changed, about half
# went to a clearly better code ("Cleaner", "Medical Doctor", "Quality Inspector") and four to a worse one;
# at 1.0 it overrides the title's words ("Store Manager" leaves retail supervisors). benchmarks.accuracy
# prints agreement with and without employment weights.
PRIOR_WEIGHT = 0.3
# O*NET's source code on an alternate title for "reported by job incumbents": the survey answers the sample
# of reported titles is drawn from (three in four alternates with it equal a sampled title, code and all).
# An index built without the reported titles does not count it either: counted, it told the tie-break which
# of the occupations listing a title its incumbents use, the very label the benchmark scores (43 of the
# 5,881 reported titles the plain line had right came from it).
REPORTED_SOURCE = "02"
# O*NET's source codes on alternate titles that are one list: the Census Bureau's index (06) repeats the SOC
# index (04): 20,629 of the 21,433 alternate titles from the Census index come from the SOC index too. Counted
# as two, they gave a title the two indexes list twice the weight of one that employers' postings (10) or the
# Department of Labor's own lists (08) give it. Counted as one, agreement with the reported titles rose on
# both halves (on the tuning half 1,707 → 1,717 detailed, 2,749 → 2,763 major; held out 1,735 → 1,737).
ONE_SOURCE = {"06": "04"}
EMPLOYMENT_FILE = INDEX_FILE.parent / "oews_employment.csv"
_BRACKETED = re.compile(r"\([^)]*\)")
# A title that normalizes to one word this short by losing its other words is a fragment (``_is_fragment``).
# Longer ones are kept: dropping every such one-word title loses six reported titles' codes ("Staff Nurse"
# is a nurse's title), these lose none.
FRAGMENT_LETTERS = 3
# Words the same in their first letters are one word's, for telling a short title O*NET abbreviates from its
# long one from another job's abbreviation: "technician" and "technologist", "manager" and "management".
SAME_WORD_LETTERS = 5
ATTRIBUTION = "# O*NET 27.0 Database, USDOL/ETA, CC BY 4.0 (https://www.onetcenter.org/database.html)"
# The files besides O*NET's that decide the index's rows: how titles are read (the code and its word lists),
# the posting titles, the employment prior and this build. The index names their digest, so a test can tell
# when it is stale (a change to any of them asks for a rebuild; the rows may or may not move).
BUILD_INPUTS = (
    WORDS_FILE,
    Path(job_titles.__file__),
    POSTING_TITLES_FILE,
    EMPLOYMENT_FILE,
    Path(__file__),
)
INPUTS_LINE = "# built from (sha256 of the word lists, title reading, posting titles, employment and build): "


def inputs_digest() -> str:
    """The digest of ``BUILD_INPUTS`` as they are now (their bytes, in order)."""
    digest = hashlib.sha256()
    for path in BUILD_INPUTS:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def key_of(title: str) -> str:
    return " ".join(title_words(title))


def is_heldout(key: str) -> bool:
    """Half of the reported titles, chosen by a hash of their normalized words (stable across runs)."""
    return hashlib.sha256(key.encode("utf-8")).digest()[0] % 2 == 0


def occupation_codes(onet: Path) -> list[str]:
    """Every O*NET-SOC occupation code of the database."""
    return [row["O*NET-SOC Code"] for row in _tsv(onet / "Occupation_Data.tsv")]


def reported_titles(onet: Path, heldout_only: bool = False) -> list[tuple[str, str]]:
    """(reported title, O*NET-SOC code) pairs: the labelled set the matcher is scored on."""
    rows = _tsv(onet / "Sample_of_Reported_Titles.tsv")
    pairs = [(r["Reported Job Title"], r["O*NET-SOC Code"]) for r in rows]
    return [p for p in pairs if is_heldout(key_of(p[0]))] if heldout_only else pairs


# What an occupation's title names after a comma that only bounds it: the name before the comma is the
# occupation's ("Secondary School Teachers, Except Special and Career/Technical Education"). Not a kind
# ("Cooks, Fast Food", "History Teachers, Postsecondary"), nor "All Other" (a bare "Managers" is no residual).
_EXCEPTIONS = ("Except ", "Including ")


def _entries(onet: Path, reported: bool = True) -> Iterator[tuple[str, str, int, bool]]:
    """(title, code, weight, is an occupation title) for every title O*NET gives."""
    alternates = _tsv(onet / "Alternate_Titles.tsv")
    heads = {key_of(row["Alternate Title"]).rpartition(" ")[2] for row in alternates}
    for row in _tsv(onet / "Occupation_Data.tsv"):
        yield row["Title"], row["O*NET-SOC Code"], OCCUPATION_WEIGHT, True
        name, _, tail = row["Title"].partition(", ")
        bounded = tail.startswith(_EXCEPTIONS)
        if bounded:  # "Secondary School Teachers", as postings write it
            yield name, row["O*NET-SOC Code"], OCCUPATION_WEIGHT, True
        for job in _jobs_named(name, heads) if bounded or not tail else ():
            yield job, row["O*NET-SOC Code"], OCCUPATION_WEIGHT, True
    for row in alternates:
        sources = [s for s in row["Source(s)"].split(",") if reported or s != REPORTED_SOURCE]
        weight = _weight(sources)
        title, short, code = row["Alternate Title"], row["Short Title"], row["O*NET-SOC Code"]
        yield _without_misread_brackets(title), code, weight, False
        if short not in ("", "n/a"):
            if not _reads_as_another_job(short, title):
                yield short, code, weight, False
            if _BRACKETED.search(title):  # the long form without its bracketed short form
                yield _BRACKETED.sub(" ", title).strip(), code, weight, False
    for row in _tsv(onet / "Sample_of_Reported_Titles.tsv") if reported else ():
        yield _without_misread_brackets(row["Reported Job Title"]), row["O*NET-SOC Code"], 1, False


def _weight(sources: list[str]) -> int:
    """How many sources report an alternate title at an occupation, the SOC and Census indexes counted as
    one (``ONE_SOURCE``); 0 for a title only the left-out incumbents' source reports, which ``build`` still
    enters, at weight 1: it is a title of the occupation all the same."""
    return len({ONE_SOURCE.get(source, source) for source in sources})


def counted_titles(onet: Path) -> set[tuple[str, str]]:
    """The (normalized title, SOC occupation) pairs that an index without the reported titles holds by a
    source it counts: an occupation's own title, an alternate title a source besides the incumbents'
    reports, a posting title. A reported title outside them is one only the incumbents' survey, the
    sample's own source, gives that occupation (``benchmarks.accuracy`` reads the two apart)."""
    counted = {
        (key_of(t), code[:7]) for t, code, weight, official in _entries(onet, False) if official or weight
    }
    return counted | {(key, code[:7]) for key, code in posting_titles().items()}


def _jobs_named(name: str, heads: set[str]) -> list[str]:
    """The two jobs an occupation's name joins with "and", each a plural whose last word ends index titles
    ("Veterinary Assistants and Laboratory Animal Caretakers": a "Veterinary Assistant" is the occupation's,
    though O*NET's one alternate title with the words is a veterinary technician's): the first, and the
    second when the first is one word ("Waiters and Waitresses"), for after a first with words of its own
    the second may share them ("Fire Inspectors and Investigators" inspect and investigate fires). Not a
    list ("Plumbers, Pipefitters, and Steamfitters"), nor words that share the head after them ("Medical and
    Clinical Laboratory Technologists")."""
    first, joined, second = name.partition(" and ")
    if not joined or " and " in second or not (first.endswith("s") and second.endswith("s")):
        return []
    if key_of(first).rpartition(" ")[2] not in heads:
        return []
    return [first, second] if " " not in first else [first]


def _reads_as_another_job(short: str, title: str) -> bool:
    """Does the title vocabulary read O*NET's short title as another job's abbreviation: do the words it
    expands the short title into share none with the long title's? "CMO" is a Continuous Miner Operator's
    short title, but postings write it for a chief marketing officer, "CSR" for a customer service
    representative rather than a certified shorthand reporter, "OTR" for over the road; entered, the short
    title would make those words the miner's, the reporter's, the therapist's, and so would the long title
    with it in brackets (``_without_misread_brackets``). "Lab Tech" stays: its "technician" is the long
    title's, and "X-Ray Tech" too: a technician and a technologist are one word's (``SAME_WORD_LETTERS``)."""
    written = {word.lower() for word in raw_words(short)}
    written |= {singular(word) for word in written}
    expanded = {word[:SAME_WORD_LETTERS] for word in key_of(short).split() if word not in written}
    long = {word[:SAME_WORD_LETTERS] for word in key_of(_BRACKETED.sub(" ", title)).split()}
    return bool(expanded) and long.isdisjoint(expanded)


def _without_misread_brackets(title: str) -> str:
    """The title without a bracketed short form the vocabulary reads as another job ("Continuous Miner
    Operator (CMO)": its "CMO" would be a chief marketing officer's words)."""
    rest = _BRACKETED.sub(" ", title)
    return _BRACKETED.sub(
        lambda part: " " if _reads_as_another_job(part.group()[1:-1], rest) else part.group(), title
    ).strip()


@dataclass(frozen=True, slots=True)
class Profile:
    """What an occupation's titles say about it: how many there are and how many use each word."""

    titles: int
    words: Counter[str]
    name: str = ""  # its own O*NET title, normalized
    residual: bool = False  # O*NET's "…, All Other"
    employment: float = 1.0  # its share of U.S. employment (``employment_shares``)
    qualifier: str = ""  # the kind its own title names after a comma ("Postsecondary"), normalized

    def likelihood(self, key: str, weight: int) -> float:
        """How strongly the occupation is called ``key`` (a log score): the title's weight there, times how
        typical its words are of the occupation's titles (the share of them using each word), times how
        common the occupation is (both damped)."""
        words = sum(math.log((self.words[word] + WORD_SMOOTHING) / (self.titles + 1)) for word in key.split())
        return math.log(weight) + WORD_EVIDENCE * words + PRIOR_WEIGHT * math.log(self.employment)

    def names(self, key: str) -> tuple[bool, bool, bool]:
        """Sort order by what the occupation's own title says (False first): specific, the title itself,
        holding all the title's words (two or more) and a word of the kind it names after a comma."""
        words = key.split()
        kind = set(self.qualifier.split())
        named = set(words) <= set(self.name.split()) and (not kind or bool(kind & set(words)))
        return self.residual, key != self.name, len(words) < 2 or not named


def employment_shares(codes: list[str], path: Path = EMPLOYMENT_FILE) -> dict[str, float]:
    """Each O*NET occupation's share of U.S. employment, from OEWS counts of SOC occupations.

    The O*NET occupations under one SOC code (29-1141.00 and its specialties) share its count equally. An
    OEWS code O*NET does not use combines the SOC occupations of its broad group (its first five digits)
    that OEWS does not list: 13-1020 is 13-1021, 13-1022 and 13-1023. An occupation OEWS does not count at
    all (military, fishing) gets the smallest count it has.
    """
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    counts = {row["soc_code"]: int(row["employment"]) for row in csv.DictReader(lines)}
    total, smallest = sum(counts.values()), min(counts.values())
    socs = {code[:7] for code in codes}
    uncounted = socs - counts.keys()
    for extra in counts.keys() - socs:
        combined = [soc for soc in uncounted if soc[:6] == extra[:6]]
        for soc in combined:
            counts[soc] = counts[extra] // len(combined)
    per_soc = Counter(code[:7] for code in codes)
    return {code: counts.get(code[:7], smallest) / per_soc[code[:7]] / total for code in codes}


def _profiles(weights: dict[str, dict[str, int]], occupations: list[dict[str, str]]) -> dict[str, Profile]:
    titles: Counter[str] = Counter()
    words: dict[str, Counter[str]] = defaultdict(Counter)
    for key, codes in weights.items():
        for code in codes:
            titles[code] += 1
            words[code].update(set(key.split()))
    names = {r["O*NET-SOC Code"]: r["Title"] for r in occupations}
    shares = employment_shares(list(names))
    return {
        code: Profile(
            n,
            words[code],
            key_of(names.get(code, "")),
            names.get(code, "").endswith("All Other"),
            shares[code],
            _qualifier(names.get(code, "")),
        )
        for code, n in titles.items()
    }


# What follows an occupation title's last comma without naming a kind of the job: the rest of a list, a
# residual, an exception, "General"; and "Metal and Plastic", the material most machine occupations work,
# which a machine operator's title leaves unsaid ("Boring Machine Operator" works metal, not wood).
_NOT_A_KIND = ("and ", "All Other", "Except ", "Including ", "General", "Metal and Plastic")


def _qualifier(title: str) -> str:
    """The kind an occupation's own title names after its last comma ("History Teachers, Postsecondary",
    "Cooks, Fast Food"), normalized, or ""."""
    if ", " not in title:
        return ""
    last = title.rsplit(", ", 1)[1]
    return "" if last.startswith(_NOT_A_KIND) else key_of(last)


def _is_fragment(key: str, title: str) -> bool:
    """Is the normalized title a short word left when its title's other words were dropped as noise
    ("Location Man", "Relief Man", "Fly Tier")? Entered, it would name an occupation wherever the word
    stands in a posting title ("Van Man" an architect); a one-word title of its own ("Cook", "CNA") is kept."""
    return " " not in key and len(key) <= FRAGMENT_LETTERS and len(raw_words(title)) > 1


def choose(key: str, codes: dict[str, int], profiles: dict[str, Profile]) -> str:
    """The occupation a title several occupations share goes to (the module docstring says how)."""
    if len(codes) == 1:
        return next(iter(codes))
    best = min(
        codes,
        key=lambda code: (*profiles[code].names(key), -profiles[code].likelihood(key, codes[code]), code),
    )
    base = f"{best[:7]}.00"
    if base != best and base in codes and profiles[base].names(key) <= profiles[best].names(key):
        return base
    return best


def build(
    onet: Path, out_dir: Path, *, reported: bool = True, exclude_heldout: bool = False
) -> tuple[Path, Path]:
    """Write the index files into ``out_dir``; ``reported=False`` leaves the reported titles out, and
    ``exclude_heldout`` also every alternate title equal to a held-out one (the strict measurement)."""
    weights: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    phrases: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    naming_work = title_vocabulary().naming_work
    for title, code, weight, official in _entries(onet, reported):
        key = key_of(title)
        if _is_fragment(key, title) and not official:
            continue
        if key and (official or not (exclude_heldout and is_heldout(key))):
            entered = max(1, weight)  # a title only the left-out incumbents report is a title all the same
            weights[key][code] += entered
            phrase = title_words(title, naming_work=True)
            if phrase != key.split() and len(phrase) > 1 and phrase[-1] not in naming_work:
                phrases[" ".join(phrase)][code] += entered
    rows = _tsv(onet / "Occupation_Data.tsv")
    profiles = _profiles(weights, rows)
    index_file = out_dir / INDEX_FILE.name
    occupations_file = out_dir / OCCUPATIONS_FILE.name
    entered = weights | phrases
    chosen = {key: choose(key, candidates, profiles) for key, candidates in entered.items()}
    # Titles postings use that O*NET lists elsewhere or not at all; the strict measurement leaves out those
    # equal to a held-out reported title too, whoever wrote them.
    postings = {k: v for k, v in posting_titles().items() if not (exclude_heldout and is_heldout(k))}
    chosen |= postings
    # How many SOC occupations O*NET lists each title under. A posting title O*NET lacks names its one
    # occupation; one O*NET lists under several keeps that count, so a title's other words still refine it
    # ("Wind Plant Manager": O*NET's wind energy operations managers, though a plant manager runs a factory).
    listed = {key: len({code[:7] for code in codes}) for key, codes in entered.items()}
    listed = dict.fromkeys(postings, 1) | listed
    lines = [ATTRIBUTION, INPUTS_LINE + inputs_digest(), "title\tcode\toccupations"]
    lines += [f"{key}\t{chosen[key]}\t{listed[key]}" for key in sorted(chosen)]
    index_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    zones = {r["O*NET-SOC Code"]: r["Job Zone"] for r in _tsv(onet / "Job_Zones.tsv")}
    occupations = [ATTRIBUTION, "code\ttitle\tjob_zone\tdescription"]
    occupations += [
        f"{r['O*NET-SOC Code']}\t{r['Title']}\t{zones.get(r['O*NET-SOC Code'], '')}\t{r['Description']}"
        for r in rows
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
