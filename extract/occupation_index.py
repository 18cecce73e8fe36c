"""The O*NET title index the occupation matcher reads (``extract.occupations``), loaded once per index file,
and the ``Occupation`` a match gives.

``extract/data/onet_titles.tsv`` maps normalized titles to O*NET-SOC codes (``benchmarks/build_onet_titles.py``
builds it); ``extract/data/onet_occupations.tsv`` holds each occupation's title, Job Zone and O*NET's
description of the work. O*NET 27.0 Database, USDOL/ETA, CC BY 4.0.

Most index titles are normalized with the words that say how a job is offered dropped ("Night", "Bank",
"Benefits": ``noise`` in ``title_words.json``), as a posting's title is. A title O*NET writes with such a word
naming the work itself ("Night Auditor", "Sleep Technician", "Benefits Coordinator"; the words are
``noise_naming_work``) is indexed a second time with the word kept: those are the index's ``phrases``, matched
only as a whole run of a posting title's words (``extract.occupations``), never word by word.

The index also says how a title's words read against it: a closed compound it does not know as the two words
it holds ("Steelfixer": ``known``), a misspelt word as the word it misspells ("Sofware Engineer"), and how
many words as written a match rests on (``rests_on``).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from extract.job_titles import title_vocabulary, title_words, written_words

DATA_DIR = Path(__file__).parent / "data"
INDEX_FILE = DATA_DIR / "onet_titles.tsv"
OCCUPATIONS_FILE = DATA_DIR / "onet_occupations.tsv"

HEAD_MIN_SHARE = 10  # a head noun ends at least one in this many of the index titles holding it
DESCRIPTION_STEM = 6  # description words are compared by their first letters ("histology", "histological")
COMPOUND_PART = 3  # the shortest word a closed compound is read as holding ("Storeman": "store", "man")
# The shortest word read as a misspelling ("Remotly"): of the words of the real titles in ../shared a letter
# from an index word, the shorter ones were mostly names and places ("Ealing", "Marton", "Valley").
TYPO_MIN_LETTERS = 7
# A misspelt word is one titles use often (it is in this many index titles): a rare job word a letter from
# another rare one is more likely a job of its own. On the index without the held-out reported titles, any
# index word as the fix made "Gemologist" a geologist, "Strapper" a trapper, "Facetor" a factor; 20, none.
TYPO_MIN_TITLES = 20


MANAGEMENT, MILITARY = "11", "55"  # SOC major groups the matcher treats apart


@dataclass(frozen=True, slots=True)
class Occupation:
    code: str  # O*NET-SOC code, e.g. "29-1141.00"
    title: str  # O*NET occupation title, e.g. "Registered Nurses"
    matched: str  # the normalized words that decided it
    vague: bool = False  # decided by one generic word alone ("Manager"; the list is data)
    job_zone: int | None = None  # O*NET Job Zone: 1 little or no preparation … 5 extensive preparation

    @property
    def soc(self) -> str:
        """The detailed SOC occupation (6 digits), e.g. "29-1141"."""
        return self.code[:7]

    @property
    def major_group(self) -> str:
        return self.code[:2]


@dataclass(frozen=True, slots=True)
class TitleIndex:
    codes: dict[str, str]  # normalized title → O*NET-SOC code
    titles: dict[str, str]  # code → occupation title
    zones: dict[str, int]  # code → O*NET Job Zone
    document_frequency: dict[str, int]  # word → how many index titles contain it
    postings: dict[str, tuple[int, ...]]  # word → index title numbers (for the overlap fallback)
    keys: tuple[tuple[str, ...], ...]  # index title number → its words
    head_codes: dict[str, str]  # last word of index titles → the code most index titles ending in it have
    head_nouns: frozenset[str]  # words that name jobs (see is_head_noun)
    title_codes: tuple[str, ...]  # index title number → its code
    # normalized title → how many SOC occupations O*NET lists it under (2 or more)
    listed_under: dict[str, int]
    occupations_file: Path  # its O*NET descriptions of the work are read when a vague title asks
    # a title normalized with a word that names the work kept ("night auditor") → O*NET-SOC code
    phrases: dict[str, str]
    # a word titles use often (TYPO_MIN_TITLES) with a letter dropped or two swapped → the words it can be
    common_variants: dict[str, frozenset[str]]

    def idf(self, word: str) -> float:
        return math.log((1 + len(self.keys)) / (1 + self.document_frequency.get(word, 0)))

    def mostly_military(self, word: str) -> bool:
        """Do military titles make up most of the index titles holding the word ("infantry", "artillery")?
        O*NET names military specialties by words civilians' titles use too, so only such a word names one."""
        holding = self.postings.get(word, ())
        return sum(self.title_codes[n][:2] == MILITARY for n in holding) * 2 > len(holding)

    def known(self, words: Iterable[str]) -> list[str]:
        """Title words with each one the index does not know, written as one word of two it knows ending in
        one that names jobs, read as the two: British titles close compounds ("Steelfixer", "Careworker"),
        and so do some O*NET ones ("Glassblower", "Silversmith", "Winemaker"); and one misspelt, read as the
        word it misspells (``_misspelt``)."""
        parts = [part for word in words for part in self._parts(word)]
        return [self._misspelt(parts, at) or word for at, word in enumerate(parts)]

    def _misspelt(self, words: list[str], at: int) -> str | None:
        """The word ``words[at]`` misspells, if the index does not know it: the one word titles use often a
        letter away, dropped, added or two swapped ("Sofware", "Consulltant", "Mechancial"; a wrong letter is
        left alone: "Sutton" is no "Button", "Belper" no "Helper"), long enough that a name is seldom one
        (TYPO_MIN_LETTERS), and only when that word names jobs or makes an index title with a word beside it
        ("Registerd Nurse"): a language a letter from a word ("Finnish") is no job."""
        word = words[at]
        if word in self.postings or len(word) < TYPO_MIN_LETTERS or not word.isalpha():
            return None
        variants = self.common_variants
        # A letter added to a common word ("Aanalyst") drops out again; a common word is its own variant.
        added = {dropped for dropped in _dropped(word) if dropped in variants.get(dropped, ())}
        fixes = added | variants.get(word, frozenset())
        if len(fixes) != 1:
            return None
        (fix,) = fixes
        before, after = words[at - 1 : at] if at else [], words[at + 1 : at + 2]
        runs = [" ".join([*before, fix]), " ".join([fix, *after])]
        return (
            fix if fix in self.head_nouns or any(" " in run and run in self.codes for run in runs) else None
        )

    def rests_on(self, title: str, matched: str) -> int:
        """How many of the title's words as written a match rests on, each word of the match used once: an
        abbreviation is one word ("EMT" in "Firefighter/EMT" is no more specific than "Firefighter" for
        expanding to three); "Surgical Technician (Surgical Tech)" is four, as O*NET writes it whole."""
        unused = Counter(matched.split())
        rests = 0
        for group in written_words(title, naming_work=True):
            used = [word for word in self.known(group) if unused[word] > 0]
            unused.subtract(used)
            rests += bool(used)
        return rests

    def _parts(self, word: str) -> tuple[str, ...]:
        if word in self.postings or len(word) < 2 * COMPOUND_PART:
            return (word,)
        for cut in range(len(word) - COMPOUND_PART, COMPOUND_PART - 1, -1):  # the shortest head first
            first, second = title_words(word[:cut]), title_words(word[cut:])
            if first and second and all(w in self.postings for w in first) and second[-1] in self.head_nouns:
                return (*first, *second)
        return (word,)


