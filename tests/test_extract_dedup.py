"""De-duplication: near-duplicates become one job; look-alike distinct jobs stay apart."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace

import pytest

from extract.dedup import (
    DedupRecord,
    description_signature,
    find_duplicates_by_group,
    group_duplicates,
    normalize_location,
    normalize_title,
    signature_bytes,
    similarity,
)

BODY = (
    "Join the payments platform team to design and operate the ledger services that move money for "
    "thousands of merchants. You will write Python and Go, own PostgreSQL schemas, review designs, mentor "
    "engineers and carry a light on-call rotation. We want five years of backend experience, strong SQL, "
    "and a habit of writing clear design documents before writing code. Benefits include health cover, "
    "a learning budget and flexible hours across our offices."
)
OTHER_TEAM = (
    BODY.replace("payments platform team", "identity team")
    .replace(
        "ledger services that move money for thousands of merchants",
        "login and account recovery flows used by millions",
    )
    .replace("own PostgreSQL schemas", "own the OAuth and SAML integrations")
)


def _rec(id: int, *, company: str = "Acme Inc", title: str = "Senior Backend Engineer", location: str = "Berlin",
         text: str = BODY, posted: str = "2026-11-01") -> DedupRecord:  # fmt: skip
    return DedupRecord(id, company, title, location, text, posted, f"{posted}T00:00:00Z")


def find_duplicates(records: list[DedupRecord]) -> dict[int, tuple[int, str]]:
    by_id = {r.id: r for r in records}
    return find_duplicates_by_group(((r.id, r.title) for r in records), lambda ids: [by_id[i] for i in ids])


@pytest.mark.parametrize(
    ("records", "expected"),
    [
        # The same job on the ATS board and on the JSON-LD careers page (title decorated, one word changed).
        (
            [
                _rec(1),
                _rec(
                    2,
                    title="Senior Backend Engineer (Berlin)",
                    text=BODY.replace("flexible", "flexible working"),
                ),
            ],
            {2: (1, "same employer")},
        ),
        # Reposted with a new id three weeks later.
        ([_rec(1), _rec(2, posted="2026-11-22")], {2: (1, "same employer")}),
        # A staffing agency reposting the client's text.
        ([_rec(1), _rec(2, company="Talent Bridge Recruiting")], {2: (1, "agency repost")}),
        # Same title, different location: distinct jobs.
        ([_rec(1), _rec(2, location="Lisbon")], {}),
        # Same title and employer, different team: the text differs, distinct jobs.
        ([_rec(1), _rec(2, text=OTHER_TEAM)], {}),
        # Same text, but reposted after the window: a new opening.
        ([_rec(1), _rec(2, posted="2027-03-01")], {}),
        # Different titles never merge.
        ([_rec(1), _rec(2, title="Staff Backend Engineer")], {}),
        # Three routes to one job: all point at the earliest.
        ([_rec(1), _rec(2), _rec(3)], {2: (1, "same employer"), 3: (1, "same employer")}),
    ],
)
def test_find_duplicates_groups_same_job_only(
    records: list[DedupRecord], expected: dict[int, tuple[int, str]]
) -> None:
    assert find_duplicates(records) == expected


@pytest.mark.parametrize(
    ("seen", "expected_canonical"),
    [
        # Seen the same day, a second apart in either order: the stable key decides, not the crawl's order.
        ({"greenhouse:9": "2026-11-24T10:00:01Z", "remoteok:1": "2026-11-24T10:00:00Z"}, "greenhouse:9"),
        ({"greenhouse:9": "2026-11-24T10:00:00Z", "remoteok:1": "2026-11-24T10:00:01Z"}, "greenhouse:9"),
        # Seen on an earlier day: the earlier day wins whatever the key.
        ({"greenhouse:9": "2026-11-25T09:00:00Z", "remoteok:1": "2026-11-24T23:59:59Z"}, "remoteok:1"),
    ],
)
@pytest.mark.parametrize("ids", [(1, 2), (2, 1)])
def test_group_duplicates_canonical_is_stable_across_row_ids(
    seen: dict[str, str], expected_canonical: str, ids: tuple[int, int]
) -> None:
    records = [
        replace(_rec(posting_id), first_seen=first_seen, stable_key=key)
        for posting_id, (key, first_seen) in zip(ids, seen.items(), strict=True)
    ]
    key_of = {r.id: r.stable_key for r in records}
    duplicates = group_duplicates(records)
    assert len(duplicates) == 1
    [(_duplicate, (canonical, _reason))] = duplicates.items()
    assert key_of[canonical] == expected_canonical


@pytest.mark.parametrize(
    ("title", "normalized"),
    [("Senior Backend Engineer (Remote)", "senior backend engineer"), ("Data Analyst - Payments", "data analyst"),
     ("ML Engineer | NYC", "ml engineer")],
)  # fmt: skip
def test_normalize_title_drops_qualifiers(title: str, normalized: str) -> None:
    assert normalize_title(title) == normalized


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Chicago, IL", "Chicago, IL, US", True),
        ("Austin, TX", "Austin, TX, United States", True),
        ("Remote - US", "USA (remote)", True),
        ("Berlin", "Berlin, Germany", True),
        ("San Francisco, CA", "San Francisco, CA, US", True),
        ("San Francisco, CA", "San Francisco", False),
        ("Chicago, IL", "Denver, CO, US", False),
    ],
)
def test_normalize_location_ignores_trailing_country(a: str, b: str, same: bool) -> None:
    assert (normalize_location(a) == normalize_location(b)) is same


def _words(count: int, prefix: str) -> list[str]:
    return [f"{prefix}{i}" for i in range(count)]


@pytest.mark.parametrize("shared", [0, 100, 300, 500])
def test_signature_similarity_estimates_shingle_jaccard(shared: int) -> None:
    # Two texts sharing a run of words: their 5-shingle Jaccard similarity is known exactly.
    common = _words(shared, "w")
    a = " ".join([*common, *_words(600 - shared, "a")])
    b = " ".join([*common, *_words(600 - shared, "b")])
    both = max(0, shared - 4)
    exact = both / (2 * 596 - both)
    estimate = similarity(description_signature(a), description_signature(b))
    assert abs(estimate - exact) <= 0.12  # 128 permutations: a few standard errors


def test_signature_ignores_case_and_punctuation_and_needs_no_words() -> None:
    assert signature_bytes("Python, SQL; and Go!") == signature_bytes("python sql and go")
    assert len(signature_bytes("")) == 4 * 128
    assert similarity(description_signature(BODY), description_signature(OTHER_TEAM)) < 0.8


def test_signature_is_the_same_in_another_process() -> None:
    # Signatures are stored and compared across runs: they must not depend on the process (hash seed).
    code = "import sys; from extract.dedup import signature_bytes; sys.stdout.write(signature_bytes(sys.argv[1]).hex())"
    other = subprocess.run([sys.executable, "-c", code, BODY], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": "12345"})  # fmt: skip
    assert other.stdout == signature_bytes(BODY).hex()


def test_stored_signatures_stand_in_for_descriptions() -> None:
    records = [_rec(1), _rec(2, posted="2026-11-05"), _rec(3, text=OTHER_TEAM), _rec(4, company="Agency Ltd")]
    stored = [replace(r, description=None, signature=signature_bytes(r.description or "")) for r in records]
    expected = find_duplicates(records)
    assert expected == {2: (1, "same employer"), 4: (1, "agency repost")}
    assert group_duplicates(stored) == expected
