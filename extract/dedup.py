"""One job, counted once: postings of the same job reached through different routes are grouped.

Rule (published in the report's methodology): two postings are the same job when their normalized
titles are equal, their descriptions' MinHash similarity (word 5-shingles, 128 permutations; LSH banding with
datasketch's parameters proposes candidates) is at least 0.8, and either

- same employer and same normalized location, posted within 60 days of each other (the same job on
  its ATS board and a JSON-LD page or feed, on two boards of one employer, or reposted with a new id), or
- different employer but near-identical text (similarity ≥ 0.9): a staffing agency reposting a
  client's job.

Same title with a different location, or a different team (which changes the text), stays distinct.
The canonical posting of a group is its earliest-seen member: the first day it was seen, then the lowest
``source:source_id`` (a stable key; row ids and the second a page was fetched depend on crawl order).

Postings are taken in that order and each is compared with the canonical postings before it only (a
duplicate joins its canonical posting and is never a candidate itself), found through LSH bands kept per
employer and location for the first rule and per other employer for the second. A title shared by thousands
of postings (one employer's job in every city, one posting repeated thousands of times) then costs about one
comparison per posting, not one per pair.
"""

from __future__ import annotations

import re
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache

import numpy as np
from datasketch import MinHashLSH

NUM_PERM = 128
SAME_EMPLOYER_SIMILARITY = 0.8
AGENCY_SIMILARITY = 0.9
REPOST_WINDOW_DAYS = 60
LSH_CANDIDATE_THRESHOLD = 0.5
SIGNATURE_SEED = 1
SIGNATURE_DTYPE = np.dtype("<u4")  # stored little-endian whatever the machine
# Trailing country names and codes that career pages add and ATS boards leave out (longest first). Codes
# that are also US state codes (CA, DE, IN, …) are left alone: "San Francisco, CA" keeps its state.
_COUNTRIES = (
    "united states of america", "united states", "united kingdom", "usa", "us", "uk", "gb", "canada",
    "germany", "france", "fr", "netherlands", "nl", "spain", "es", "portugal", "pt", "ireland", "ie",
    "india", "australia", "au", "singapore", "sg",
)  # fmt: skip
_WORD = re.compile(r"[a-z0-9]+")
_COMPANY_SUFFIX = re.compile(r"\b(inc|llc|ltd|gmbh|corp|corporation|co|plc|ag|sa|bv)\b\.?")
_TITLE_NOISE = re.compile(r"\(.*?\)|\[.*?\]|[-–—|,/].*$")


@dataclass(frozen=True, slots=True)
class DedupRecord:
    id: int
    company: str | None
    title: str | None
    location: str | None
    description: str | None
    posted: str | None
    first_seen: str | None
    signature: bytes | None = None  # the stored MinHash signature, when the database has it
    stable_key: str = ""  # "source:source_id": breaks ties the same way on every run


def normalize_company(name: str | None) -> str:
    return " ".join(_WORD.findall(_COMPANY_SUFFIX.sub(" ", (name or "").lower())))


def normalize_title(title: str | None) -> str:
    """Lower-case words of the title without bracketed or trailing qualifiers ("Engineer (Remote)")."""
    return " ".join(_WORD.findall(_TITLE_NOISE.sub("", (title or "").lower())))


def normalize_location(location: str | None) -> str:
    """Words of the location without a trailing country: "Chicago, IL, US" and "Chicago, IL" are one place.

    A location that says remote is just "remote" (plus nothing else): "Remote - US", "USA (remote)".
    """
    words = _WORD.findall((location or "").lower())
    if "remote" in words or "anywhere" in words:
        return "remote"
    text = " ".join(words)
    for country in _COUNTRIES:
        if text.endswith(" " + country):
            return text[: -len(country) - 1]
    return text


@cache
def _lsh_params() -> tuple[int, int]:
    """The (bands, rows) datasketch picks for our candidate threshold, worked out once.

    MinHashLSH integrates its error curves for every (b, r) on construction, ~30 ms each time; the
    answer only depends on the threshold and NUM_PERM. The banding itself is done here (``_Bands``).
    """
    lsh = MinHashLSH(threshold=LSH_CANDIDATE_THRESHOLD, num_perm=NUM_PERM)
    return lsh.b, lsh.r


