"""iCIMS job pages: the ``in_iframe=1`` page's JSON-LD, keyed by portal and job id, placeholders dropped."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from extract.vendors import read_payload
from extract.vendors.icims import job_key, page_url

FIXTURES = Path(__file__).parent / "fixtures" / "icims"
FETCHED = "2026-11-24T00:00:00Z"
PORTAL = "https://careers-ravensholt.icims.com"
ASSOCIATE = f"{PORTAL}/jobs/20417/store-associate---part-time/job"
FORKLIFT = f"{PORTAL}/jobs/20452/distribution-center-forklift-operator/job"
TECHNICIAN = f"{PORTAL}/jobs/20488/job"


def _read(fixture: str, url: str) -> list[Any]:
    body = (FIXTURES / fixture).read_text(encoding="utf-8")
    return read_payload("icims", body, url=url, board="ravensholt", fetched_at=FETCHED)


@pytest.mark.parametrize(
    ("url", "key", "page"),
    [
        (f"{ASSOCIATE}?in_iframe=1", f"{PORTAL}/jobs/20417", ASSOCIATE),
        (f"{PORTAL}/jobs/20417/store-associate/job?mode=job&in_iframe=1", f"{PORTAL}/jobs/20417",
         f"{PORTAL}/jobs/20417/store-associate/job?mode=job"),
        (f"{PORTAL}/jobs/20417?in_iframe=1", f"{PORTAL}/jobs/20417", f"{PORTAL}/jobs/20417"),
        (f"{PORTAL}/jobs/intro?in_iframe=1", f"{PORTAL}/jobs/intro", f"{PORTAL}/jobs/intro"),
        # A careers-home vanity site's posting page.
        ("https://careers.acme.example/careers-home/jobs/27897?in_iframe=1",
         "https://careers.acme.example/careers-home/jobs/27897", "https://careers.acme.example/careers-home/jobs/27897"),
    ],
)  # fmt: skip
def test_job_key_and_page_url(url: str, key: str, page: str) -> None:
    assert (job_key(url), page_url(url)) == (key, page)


@pytest.mark.parametrize(
    ("fixture", "url", "expected"),
    [
        (
            "job.html",
            f"{ASSOCIATE}?in_iframe=1",
            {
                "source": "icims",
                "source_id": f"{PORTAL}/jobs/20417",
                "title": "Store Associate - Part Time",
                "company": "Ravensholt Markets",
                "location": "Dayton, OH, US",
                "employment_type": "PART_TIME",
                "posted": "2026-11-18T05:00:00.000Z",
                "salary": None,
            },
        ),
        (
            "job-salary.html",
            f"{FORKLIFT}?in_iframe=1",
            {
                "source_id": f"{PORTAL}/jobs/20452",
                # The page's JSON-LD has no url: the plain page, not the iframe variant.
                "url": FORKLIFT,
                # addressLocality "UNAVAILABLE" is no place.
                "location": "OH, US",
                "employment_type": "FULL_TIME",
            },
        ),
    ],
)
def test_read_states_fields(fixture: str, url: str, expected: dict[str, Any]) -> None:
    [posting] = _read(fixture, url)
    assert {field: getattr(posting, field) for field in expected} == expected


def test_read_entity_escaped_description_as_text() -> None:
    [posting] = _read("job.html", f"{ASSOCIATE}?in_iframe=1")
    assert posting.description.startswith("Help customers find what they need")
    assert "Requirements\n• Weekend availability\n• Able to lift 25 lb" in posting.description
    assert "&lt;" not in posting.description and "<p>" not in posting.description


def test_read_structured_salary() -> None:
    [posting] = _read("job-salary.html", f"{FORKLIFT}?in_iframe=1")
    salary = posting.salary
    assert salary is not None
    assert (salary.min, salary.max, salary.currency, salary.period) == (19.25, 22.75, "USD", "hour")


def test_read_wrapper_page_has_no_posting() -> None:
    # The plain URL is a wrapper around an iframe: nothing to read there.
    assert _read("wrapper.html", ASSOCIATE) == []


def test_read_twice_escaped_description_as_text() -> None:
    [posting] = _read("job-escaped.html", f"{TECHNICIAN}?in_iframe=1")
    assert posting.description.startswith("What you will do\n\nKeep the plant's conveyor lines running")
    assert "• Fault-find motors and sensors\n• Log every repair" in posting.description
    assert "SHIFT:Nights" in posting.description
    assert r"<\/" not in posting.description and r"\n" not in posting.description


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("source_id", f"{PORTAL}/jobs/20488"),
        ("title", "Maintenance Technician (Nights)"),
        ("company", "Ravensholt Markets, Inc"),
        # The second place's locality is UNAVAILABLE; a post-office box is no part of the location.
        ("location", "Dayton, OH, US; KY, US"),
        ("employment_type", "OTHER"),
        ("posted", "2026-11-20T05:00:00.000Z"),
        ("url", f"{PORTAL}/jobs/20488/maintenance-technician-%28nights%29/job"),
    ],
)
def test_read_verbatim_shape_fields(field: str, expected: str) -> None:
    [posting] = _read("job-escaped.html", f"{TECHNICIAN}?in_iframe=1")
    assert getattr(posting, field) == expected