def tsv_rows(path: Path) -> list[list[str]]:
    """A TSV file's rows after its header and its attribution lines (starting with #)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line and not line.startswith("#")][1:]


def is_phrase(key: str) -> bool:
    """Is an index title one written with a word that names the work kept ("night auditor")? No other index
    title holds such a word: normalizing drops it."""
    return not title_vocabulary().naming_work.isdisjoint(key.split())


def title_index(index_file: Path = INDEX_FILE, occupations_file: Path = OCCUPATIONS_FILE) -> TitleIndex:
    """The index, read once per pair of files: the defaults written out or left out are one entry (a
    cache keyed on the arguments as passed would read the shipped index twice, 25 MB each)."""
    return _title_index(index_file, occupations_file)


@cache
def _title_index(index_file: Path, occupations_file: Path) -> TitleIndex:
    rows = tsv_rows(occupations_file)
    titles = {row[0]: row[1] for row in rows}
    zones = {row[0]: int(row[2]) for row in rows if len(row) > 2 and row[2]}
    index_rows = tsv_rows(index_file)
    phrases = {row[0]: row[1] for row in index_rows if is_phrase(row[0])}
    codes = {row[0]: row[1] for row in index_rows if row[0] not in phrases}
    # An index without the third column (a test's) lists each title under its one occupation.
    listed_under = {row[0]: int(row[2]) for row in index_rows if len(row) > 2 and row[2] != "1"}
    keys = tuple(tuple(key.split()) for key in codes)
    frequency: dict[str, int] = defaultdict(int)
    postings: dict[str, list[int]] = defaultdict(list)
    for number, words in enumerate(keys):
        for word in set(words):
            frequency[word] += 1
            postings[word].append(number)
    by_head: dict[str, Counter[str]] = defaultdict(Counter)
    for key, code in codes.items():
        by_head[key.rsplit(" ", 1)[-1]][code] += 1
    heads = {head: min(c.items(), key=lambda item: (-item[1], item[0]))[0] for head, c in by_head.items()}
    heads.update(title_vocabulary().generic)
    nouns = frozenset(h for h, c in by_head.items() if is_head_noun(c.total(), frequency[h]))
    title_codes = tuple(codes.values())
    return TitleIndex(
        codes,
        titles,
        zones,
        dict(frequency),
        {w: tuple(p) for w, p in postings.items()},
        keys,
        heads,
        nouns | frozenset(title_vocabulary().generic),
        title_codes,
        listed_under,
        occupations_file,
        phrases,
        _common_variants(frequency),
    )


@cache
def descriptions(occupations_file: Path) -> tuple[dict[str, frozenset[str]], Counter[str]]:
    """O*NET's descriptions as word stems (code → stems) and how many hold each stem: read when a vague
    title first asks, once for every index a measurement builds (they share the occupations file)."""
    held = {row[0]: stems(title_words(row[3])) for row in tsv_rows(occupations_file) if len(row) > 3}
    return held, Counter(stem for words in held.values() for stem in words)


def stems(words: Iterable[str]) -> frozenset[str]:
    return frozenset(word[:DESCRIPTION_STEM] for word in words)


def is_head_noun(ending: int, containing: int) -> bool:
    """A word that names jobs: it ends a fair share of the index titles holding it ("Nurse", "Practitioner",
    "Veterinarian"), not one that almost always qualifies them ("Team", "Care", "Service")."""
    return ending * HEAD_MIN_SHARE >= containing


def occupation_at(code: str, key: str, index: TitleIndex, vague: bool = False) -> Occupation:
    """The occupation ``code`` as the index gives it, decided by the normalized words ``key`` (vague too when
    they are a generic title: "Manager")."""
    vague = vague or key in title_vocabulary().generic
    return Occupation(code, index.titles.get(code, ""), key, vague, index.zones.get(code))


def _dropped(word: str) -> set[str]:
    """``word`` with one letter dropped."""
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _swapped(word: str) -> set[str]:
    """``word`` with two neighbouring letters swapped."""
    return {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)} - {word}


def _common_variants(frequency: dict[str, int]) -> dict[str, frozenset[str]]:
    """Each word titles use often, as itself and with a letter dropped or two swapped, → the words it is so:
    a misspelling with a letter added is found by dropping one of its letters (``TitleIndex._misspelt``)."""
    variants: dict[str, set[str]] = defaultdict(set)
    for word, count in frequency.items():
        if count >= TYPO_MIN_TITLES and word.isalpha():
            for variant in {word} | _dropped(word) | _swapped(word):
                variants[variant].add(word)
    return {variant: frozenset(words) for variant, words in variants.items()}
