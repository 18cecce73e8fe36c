"""NEOGOV agency feeds: one posting per RSS item, structured pay with its interval, dates as given."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from extract.dates import parse_posted
from extract.salary import find_salary
from extract.vendors import PayloadError, read_payload

FIXTURES = Path(__file__).parent / "fixtures" / "neogov"
FETCHED = "2026-11-24T00:00:00Z"
FEED = "https://www.governmentjobs.com/SearchEngine/JobsFeed?agency=cindermoor"
JOBS = "https://www.governmentjobs.com/careers/cindermoor/jobs"


def _read(fixture: str) -> list[Any]:
    body = (FIXTURES / fixture).read_text(encoding="utf-8")
    return read_payload("neogov", body, url=FEED, board="cindermoor", fetched_at=FETCHED)


@pytest.mark.parametrize(
    ("fixture", "ids"),
    [("feed.xml", ["4820113", "4820177", "4820190"]), ("empty.xml", [])],
)
def test_read_finds_every_item(fixture: str, ids: list[str]) -> None:
    postings = _read(fixture)
    assert [p.source_id for p in postings] == ids
    assert all(p.source == "neogov" and p.board == "cindermoor" for p in postings)


@pytest.mark.parametrize(
    ("index", "expected"),
    [
        (
            0,
            {
                "title": "Police Officer - Entry Level",
                # The channel title without its state code ("City of Cindermoor, OR").
                "company": "City of Cindermoor",
                "url": f"{JOBS}/4820113/police-officer-entry-level",
                "location": "Cindermoor, Oregon",
                "department": "Police",
                "employment_type": "Full Time",
                # advertiseFromDateUTC (when it opened), not pubDate (the last edit).
                "posted": "Mon, 02 Nov 2026 08:00:00",
            },
        ),
        (1, {"location": "Cindermoor - Intake Plant, Oregon", "department": "Public Works"}),
        (2, {"employment_type": "Seasonal", "posted": "Wed, 18 Nov 2026"}),
    ],
)
def test_read_states_fields(index: int, expected: dict[str, Any]) -> None:
    posting = _read("feed.xml")[index]
    assert {field: getattr(posting, field) for field in expected} == expected


@pytest.mark.parametrize(
    ("index", "pay"),
    [
        (0, (71448.0, 94020.0, "USD", "year", 71448.0)),
        (1, (31.62, 40.37, "USD", "hour", 31.62 * 2080)),
        # "Not Displayed": the agency hid the pay.
        (2, None),
    ],
)
def test_read_structured_salary(index: int, pay: tuple[Any, ...] | None) -> None:
    salary = _read("feed.xml")[index].salary
    stated = (
        None
        if salary is None
        else (salary.min, salary.max, salary.currency, salary.period, salary.annual_min)
    )
    assert stated == (pay if pay is None else pytest.approx(pay))
    assert salary is None or salary.source == "neogov.salary"


def test_read_description_with_qualifications() -> None:
    description = _read("feed.xml")[0].description
    assert description.startswith("Patrol assigned districts")
    assert "• Write clear incident reports" in description
    assert description.endswith("Qualifications\nHigh school diploma and a valid driver's license.")


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("<rss><channel><item><title>Cut", "malformed XML"),
        ("<!DOCTYPE html><html><body><h1>Page not found</h1></body></html>", "not a NEOGOV feed"),
        ('<?xml version="1.0"?><rss version="2.0"></rss>', "not a NEOGOV feed"),
        ('{"jobs": []}', "malformed XML"),
    ],
)
def test_read_wrong_shape_raises(body: str, message: str) -> None:
    with pytest.raises(PayloadError, match=message):
        read_payload("neogov", body, url=FEED, board="b", fetched_at=FETCHED)


def test_read_expands_no_entities() -> None:
    body = (
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x "EXPANDED">]>'
        "<rss><channel><item><guid>1</guid><title>&x;</title></item></channel></rss>"
    )
    [posting] = read_payload("neogov", body, url=FEED, board="b", fetched_at=FETCHED)
    assert "EXPANDED" not in posting.title


# Current feeds (here a schooljobs.com district): UTF-8 BOM, CDATA, the posting split into description,
# examplesofduties, qualifications and supplementalinformation, UTC dates ending in ":0".
CURRENT = "feed-current.xml"


@pytest.mark.parametrize(
    ("index", "expected"),
    [
        (
            0,
            {
                "source_id": "5510042",
                # "(WA), WA": the district's state in brackets, then the channel's state code.
                "company": "Larchmere Public Schools",
                "location": "Transportation Center, Washington",
                "employment_type": "Part Time",
                # NEOGOV's ":0" after the seconds is dropped; the date is otherwise as given.
                "posted": "Mon, 16 Nov 2026 08:00:00",
            },
        ),
        (1, {"source_id": "5510077", "posted": "Fri, 20 Nov 2026 08:00:00"}),
    ],
)
def test_read_current_feed_fields(index: int, expected: dict[str, Any]) -> None:
    posting = _read(CURRENT)[index]
    assert {field: getattr(posting, field) for field in expected} == expected


@pytest.mark.parametrize(("index", "day"), [(0, "2026-11-16"), (1, "2026-11-20")])
def test_read_current_feed_posted_parses(index: int, day: str) -> None:
    assert parse_posted(_read(CURRENT)[index].posted, FETCHED) == day


@pytest.mark.parametrize(
    ("index", "sections"),
    [
        (
            0,
            [
                "Salary: $24.10 - $29.85 per hour",
                "Examples of Duties\n• Drive assigned morning and afternoon routes",
                "Qualifications\nA commercial driver's license",
                "Supplemental Information\nPaid training is provided for new drivers.",
            ],
        ),
        (
            1,
            [
                "Central office position supporting district payroll.",
                "Examples of Duties\nProcess the semi-monthly payroll",
            ],
        ),
    ],
)
def test_read_current_feed_description_has_every_section(index: int, sections: list[str]) -> None:
    description = _read(CURRENT)[index].description
    positions = [description.find(section) for section in sections]
    assert -1 not in positions and positions == sorted(positions), description


@pytest.mark.parametrize(
    ("index", "structured", "in_text"),
    [
        # "See Position Description" is no pay; the pay line of the description is.
        (0, None, (24.10, 29.85, "hour")),
        (1, (58212.0, 71904.0, "year"), None),
    ],
)
def test_read_current_feed_pay(
    index: int, structured: tuple[Any, ...] | None, in_text: tuple[Any, ...] | None
) -> None:
    posting = _read(CURRENT)[index]
    salary = posting.salary
    assert (None if salary is None else (salary.min, salary.max, salary.period)) == structured
    if in_text is not None:
        found = find_salary(posting.description)
        assert found is not None and (found.min, found.max, found.period) == pytest.approx(in_text)


@pytest.mark.parametrize(
    "namespace",
    ["http://www.neogov.com/namespaces/JobListing", "https://www.schooljobs.com"],
)
def test_read_fields_in_either_joblisting_namespace(namespace: str) -> None:
    # A schooljobs.com feed binds the joblisting: prefix to its own URI.
    body = (FIXTURES / CURRENT).read_text(encoding="utf-8")
    body = body.replace('"http://www.neogov.com/namespaces/JobListing"', f'"{namespace}"')
    postings = read_payload("neogov", body, url=FEED, board="larchmereschools", fetched_at=FETCHED)
    assert [(p.source_id, p.posted, p.department) for p in postings] == [
        ("5510042", "Mon, 16 Nov 2026 08:00:00", "Transportation"),
        ("5510077", "Fri, 20 Nov 2026 08:00:00", "Business Services"),
    ]
    assert postings[1].salary is not None and postings[1].salary.max == 71904.0
    assert "Examples of Duties" in postings[0].description
