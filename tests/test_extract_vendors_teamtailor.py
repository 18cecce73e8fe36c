"""Teamtailor reader (``extract/vendors/teamtailor.py``): an RSS feed page → the RawPostings it states."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from extract.vendors import PayloadError, read_payload
from extract.vendors.teamtailor import iso_date

FIXTURES = Path(__file__).parent / "fixtures" / "teamtailor"
FETCHED = "2026-11-03T00:00:00Z"
URL = "https://nordvik.teamtailor.com/jobs.rss?offset=0&per_page=100"


def _read(name: str) -> list[Any]:
    body = (FIXTURES / name).read_text(encoding="utf-8")
    return read_payload("teamtailor", body, url=URL, board="b", fetched_at=FETCHED)


@pytest.mark.parametrize(("name", "ids"), [("feed.xml", ["6a1f0c2e", "0b9e44d1"]), ("empty.xml", [])])
def test_read_finds_every_item(name: str, ids: list[str]) -> None:
    postings = _read(name)
    assert [p.source_id.split("-")[0] for p in postings] == ids
    assert all(p.source == "teamtailor" and p.board == "b" and p.fetched_at == FETCHED for p in postings)


@pytest.mark.parametrize(
    ("index", "field", "expected"),
    [
        (0, "title", "Deck Officer"),
        (0, "company", "Nordvik Lines"),
        (0, "url", "https://careers.nordvik.example/jobs/5102231-deck-officer"),
        (0, "location", "Bergen, Norway"),
        (0, "remote_hint", "onsite"),
        (0, "department", "Fleet"),
        (0, "posted", "2026-11-03T09:15:00+01:00"),
        (0, "salary", None),
        (1, "location", "Oslo, Norway / Gothenburg, Sweden"),
        (1, "remote_hint", "hybrid"),
        (1, "department", "Customer Service"),  # no department: the role names the team
    ],
)
def test_read_item_fields(index: int, field: str, expected: Any) -> None:
    assert getattr(_read("feed.xml")[index], field) == expected


def test_read_item_description_is_plain_text() -> None:
    description = _read("feed.xml")[0].description
    assert "<" not in description and "&lt;" not in description
    assert "About the role" in description and "STCW certificate" in description


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Tue, 03 Nov 2026 09:15:00 +0100", "2026-11-03T09:15:00+01:00"),
        ("Fri, 24 Jul 2026 13:57:16 GMT", "2026-07-24T13:57:16+00:00"),
        ("last Tuesday", "last Tuesday"),
        (None, None),
    ],
)
def test_iso_date_reads_rfc_822(value: str | None, expected: str | None) -> None:
    assert iso_date(value) == expected


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("<rss><channel><item><title>Cut", "malformed XML"),
        ('{"jobs": []}', "malformed XML"),
        ("<html><body>Teamtailor</body></html>", "RSS <channel>"),
        ("<rss version='2.0'></rss>", "RSS <channel>"),
    ],
)
def test_read_rejects_what_is_not_a_feed(body: str, message: str) -> None:
    with pytest.raises(PayloadError, match=message):
        read_payload("teamtailor", body, url=URL, board="b", fetched_at=FETCHED)


@pytest.mark.parametrize(
    ("index", "field", "expected"),
    [
        # Fully remote with <tt:locations/> empty: no place, the arrangement from remoteStatus.
        (0, "location", None),
        (0, "remote_hint", "remote"),
        (0, "description", "Plan rosters for the ferry crews & keep rest hours legal."),  # in CDATA
        # A location that is a name only; "temporary" (remote for now) says nothing lasting.
        (1, "location", "Remote"),
        (1, "remote_hint", None),
        (1, "department", None),
        (1, "description", "Run monthly payroll for sea & shore staff."),  # entity-escaped, & escaped twice
    ],
)
def test_read_remote_items_without_a_place(index: int, field: str, expected: Any) -> None:
    assert getattr(_read("feed-remote.xml")[index], field) == expected
