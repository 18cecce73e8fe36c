"""SuccessFactors job pages: microdata read through the JSON-LD reader, keyed by site and job id."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from extract.vendors import read_payload
from extract.vendors.successfactors import job_key

FIXTURES = Path(__file__).parent / "fixtures" / "successfactors"
FETCHED = "2026-11-24T00:00:00Z"
SITE = "https://careers.hollowmere.example"
NURSE = f"{SITE}/job/Leeds-Ward-Nurse-LS1-4AP/4101301/"
SCIENTIST = f"{SITE}/job/Bradford-Biomedical-Scientist/4101377-en_GB/"
TECHNICIAN = f"{SITE}/job/Halifax-Sterile-Services-Technician/4101420/"
ENGINEER = f"{SITE}/HebrewIsrael/job/HAIFA-Field-Service-Engineer-31000/4101433/"
PORTER = f"{SITE}/job/Wakefield-Hospital-Porter/4101455/"


def _read(fixture: str, url: str) -> list[Any]:
    body = (FIXTURES / fixture).read_text(encoding="utf-8")
    return read_payload("successfactors", body, url=url, board="hollowmere", fetched_at=FETCHED)


@pytest.mark.parametrize(
    ("url", "key"),
    [
        (NURSE, f"{SITE}/job/4101301"),
        (SCIENTIST, f"{SITE}/job/4101377"),
        (f"{SITE}/job/Leeds-Ward-Nurse-Renamed/4101301/?locale=en_GB", f"{SITE}/job/4101301"),
        (f"{SITE}/hollowmereT1/job/Leeds-Nurse/4101301/", f"{SITE}/hollowmereT1/job/4101301"),
        (f"{SITE}/content/About-Us/?locale=en_GB", f"{SITE}/content/About-Us/"),
    ],
)
def test_job_key_is_the_site_and_job_id(url: str, key: str) -> None:
    assert job_key(url) == key


@pytest.mark.parametrize(
    ("fixture", "url", "expected"),
    [
        (
            "job.html",
            NURSE,
            {
                "source": "successfactors",
                "source_id": f"{SITE}/job/4101301",
                "title": "Ward Nurse",
                "company": "Hollowmere Health",
                "url": NURSE,
                # Not in the microdata: the page's jobGeoLocation span.
                "location": "Leeds, GB, LS1 4AP",
                "posted": "Mon Nov 02 02:00:00 UTC 2026",
                "board": "hollowmere",
            },
        ),
        (
            "job-place.html",
            SCIENTIST,
            {
                "source_id": f"{SITE}/job/4101377",
                "title": "Biomedical Scientist",
                # The microdata's place wins over the visible span.
                "location": "Bradford, West Yorkshire, GB",
                "employment_type": "Full Time",
                "description": "Run the blood sciences analysers on a rota.",
            },
        ),
    ],
)
def test_read_states_fields(fixture: str, url: str, expected: dict[str, Any]) -> None:
    [posting] = _read(fixture, url)
    assert {field: getattr(posting, field) for field in expected} == expected


def test_read_keeps_the_description_structure() -> None:
    [posting] = _read("job.html", NURSE)
    assert posting.description.startswith("Hollowmere Health runs four hospitals")
    assert "What you will do\n• Care for up to eight patients" in posting.description
    assert posting.salary is None  # pay stated only in the text is found by extraction, not here


@pytest.mark.parametrize(
    ("fixture", "url"),
    [("gone.html", NURSE), ("job_sitemap.xml", f"{SITE}/job_sitemap.xml")],
)
def test_read_page_without_posting_is_empty(fixture: str, url: str) -> None:
    assert _read(fixture, url) == []


def test_read_two_postings_keep_their_own_keys() -> None:
    body = (
        '<script type="application/ld+json">[{"@type": "JobPosting", "title": "A", "identifier": "R1"},'
        ' {"@type": "JobPosting", "title": "B", "identifier": "R2"}]</script>'
    )
    postings = read_payload("successfactors", body, url=NURSE, board="b", fetched_at=FETCHED)
    assert [p.source_id for p in postings] == [f"{SITE}/job/4101301#R1", f"{SITE}/job/4101301#R2"]


@pytest.mark.parametrize(
    ("fixture", "url", "expected"),
    [
        (
            # The address as loose microdata metas, in no Place.
            "job-loose-address.html",
            TECHNICIAN,
            {"location": "Halifax, WYK, GB", "title": "Sterile Services Technician",
             "posted": "Thu Nov 12 00:00:00 UTC 2026"},
        ),
        (
            # The whole place in a lone streetAddress (the footer Organization's address is not it); a locale tenant.
            "job-street.html",
            ENGINEER,
            {"location": "HAIFA, IL, 31000", "source_id": f"{SITE}/HebrewIsrael/job/4101433",
             "company": "Hollowmere Health"},
        ),
        (
            # No microdata title: og:title. hiringOrganization stated twice: the first is the employer.
            "job-regions.html",
            PORTER,
            {"title": "Hospital Porter", "company": "Hollowmere Health Group", "location": "Wakefield, GB"},
        ),
    ],
)  # fmt: skip
def test_read_place_and_title_the_microdata_lacks(fixture: str, url: str, expected: dict[str, Any]) -> None:
    [posting] = _read(fixture, url)
    assert {field: getattr(posting, field) for field in expected} == expected


def test_read_the_description_region_with_the_most_text() -> None:
    # Near-empty layout regions carry itemprop="description" too; the body keeps its headings and bullets.
    [posting] = _read("job-regions.html", PORTER)
    assert posting.description.startswith("The role\n\nMove patients, samples and equipment")
    assert "Hours\n• 37.5 hours a week\n• Rotating nights" in posting.description