# One random odd multiplier per permutation, from a fixed seed: signatures stored by one run must compare
# with the next run's. Multiplicative hashing (a*x mod 2**64, a bijection for odd a; its high 32 bits are
# stored) avoids the modulo of datasketch's scheme, which was most of a signature's cost.
_RANDOM = np.random.RandomState(SIGNATURE_SEED)
_MULTIPLIERS = (_RANDOM.randint(0, 2**62, size=(NUM_PERM, 1), dtype=np.uint64) << np.uint64(1)) | np.uint64(1)
# Word hashes are combined into a 5-word shingle hash with one odd constant per position.
_POSITION_MULTIPLIERS = np.array(
    [0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x85EBCA77C2B2AE63, 0x27D4EB2F165667C5],
    dtype=np.uint64,
)
_SHINGLE = len(_POSITION_MULTIPLIERS)
_HIGH_HALF = np.uint64(32)
# Bytes that are not [a-z0-9] (after lower-casing) separate words: one translate, then split, is several
# times faster than a regex over the text.
_SEPARATORS = bytes(
    c if chr(c).isascii() and (chr(c).isdigit() or "a" <= chr(c) <= "z") else 32 for c in range(256)
)


class _WordHashes(dict[bytes, int]):
    """Each word's CRC-32, remembered: postings repeat their vocabulary (and boilerplate) endlessly."""

    def __missing__(self, word: bytes) -> int:
        value = self[word] = zlib.crc32(word)
        return value


_WORD_HASHES = _WordHashes()
# Forgotten wholesale beyond this many words: a bound on memory when a page is garbage text.
_MAX_REMEMBERED_WORDS = 1_000_000


def description_signature(text: str) -> np.ndarray:
    """The MinHash signature (NUM_PERM uint32) of ``text``'s word 5-shingles; a text under five words is one
    shingle. Deterministic across processes and runs, so it is stored with the posting and reused."""
    words = text.lower().encode("utf-8", "replace").translate(_SEPARATORS).split()
    if len(_WORD_HASHES) > _MAX_REMEMBERED_WORDS:
        _WORD_HASHES.clear()
    hashes = np.fromiter(map(_WORD_HASHES.__getitem__, words), dtype=np.uint64, count=len(words))
    count = max(1, len(words) - _SHINGLE + 1)
    shingles = np.zeros(count, dtype=np.uint64)
    for position, multiplier in enumerate(_POSITION_MULTIPLIERS):
        part = hashes[position : position + count]
        shingles[: len(part)] += part * multiplier
    # A repeated shingle cannot change a minimum: no need to drop repeats first.
    # The shift is monotonic, so the minimum is taken before it: one pass over the (NUM_PERM x shingles) products.
    return ((_MULTIPLIERS * shingles).min(axis=1) >> _HIGH_HALF).astype(SIGNATURE_DTYPE)


