"""One job, counted once: postings of the same job reached through different routes are grouped.

Rule (published in the report's methodology): two postings are the same job when their normalized
titles are equal, their descriptions' MinHash similarity (word 5-shingles, 128 permutations, datasketch
LSH proposes candidates) is at least 0.8, and either

- same employer and same normalized location, posted within 60 days of each other (the same job on
  its ATS board and a JSON-LD page or feed, on two boards of one employer, or reposted with a new id), or
- different employer but near-identical text (similarity ≥ 0.9): a staffing agency reposting a
  client's job.

Same title with a different location, or a different team (which changes the text), stays distinct.
The canonical posting of a group is its earliest-seen member (lowest id on ties).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache

from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
SAME_EMPLOYER_SIMILARITY = 0.8
AGENCY_SIMILARITY = 0.9
REPOST_WINDOW_DAYS = 60
LSH_CANDIDATE_THRESHOLD = 0.5
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
    """The (bands, rows) datasketch picks for our threshold: worked out once, not per title group.

    MinHashLSH integrates its error curves for every (b, r) on construction, ~30 ms each time; the
    answer only depends on the threshold and num_perm, so every group's index reuses it.
    """
    lsh = MinHashLSH(threshold=LSH_CANDIDATE_THRESHOLD, num_perm=NUM_PERM)
    return lsh.b, lsh.r


@cache
def _template() -> MinHash:
    """An empty signature of seed 1, whose permutations every signature shares: drawing them from the
    seed for each one was a third of its cost."""
    return MinHash(num_perm=NUM_PERM, seed=1)


def _minhash(text: str, hashes: dict[str, int]) -> MinHash:
    """The signature of ``text``'s word 5-shingles; ``hashes`` remembers each shingle's hash, since postings
    that share a title share much of their text (one employer's boilerplate, a reposted job)."""
    words = _WORD.findall(text.lower())
    shingles = {" ".join(words[i : i + 5]) for i in range(max(1, len(words) - 4))}
    template = _template()
    values = []
    for shingle in shingles:
        value = hashes.get(shingle)
        if value is None:
            value = hashes[shingle] = template.hashfunc(shingle.encode())
        values.append(value)
    # The values are hashed already (as MinHash would hash them): ``int`` passes them through.
    signature = MinHash(
        num_perm=NUM_PERM, seed=1, hashfunc=int, permutations=template.permutations, scheme=template.scheme
    )
    signature.update_batch(values)
    return signature


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat((value or "")[:10])
    except ValueError:
        return None


def _same_job(a: DedupRecord, b: DedupRecord, similarity: float) -> str | None:
    """Why two similar postings with the same title are one job, or None if they are not."""
    if normalize_company(a.company) == normalize_company(b.company):
        if normalize_location(a.location) != normalize_location(b.location):
            return None
        days = [_day(r.posted or r.first_seen) for r in (a, b)]
        if days[0] and days[1] and abs((days[0] - days[1]).days) > REPOST_WINDOW_DAYS:
            return None
        return "same employer" if similarity >= SAME_EMPLOYER_SIMILARITY else None
    return "agency repost" if similarity >= AGENCY_SIMILARITY else None


def find_duplicates(records: Iterable[DedupRecord]) -> dict[int, tuple[int, str]]:
    """posting id → (canonical posting id, reason) for every posting that duplicates another."""
    by_id = {record.id: record for record in records if record.description}
    return find_duplicates_by_group(
        ((r.id, r.title) for r in by_id.values()), lambda ids: [by_id[i] for i in ids]
    )


def find_duplicates_by_group(
    titles: Iterable[tuple[int, str | None]], load: Callable[[list[int]], Sequence[DedupRecord]]
) -> dict[int, tuple[int, str]]:
    """The same, loading each same-title group's records only when it is compared (``load(ids)``), so a
    database-backed run never holds every description at once."""
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


def group_duplicates(group: Sequence[DedupRecord]) -> dict[int, tuple[int, str]]:
    """posting id → (canonical posting id, reason) within one group of postings sharing a normalized title."""
    group = sorted(group, key=lambda r: (r.first_seen or "", r.id))
    # Postings reached through two routes often carry the very same text: one signature serves both.
    by_text: dict[str, MinHash] = {}
    hashes: dict[str, int] = {}
    signatures: dict[int, MinHash] = {}
    for record in group:
        text = record.description or ""
        if text not in by_text:
            by_text[text] = _minhash(text, hashes)
        signatures[record.id] = by_text[text]
    # LSH only proposes candidates: a low threshold so near-threshold pairs are not missed by banding.
    lsh = MinHashLSH(threshold=LSH_CANDIDATE_THRESHOLD, num_perm=NUM_PERM, params=_lsh_params())
    canonical: dict[int, tuple[int, str]] = {}
    by_id = {r.id: r for r in group}
    for record in group:
        best: tuple[int, str] | None = None
        for other_id in lsh.query(signatures[record.id]):
            other = by_id[other_id]
            reason = _same_job(record, other, signatures[record.id].jaccard(signatures[other_id]))
            if reason:
                root = canonical.get(other_id, (other_id, reason))[0]
                if best is None or root < best[0]:
                    best = (root, reason)
        if best is not None:
            canonical[record.id] = best
        lsh.insert(record.id, signatures[record.id])
    return canonical
