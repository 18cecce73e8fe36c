"""Jobvite reader (``extract/vendors/jobvite.py``): a company job feed → the RawPostings it states."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from extract.vendors import PayloadError, read_payload
from extract.vendors.jobvite import iso_date

FIXTURES = Path(__file__).parent / "fixtures" / "jobvite"
FETCHED = "2026-11-03T00:00:00Z"
URL = "https://app.jobvite.com/CompanyJobs/Xml.aspx?c=qCdr7Htl"


def _read(name: str) -> list[Any]:
    body = (FIXTURES / name).read_text(encoding="utf-8")
    return read_payload("jobvite", body, url=URL, board="b", fetched_at=FETCHED)


@pytest.mark.parametrize(("name", "ids"), [("feed.xml", ["oCx7Vfw2", "fPq2Lmz9"]), ("empty.xml", [])])
def test_read_finds_every_job(name: str, ids: list[str]) -> None:
    postings = _read(name)
    assert [p.source_id for p in postings] == ids
    assert all(p.source == "jobvite" and p.board == "b" and p.fetched_at == FETCHED for p in postings)


@pytest.mark.parametrize(
    ("index", "field", "expected"),
    [
        (0, "title", "Front Desk Agent"),
        (0, "url", "https://jobs.jobvite.com/cedarridge/job/oCx7Vfw2"),
        (0, "location", "Nashville, TN"),
        (0, "department", "Hotel Operations"),
        (0, "employment_type", "Part-Time"),
        (0, "posted", "2026-11-02"),
        (0, "salary", None),  # no pay field: the extractor reads the text
        (1, "posted", "2026-10-28"),
        (1, "employment_type", "Full-Time"),
    ],
)
def test_read_job_fields(index: int, field: str, expected: Any) -> None:
    assert getattr(_read("feed.xml")[index], field) == expected


@pytest.mark.parametrize(
    ("index", "present"),
    [
        (0, ["evening shifts", "Weekend availability", "$16 - $18 per hour"]),
        # Text and CDATA mixed in one element: both halves are the description.
        (1, ["HVAC, plumbing and electrical repairs", "EPA 608 a plus."]),
    ],
)
def test_read_job_description_is_plain_text(index: int, present: list[str]) -> None:
    description = _read("feed.xml")[index].description
    assert "<" not in description
    assert all(part in description for part in present)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2/21/2011", "2011-02-21"),
        ("11/2/2026", "2026-11-02"),
        ("13/40/2026", "13/40/2026"),
        ("soon", "soon"),
        (None, None),
    ],
)
def test_iso_date_reads_us_dates(value: str | None, expected: str | None) -> None:
    assert iso_date(value) == expected


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("<result><job><id>1</id><title>Cut", "malformed XML"),
        ('{"requisitions": []}', "malformed XML"),
        ("<html><body>Jobvite</body></html>", "root <html>"),
    ],
)
def test_read_rejects_what_is_not_a_feed(body: str, message: str) -> None:
    with pytest.raises(PayloadError, match=message):
        read_payload("jobvite", body, url=URL, board="b", fetched_at=FETCHED)


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        # Numeric character references in titles are the XML's own: read as the characters they name.
        ("title", "Housekeeping Supervisor – Night’s Team"),
        # URLs come in CDATA, as http:, with tracking parameters: kept as given.
        ("url", "http://jobs.jobvite.com/cedarridge/job/oBq4Wfx7?nl=0"),
        ("description", "Lead the overnight room attendants & inspect every floor."),
        ("posted", "2026-09-30"),
    ],
)
def test_read_feed_with_cdata_urls_and_character_references(field: str, expected: Any) -> None:
    assert getattr(_read("feed-cdata-urls.xml")[0], field) == expected
