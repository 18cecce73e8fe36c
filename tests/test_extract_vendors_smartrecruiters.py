"""SmartRecruiters posting details: the location line and the employer's pay band in their real variants."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from extract.vendors import read_payload

FIXTURES = Path(__file__).parent / "fixtures" / "smartrecruiters"
FETCHED = "2026-11-24T00:00:00Z"
URL = "https://api.smartrecruiters.com/v1/companies/Ostkai/postings/744000099001124"


def _detail(**changes: Any) -> dict[str, Any]:
    detail = json.loads((FIXTURES / "744000099001124.json").read_text(encoding="utf-8"))
    return {**detail, **changes}


def _read(detail: dict[str, Any]) -> Any:
    [posting] = read_payload(
        "smartrecruiters", json.dumps(detail), url=URL, board="Ostkai", fetched_at=FETCHED
    )
    return posting


def test_read_detail_fields() -> None:
    posting = _read(_detail())
    assert (posting.source_id, posting.employment_type, posting.remote_hint, posting.salary) == (
        "744000099001124",
        "Part-time",
        "onsite",
        None,
    )


@pytest.mark.parametrize(
    ("location", "line"),
    [
        # The region left empty stays in fullLocation as ", ,".
        (
            {"city": "Porto", "region": "", "country": "pt", "fullLocation": "Porto, , Portugal"},
            "Porto, Portugal",
        ),
        (
            {"city": "Madrid", "region": "MD", "country": "es", "fullLocation": "Madrid, MD, Spain"},
            "Madrid, MD, Spain",
        ),
        ({"fullLocation": ", , Germany"}, "Germany"),
        # No line: city, region, country (an ISO code on some tenants).
        ({"city": "Porto", "region": "", "country": "pt"}, "Porto, pt"),
        ({"city": "Porto", "fullLocation": None}, "Porto"),
        ({}, None),
    ],
)
def test_read_location_line(location: dict[str, Any], line: str | None) -> None:
    assert _read(_detail(location=location)).location == line


@pytest.mark.parametrize(
    ("compensation", "pay"),
    [
        ({"min": 1100, "max": 1250, "currency": "EUR", "period": "MONTHLY"}, (1100, 1250, "EUR", "month")),
        (
            {"salary": {"min": 14.5, "max": 16, "currency": "EUR", "period": "HOURLY"}},
            (14.5, 16, "EUR", "hour"),
        ),
        # The Job API's band has no period: its magnitude says per year.
        ({"min": 42000, "max": 48000, "currency": "EUR"}, (42000, 48000, "EUR", "year")),
        (
            {"min": "42000", "max": "48000", "currency": "EUR", "period": "YEARLY"},
            (42000, 48000, "EUR", "year"),
        ),
        ({"min": 42000, "max": None, "currency": "EUR", "period": "YEARLY"}, (42000, 42000, "EUR", "year")),
        (None, None),
        ({}, None),
        ({"salary": None}, None),
        ({"min": 0, "max": 0, "currency": "EUR", "period": "YEARLY"}, None),
    ],
)
def test_read_compensation_variants(compensation: Any, pay: tuple[Any, ...] | None) -> None:
    salary = _read(_detail(compensation=compensation)).salary
    stated = None if salary is None else (salary.min, salary.max, salary.currency, salary.period)
    assert stated == pay
    assert salary is None or salary.source == "smartrecruiters.compensation"
