"""Career pages' JobPosting as real sites write it: what the reader makes of each shape."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from extract.vendors.jsonld import read

FIXTURES = Path(__file__).parent / "fixtures" / "jsonld"
FETCHED = "2026-12-01T00:00:00Z"


def _posting(fixture: str) -> Any:
    body = (FIXTURES / fixture).read_text(encoding="utf-8")
    [posting] = read(body, url=f"https://careers.example.test/{fixture}", board="b", fetched_at=FETCHED)
    return posting


@pytest.mark.parametrize(
    ("fixture", "field", "expected"),
    [
        # HTML-escaped twice inside the script (a WordPress job plugin): decoded down to the text.
        ("wordpress.html", "title", "Events & Marketing Coordinator"),
        ("wordpress.html", "company", "Harbour & Finch Ltd"),
        ("wordpress.html", "description", "Plan our trade shows & client evenings.\n• Own the events calendar"),
        # TalentBrew's whitespace references escaped twice (&amp;#xa;) are whitespace, not text.
        (
            "talentbrew.html",
            "description",
            "Job Description Summary\n\nRun and clean the blister-pack line on nights.\n• Forklift licence a plus"
            "\n\nPay & benefits on request.",
        ),
        # A remote job with no jobLocation: where it hires from.
        ("remote.html", "location", "Portugal / Spain / Italy"),
        ("remote.html", "remote_hint", "remote"),
        ("remote.html", "company", "Orbitwell"),
        # An anonymous employer names none; the title in "name".
        ("confidential.html", "company", None),
        ("confidential.html", "title", "Payroll Administrator"),
        # A template's "undefined" address parts are no part of the place.
        ("placeholders.html", "location", "Porto, PT"),
        # Several description regions: the body, not the regions joined; a place only in streetAddress.
        (
            "microdata-regions.html",
            "description",
            "Own the heat-exchanger line from design review to commissioning.\n\n"
            "Chemical or mechanical engineering degree\nFive years in process plants",
        ),
        ("microdata-regions.html", "location", "Stavanger, NO, 4020"),
        # Address properties on the JobPosting itself, no Place.
        ("microdata-loose-address.html", "location", "Penang, MY"),
    ],
)  # fmt: skip
def test_read_real_shapes(fixture: str, field: str, expected: object) -> None:
    assert getattr(_posting(fixture), field) == expected


@pytest.mark.parametrize(
    ("fixture", "pay"),
    [
        # unitText on the MonetaryAmount: 4,800-5,600 a week, not a month (the magnitude alone says month).
        ("weekly-pay.html", (4800, 5600, "USD", "week")),
        # A bare number, its currency in the posting's salaryCurrency.
        ("confidential.html", (42000, 42000, "EUR", "year")),
        ("remote.html", (40000, 60000, "EUR", "year")),
    ],
)
def test_read_base_salary(fixture: str, pay: tuple[object, ...]) -> None:
    salary = _posting(fixture).salary
    assert salary is not None
    assert (salary.min, salary.max, salary.currency, salary.period) == pay
    assert salary.source == "jsonld.baseSalary" and not salary.estimated


@pytest.mark.parametrize(
    ("place", "location"),
    [
        # An address that gives nothing: the Place's name.
        ({"@type": "Place", "name": "Zurich HQ", "address": {"@type": "PostalAddress"}}, "Zurich HQ"),
        # An address wins over the Place's name (often the employer's).
        ({"@type": "Place", "name": "Acme", "address": {"addressLocality": "Basel", "addressCountry": "CH"}},
         "Basel, CH"),
    ],
)  # fmt: skip
def test_read_place_name_when_the_address_gives_nothing(place: dict[str, Any], location: str) -> None:
    node = {"@type": "JobPosting", "title": "T", "jobLocation": place}
    body = f'<script type="application/ld+json">{json.dumps(node)}</script>'
    [posting] = read(body, url="https://x.test/j/1", board="b", fetched_at=FETCHED)
    assert posting.location == location


def test_read_estimated_salary_is_never_the_pay() -> None:
    # estimatedSalary is a third party's estimate of the market, not what the employer offers.
    assert _posting("estimated-only.html").salary is None