def signature_bytes(text: str) -> bytes:
    """``description_signature`` as stored in ``posting_signatures.signature``."""
    return description_signature(text).tobytes()


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures: the share of permutations whose minima agree."""
    return float(np.count_nonzero(a == b)) / NUM_PERM


class _Index:
    """LSH banding over the canonical postings of one group: postings whose signatures agree on every row of
    some band are candidates. Same-employer candidates are kept apart by (employer, location), the only ones
    that rule can match; agency candidates are every other employer's postings in the bucket (buckets are
    small: one plain list each, no per-bucket dict to build)."""

    def __init__(self) -> None:
        self.bands, self.rows = _lsh_params()
        self.employer: dict[tuple[str, str, int, bytes], list[int]] = defaultdict(list)
        self.agency: dict[tuple[int, bytes], list[tuple[str, int]]] = {}

    def keys(self, signature: np.ndarray) -> list[tuple[int, bytes]]:
        """The (band, rows) keys of a signature: computed once per posting, for lookup and insert."""
        rows = signature[: self.bands * self.rows].reshape(self.bands, self.rows)
        return list(enumerate(row.tobytes() for row in rows))

    def candidates(self, company: str, location: str, keys: list[tuple[int, bytes]]) -> set[int]:
        found: set[int] = set()
        for key in keys:
            found.update(self.employer.get((company, location, *key), ()))
            found.update(pid for other, pid in self.agency.get(key, ()) if other != company)
        return found

    def insert(self, posting_id: int, company: str, location: str, keys: list[tuple[int, bytes]]) -> None:
        for key in keys:
            self.employer[(company, location, *key)].append(posting_id)
            self.agency.setdefault(key, []).append((company, posting_id))


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat((value or "")[:10])
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class _Facts:
    """What the rule compares of a posting, normalized once."""

    company: str
    location: str
    day: date | None


def _facts(record: DedupRecord) -> _Facts:
    return _Facts(
        normalize_company(record.company),
        normalize_location(record.location),
        _day(record.posted or record.first_seen),
    )


def _same_job(a: _Facts, b: _Facts, similarity: float) -> str | None:
    """Why two similar postings with the same title are one job, or None if they are not."""
    if a.company == b.company:
        if a.location != b.location:
            return None
        if a.day and b.day and abs((a.day - b.day).days) > REPOST_WINDOW_DAYS:
            return None
        return "same employer" if similarity >= SAME_EMPLOYER_SIMILARITY else None
    return "agency repost" if similarity >= AGENCY_SIMILARITY else None


def find_duplicates_by_group(
    titles: Iterable[tuple[int, str | None]], load: Callable[[list[int]], Sequence[DedupRecord]]
) -> dict[int, tuple[int, str]]:
    """posting id → (canonical posting id, reason) for every posting that duplicates another.

    ``titles`` are (id, title) of postings with a description; each same-title group's records are loaded only
    when it is compared (``load(ids)``), so a database-backed run never holds every description at once."""
    duplicates: dict[int, tuple[int, str]] = {}
    for ids in same_title_groups(titles):
        duplicates.update(group_duplicates(load(ids)))
    return duplicates


def same_title_groups(titles: Iterable[tuple[int, str | None]]) -> list[list[int]]:
    """The ids of postings sharing a normalized title, for every title held by two or more.

    Only these can be duplicates, so a caller reading from the database loads descriptions (and computes
    signatures) for them alone, one group at a time. ``titles`` are (id, title) of postings with a description.
    """
    by_title: dict[str, list[int]] = defaultdict(list)
    for posting_id, title in titles:
        by_title[normalize_title(title)].append(posting_id)
    return [ids for ids in by_title.values() if len(ids) > 1]


def _seen_order(record: DedupRecord) -> tuple[str, str, int]:
    # The day, not the second: two routes of one job crawled a second apart in one run are seen together.
    return ((record.first_seen or "")[:10], record.stable_key, record.id)


def _signatures(group: Sequence[DedupRecord]) -> dict[int, np.ndarray]:
    """Each record's stored signature, or one computed from its description."""
    # Postings reached through two routes often carry the very same text: one signature serves both.
    by_text: dict[str, np.ndarray] = {}
    signatures: dict[int, np.ndarray] = {}
    for record in group:
        if record.signature is not None:
            signatures[record.id] = np.frombuffer(record.signature, dtype=SIGNATURE_DTYPE)
            continue
        text = record.description or ""
        if text not in by_text:
            by_text[text] = description_signature(text)
        signatures[record.id] = by_text[text]
    return signatures


def group_duplicates(group: Sequence[DedupRecord]) -> dict[int, tuple[int, str]]:
    """posting id → (canonical posting id, reason) within one group of postings sharing a normalized title.

    A record's stored ``signature`` is used when it has one; otherwise it is computed from its description.
    """
    group = sorted(group, key=_seen_order)
    rank = {r.id: i for i, r in enumerate(group)}
    facts = {r.id: _facts(r) for r in group}
    signatures = _signatures(group)
    index = _Index()
    canonical: dict[int, tuple[int, str]] = {}
    for record in group:
        mine = facts[record.id]
        company, location = mine.company, mine.location
        signature = signatures[record.id]
        keys = index.keys(signature)
        best: tuple[int, str] | None = None
        for other_id in sorted(index.candidates(company, location, keys), key=rank.__getitem__):
            reason = _same_job(mine, facts[other_id], similarity(signature, signatures[other_id]))
            if reason:
                best = (other_id, reason)  # candidates are canonical postings, earliest first
                break
        if best is None:
            index.insert(record.id, company, location, keys)
        else:
            canonical[record.id] = best
    return canonical
