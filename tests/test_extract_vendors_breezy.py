"""Breezy reader (``extract/vendors/breezy.py``): the position array and a job page → the RawPostings they state."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from extract.vendors import PayloadError, read_payload

FIXTURES = Path(__file__).parent / "fixtures" / "breezy"
FETCHED = "2026-11-03T00:00:00Z"
ROOT = "https://harborview.breezy.hr"
PAGE_ID = "3f2a9c1b7d40-warehouse-associate"


def _read(name: str, url: str) -> list[Any]:
    body = (FIXTURES / name).read_text(encoding="utf-8")
    return read_payload("breezy", body, url=url, board="b", fetched_at=FETCHED)


def _page() -> Any:
    (posting,) = _read(f"{PAGE_ID}.html", f"{ROOT}/p/{PAGE_ID}")
    return posting


@pytest.mark.parametrize(
    ("name", "url", "ids"),
    [
        # The warehouse position has no description in the array: its job page states it.
        ("list.json", f"{ROOT}/json", ["81c07e5a2b19"]),
        ("empty.json", f"{ROOT}/json", []),
        (f"{PAGE_ID}.html", f"{ROOT}/p/3f2a9c1b7d40", ["3f2a9c1b7d40"]),
        # The job page under its friendly id names the same position.
        (f"{PAGE_ID}.html", f"{ROOT}/p/{PAGE_ID}", ["3f2a9c1b7d40"]),
    ],
)
def test_read_finds_every_described_position(name: str, url: str, ids: list[str]) -> None:
    postings = _read(name, url)
    assert [p.source_id for p in postings] == ids
    assert all(p.source == "breezy" and p.board == "b" and p.fetched_at == FETCHED for p in postings)


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("title", "Inside Sales Representative"),
        ("company", "Harborview Supply"),
        ("url", f"{ROOT}/p/81c07e5a2b19-inside-sales-representative"),
        ("location", "Cleveland, Ohio, United States"),
        ("remote_hint", "remote"),
        ("department", "Sales"),
        ("employment_type", "Full-Time"),
        ("posted", "2026-10-27T09:05:44.031Z"),
    ],
)
def test_read_list_position_fields(field: str, expected: Any) -> None:
    (posting,) = _read("list.json", f"{ROOT}/json")
    assert getattr(posting, field) == expected


def test_read_list_salary_text_and_description() -> None:
    (posting,) = _read("list.json", f"{ROOT}/json")
    salary = posting.salary
    assert (salary.min, salary.max, salary.currency, salary.period) == (48000, 55000, "USD", "year")
    assert salary.source == "breezy.salary"
    assert "<" not in posting.description and "B2B phone sales" in posting.description


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("title", "Warehouse Associate"),
        ("company", "Harborview Supply"),
        ("posted", "2026-11-01"),
        ("location", "Columbus, OH, US"),
    ],
)
def test_read_job_page_fields(field: str, expected: Any) -> None:
    assert getattr(_page(), field) == expected


def test_read_job_page_structured_pay_and_text() -> None:
    posting = _page()
    assert (posting.salary.min, posting.salary.max, posting.salary.period) == (18, 21, "hour")
    assert "Forklift certification a plus" in posting.description


@pytest.mark.parametrize(
    ("salary", "expected"),
    [("$18 - $21 / hr", (18, 21, "hour")), ("$60K - $70K", (60000, 70000, "year")), ("", None), (None, None)],
)
def test_read_list_salary_text(salary: Any, expected: Any) -> None:
    positions = json.loads((FIXTURES / "list.json").read_text(encoding="utf-8"))
    positions[1]["salary"] = salary
    (posting,) = read_payload(
        "breezy", json.dumps(positions), url=f"{ROOT}/json", board="b", fetched_at=FETCHED
    )
    got = (posting.salary.min, posting.salary.max, posting.salary.period) if posting.salary else None
    assert got == expected


@pytest.mark.parametrize(
    ("body", "url", "message"),
    [
        ('[{"id": 1,', f"{ROOT}/json", "malformed JSON"),
        ('{"positions": []}', f"{ROOT}/json", "not an array"),
        ("<html><body>Breezy</body></html>", f"{ROOT}/", "neither"),
        ("<html><body>No posting here</body></html>", f"{ROOT}/p/{PAGE_ID}", "0 JobPostings"),
    ],
)
def test_read_rejects_what_is_not_a_breezy_page(body: str, url: str, message: str) -> None:
    with pytest.raises(PayloadError, match=message):
        read_payload("breezy", body, url=url, board="b", fetched_at=FETCHED)
