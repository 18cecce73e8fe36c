"""BambooHR reader (``extract/vendors/bamboohr.py``): a position detail → the RawPosting it states."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from extract.vendors import PayloadError, read_payload

FIXTURES = Path(__file__).parent / "fixtures" / "bamboohr"
FETCHED = "2026-11-03T00:00:00Z"
ROOT = "https://pinecrest.bamboohr.com/careers"


def _read(name: str, url: str = "") -> list[Any]:
    body = (FIXTURES / name).read_text(encoding="utf-8")
    return read_payload(
        "bamboohr", body, url=url or f"{ROOT}/{name[:-5]}/detail", board="b", fetched_at=FETCHED
    )


@pytest.mark.parametrize(
    ("name", "field", "expected"),
    [
        ("41.json", "source_id", "41"),
        ("41.json", "title", "Certified Nursing Assistant - Night Shift"),
        ("41.json", "location", "Duluth, Minnesota, United States"),
        ("41.json", "remote_hint", "onsite"),
        ("41.json", "department", "Nursing"),
        ("41.json", "employment_type", "Full-Time"),
        ("41.json", "posted", "2026-11-02"),
        ("41.json", "url", f"{ROOT}/41"),
        ("41.json", "seniority_hint", "Entry-level"),
        # No id in jobOpening: the detail URL names it; no place but the country from atsLocation.
        ("57.json", "source_id", "57"),
        ("57.json", "location", "United States"),
        ("57.json", "remote_hint", "hybrid"),
        ("57.json", "salary", None),  # "Competitive" is no pay
    ],
)
def test_read_detail_fields(name: str, field: str, expected: Any) -> None:
    (posting,) = _read(name)
    assert getattr(posting, field) == expected
    assert posting.source == "bamboohr" and posting.board == "b" and posting.fetched_at == FETCHED


def test_read_detail_description_is_plain_text() -> None:
    (posting,) = _read("41.json")
    assert "<" not in posting.description
    assert "Record vital signs" in posting.description and "CNA certification" in posting.description


@pytest.mark.parametrize(
    ("compensation", "expected"),
    [
        ("$19.50 - $23.00 per hour", (19.5, 23.0, "USD", "hour")),
        ("$52,000 - $61,000", (52000.0, 61000.0, "USD", "year")),
        ("$48K – $55K per year", (48000.0, 55000.0, "USD", "year")),
        ("DOE", None),
        (None, None),
        ({"min": 1}, None),
    ],
)
def test_read_detail_compensation_text(compensation: Any, expected: Any) -> None:
    detail = json.loads((FIXTURES / "41.json").read_text(encoding="utf-8"))
    detail["result"]["jobOpening"]["compensation"] = compensation
    (posting,) = read_payload(
        "bamboohr", json.dumps(detail), url=f"{ROOT}/41/detail", board="b", fetched_at=FETCHED
    )
    salary = posting.salary
    got = (salary.min, salary.max, salary.currency, salary.period) if salary else None
    assert got == expected
    assert salary is None or salary.source == "bamboohr.compensation"


@pytest.mark.parametrize(
    ("location_type", "is_remote", "expected"),
    [
        ("0", None, "onsite"),
        ("1", None, "remote"),
        ("2", None, "hybrid"),
        (None, True, "remote"),
        (None, None, None),
    ],
)
def test_read_detail_remote_from_location_type(location_type: Any, is_remote: Any, expected: Any) -> None:
    detail = json.loads((FIXTURES / "41.json").read_text(encoding="utf-8"))
    detail["result"]["jobOpening"].update(locationType=location_type, isRemote=is_remote)
    (posting,) = read_payload(
        "bamboohr", json.dumps(detail), url=f"{ROOT}/41/detail", board="b", fetched_at=FETCHED
    )
    assert posting.remote_hint == expected


@pytest.mark.parametrize(
    ("body", "url", "message"),
    [
        ('{"result": [', f"{ROOT}/41/detail", "malformed JSON"),
        ((FIXTURES / "list.json").read_text(encoding="utf-8"), f"{ROOT}/list", "result.jobOpening"),
        ('{"result": {"jobOpening": {"jobOpeningName": "X"}}}', f"{ROOT}/list", "without an id"),
        ('{"result": {"jobOpening": {"id": {"n": 1}}}}', f"{ROOT}/41/detail", "an object"),
        ("[]", f"{ROOT}/41/detail", "result.jobOpening"),
    ],
)
def test_read_rejects_what_is_not_a_detail(body: str, url: str, message: str) -> None:
    with pytest.raises(PayloadError, match=message):
        read_payload("bamboohr", body, url=url, board="b", fetched_at=FETCHED)
