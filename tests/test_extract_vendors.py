"""Vendor adapters: a stored payload in the vendor's format → the RawPosting fields it states."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest

import crawler
from extract.vendors import READERS, PayloadError, read_payload
from extract.vendors.common import PostingError, text_or_none
from extract.vendors.recruitee import iso_time

FIXTURES = Path(__file__).parent / "fixtures"
FETCHED = "2026-11-03T00:00:00Z"
PERSONIO = "https://lindgruen.jobs.personio.de/xml?language=en"


def _read(source: str, fixture: str, url: str = "https://example.test/feed", board: str = "b") -> list[Any]:
    body = (FIXTURES / fixture).read_text(encoding="utf-8")
    return read_payload(source, body, url=url, board=board, fetched_at=FETCHED)


@pytest.mark.parametrize(
    ("source", "fixture", "url", "ids"),
    [
        ("workable", "workable/account.json", "", ["7C1A2B3D4E", "9F8E7D6C5B"]),
        ("workable", "workable/empty.json", "", []),
        ("smartrecruiters", "smartrecruiters/744000012345678.json", "", ["744000012345678"]),
        ("recruitee", "recruitee/offers.json", "", ["1402231", "1402232"]),
        ("recruitee", "recruitee/empty.json", "", []),
        ("personio", "personio/feed.xml", PERSONIO, ["2578538", "2578539"]),
        ("personio", "personio/empty.xml", "", []),
        # The reply in the first comments page is not a job post.
        ("hn", "hn/comments-0.json", "", ["45012345"]),
        ("hn", "hn/comments-empty.json", "", []),
        ("remotive", "remotive/jobs.json", "", ["1971234", "1971300"]),
        # The leading legal notice is not a job.
        ("remoteok", "remoteok/api.json", "", ["123456", "123457"]),
        ("remoteok", "remoteok/empty.json", "", []),
        ("usajobs", "usajobs/search.json", "", ["812345600", "812345601"]),
        ("usajobs", "usajobs/empty.json", "", []),
    ],
)
def test_read_payload_finds_every_posting(source: str, fixture: str, url: str, ids: list[str]) -> None:
    postings = _read(source, fixture, url or "https://example.test/feed")
    assert [p.source_id for p in postings] == ids
    assert all(p.source == source and p.board == "b" and p.fetched_at == FETCHED for p in postings)


@pytest.mark.parametrize(
    ("source", "fixture", "url", "index", "expected"),
    [
        (
            "workable",
            "workable/account.json",
            "",
            0,
            {
                "title": "Senior Data Engineer",
                "company": "Harborline Freight",
                "location": "Austin, Texas, United States",
                "remote_hint": "remote",
                "department": "Data",
                "employment_type": "Full-time",
                "posted": "2026-09-05",
                "url": "https://apply.workable.com/j/7C1A2B3D4E",
                "seniority_hint": "Mid-Senior level",
                "description": "Build the pipelines behind our freight pricing.\n• Python\n• dbt\n\n"
                "5+ years of SQL.\n\n401(k) match.",
            },
        ),
        # The location object some accounts send; telecommuting false is no hint at all.
        (
            "workable",
            "workable/account.json",
            "",
            1,
            {
                "location": "Rotterdam, South Holland, Netherlands",
                "remote_hint": None,
                "description": "Plan the day's routes.",
            },
        ),
        (
            "smartrecruiters",
            "smartrecruiters/744000012345678.json",
            "",
            0,
            {
                "title": "Senior Information Security Engineer",
                "company": "Vantarail",
                "location": "Madrid, MD, Spain",
                "remote_hint": "hybrid",
                "department": "Security",
                "employment_type": "Full-time",
                "seniority_hint": "Mid-Senior Level",
                "posted": "2026-08-01T10:00:00.000Z",
                "url": "https://jobs.smartrecruiters.com/Vantarail/744000012345678-senior-information-security-engineer",
                "description": "Company Description\nWe run trains across Europe.\n\n"
                "Job Description\nHarden our signalling network.\n• Threat modelling\n• SIEM\n\n"
                "Qualifications\n• 5+ years in security\n• Python",
            },
        ),
        (
            "smartrecruiters",
            "smartrecruiters/744000087654321.json",
            "",
            0,
            {
                "remote_hint": "onsite",
                "seniority_hint": "Entry Level",
                "department": None,
                "location": "Lyon, France",
            },
        ),
        (
            "recruitee",
            "recruitee/offers.json",
            "",
            0,
            {
                "title": "Data Analyst",
                "company": "Kanaalzicht",
                "location": "Amsterdam, Netherlands",
                "remote_hint": "hybrid",
                "department": "Data",
                "employment_type": "fulltime",
                "posted": "2026-09-29T16:02:37Z",
                "seniority_hint": "mid level",
                "url": "https://kanaalzicht.recruitee.com/o/data-analyst",
                "description": "Own our booking dashboards.\n\n• SQL\n• Looker",
            },
        ),
        # An empty location string falls back to city and country; a salary of nulls is no salary.
        (
            "recruitee",
            "recruitee/offers.json",
            "",
            1,
            {
                "location": "Utrecht, Netherlands",
                "remote_hint": "onsite",
                "salary": None,
            },
        ),
        (
            "personio",
            "personio/feed.xml",
            PERSONIO,
            0,
            {
                "title": "Senior Product Manager",
                "company": "Lindgrün Energie GmbH",
                "location": "Berlin",
                "department": "Product",
                "employment_type": "permanent, full-time",
                "seniority_hint": "experienced",
                "posted": "2026-01-01T10:00:00+00:00",
                "url": "https://lindgruen.jobs.personio.de/job/2578538",
                # The second value is entity-escaped HTML, the first CDATA: both read as text.
                "description": "Your mission\nOwn metering payments.\n• Roadmap\n• Discovery\n\n"
                "Your profile\n5+ years in B2C product.",
            },
        ),
        (
            "personio",
            "personio/feed.xml",
            PERSONIO,
            1,
            {
                "company": None,
                "seniority_hint": "student",
                "employment_type": "intern, part-time",
            },
        ),
        (
            "hn",
            "hn/comments-0.json",
            "",
            0,
            {
                "title": "Senior ML Engineer",
                "company": "Acme Robotics",
                "location": "NYC or REMOTE (US)",
                "remote_hint": "remote",
                "posted": "2026-11-02T16:03:11Z",
                "url": "https://news.ycombinator.com/item?id=45012345",
                "description": "Acme Robotics | Senior ML Engineer | NYC or REMOTE (US) | Full-time | "
                "$180k-$220k\nWe build warehouse robots. Python, PyTorch, RAG.\n\nApply: https://acme.example/jobs",
            },
        ),
        (
            "hn",
            "hn/comments-1.json",
            "",
            0,
            {
                "title": "Backend Engineer (Go)",
                "company": "Tidal Clinics",
                "remote_hint": "onsite",
            },
        ),
        (
            "remotive",
            "remotive/jobs.json",
            "",
            0,
            {
                "title": "AI Engineer",
                "company": "Brightwave Learning",
                "location": "USA",
                "remote_hint": "remote",
                "department": "Software Development",
                "employment_type": "full_time",
                "posted": "2026-09-30T12:00:00",
                "salary": None,
                "description": "Salary: $140k - $170k\n\nBuild tutoring agents with LLMs.\n• Python\n• RAG",
            },
        ),
        # No salary text, no "Salary:" line.
        ("remotive", "remotive/jobs.json", "", 1, {"description": "Answer customer tickets."}),
        (
            "remoteok",
            "remoteok/api.json",
            "",
            0,
            {
                "title": "Software Engineer",
                "company": "TechCorp",
                "location": "Worldwide",
                "remote_hint": "remote",
                "posted": "2026-01-15T10:00:00+00:00",
                "description": "Ship our billing API.",
            },
        ),
        ("remoteok", "remoteok/api.json", "", 1, {"salary": None}),  # 0/0 is "not given"
        (
            "usajobs",
            "usajobs/search.json",
            "",
            0,
            {
                "title": "IT Specialist (AI/ML)",
                "company": "Defense Information Systems Agency",
                "location": "Arlington, Virginia",
                "department": "Information Technology Management",
                "employment_type": "Full-time",
                "posted": "2026-09-01T00:00:00.0000",
                "seniority_hint": "GS-13",
                "url": "https://www.usajobs.gov/job/812345600",
                "description": "Summary\nDeploy machine learning services for the agency.\n\nMajor duties\n"
                "• Design ML pipelines.\n• Evaluate LLM tools.\n\n"
                "Qualifications\nOne year of specialized experience at GS-12.\n\n"
                "Requirements\nU.S. citizenship required.",
            },
        ),
        (
            "usajobs",
            "usajobs/search.json",
            "",
            1,
            {
                "location": "Denver, Colorado; Aurora, Colorado",
                "seniority_hint": "GS-5/6",
                "employment_type": "Part-time",
            },
        ),
    ],
)
def test_read_payload_states_fields(
    source: str, fixture: str, url: str, index: int, expected: dict[str, Any]
) -> None:
    posting = _read(source, fixture, url or "https://example.test/feed")[index]
    assert {field: getattr(posting, field) for field in expected} == expected


@pytest.mark.parametrize(
    ("source", "fixture", "index", "pay"),
    [
        ("recruitee", "recruitee/offers.json", 0, (4000, 5500, "EUR", "month", "recruitee.salary")),
        ("remoteok", "remoteok/api.json", 0, (70000, 110000, "USD", "year", "remoteok.salary")),
        (
            "usajobs",
            "usajobs/search.json",
            0,
            (117962, 153354, "USD", "year", "usajobs.PositionRemuneration"),
        ),
        ("usajobs", "usajobs/search.json", 1, (21.5, 27.95, "USD", "hour", "usajobs.PositionRemuneration")),
        # <salaryInformation>: yearly, monthly and hourly types; a missing <max> is a single figure.
        ("personio", "personio/salary.xml", 0, (58000, 72000, "EUR", "year", "personio.salaryInformation")),
        ("personio", "personio/salary.xml", 1, (4800, 5600, "CHF", "month", "personio.salaryInformation")),
        ("personio", "personio/salary.xml", 2, (16.5, 16.5, "EUR", "hour", "personio.salaryInformation")),
        # Posting-detail compensation, flat and one level down under "salary".
        (
            "smartrecruiters",
            "smartrecruiters/744000099001122.json",
            0,
            (3400, 3900, "EUR", "month", "smartrecruiters.compensation"),
        ),
        (
            "smartrecruiters",
            "smartrecruiters/744000099001123.json",
            0,
            (27.5, 31, "CAD", "hour", "smartrecruiters.compensation"),
        ),
    ],
)
def test_read_payload_structured_salary(source: str, fixture: str, index: int, pay: tuple[Any, ...]) -> None:
    salary = _read(source, fixture)[index].salary
    assert salary is not None
    assert (salary.min, salary.max, salary.currency, salary.period, salary.source) == pay


@pytest.mark.parametrize(
    ("source", "body"),
    [
        ("workable", '{"jobs": {}}'),
        ("smartrecruiters", '{"offset": 0, "totalFound": 1, "content": []}'),  # a list page, not a detail
        ("recruitee", '{"error": "not found"}'),
        ("personio", "<html><body>Personio</body></html>"),
        ("personio", "<workzag-jobs><position><id>1"),
        ("hn", '{"message": "Invalid"}'),
        ("remotive", "[]"),
        ("remoteok", '{"jobs": []}'),
        ("usajobs", '{"SearchResult": {}}'),
        ("usajobs", '{"SearchResult": {"SearchResultItems": [ {"MatchedObjectId": '),
    ],
)
def test_read_payload_wrong_shape_raises(source: str, body: str) -> None:
    with pytest.raises(PayloadError):
        read_payload(source, body, url="https://example.test/feed", board="b", fetched_at=FETCHED)


def test_personio_read_expands_no_entities() -> None:
    body = (
        '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY secret SYSTEM "file:///etc/hostname">'
        '<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        "<workzag-jobs><position><id>1</id><name>Engineer &secret;&b;</name></position></workzag-jobs>"
    )
    [posting] = read_payload(
        "personio", body, url="https://x.jobs.personio.de/xml", board="x", fetched_at=FETCHED
    )
    assert posting.title == "Engineer"


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2026-09-29 16:02:37 UTC", "2026-09-29T16:02:37Z"),
        ("2026-09-29T16:02:37Z", "2026-09-29T16:02:37Z"),
        ("", None),
        (None, None),
    ],
)
def test_iso_time_reads_recruitee_timestamps(value: str | None, iso: str | None) -> None:
    assert iso_time(value) == iso


def test_every_spider_has_a_reader() -> None:
    spiders = {path.stem for path in (Path(crawler.__file__).parent / "spiders").glob("*.py")} - {"__init__"}
    assert spiders <= set(READERS)


# One posting per vendor, "{id}" standing for its id and "{v}" for a field documented as text.
_ONE_POSTING = {
    "greenhouse": '{"jobs": [{"id": {id}, "title": {v}, "location": {"name": {v}}, "content": {v}}]}',
    "lever": '[{"id": {id}, "text": {v}, "categories": {"location": {v}, "team": {v}}, "descriptionPlain": {v},'
    ' "lists": [{"text": {v}, "content": {v}}], "additionalPlain": {v}}]',
    "ashby": '{"jobs": [{"id": {id}, "title": {v}, "location": {v}, "department": {v}}]}',
    "workable": '{"jobs": [{"shortcode": {id}, "title": {v}, "city": {v}, "department": {v}}]}',
    "recruitee": '{"offers": [{"id": {id}, "title": {v}, "location": {v}, "company_name": {v}}]}',
    "remotive": '{"jobs": [{"id": {id}, "title": {v}, "candidate_required_location": {v}}]}',
    "remoteok": '[{"legal": "notice"}, {"id": {id}, "position": "T", "location": {v}, "company": {v}}]',
    "hn": '{"hits": [{"objectID": {id}, "comment_text": "Acme | Engineer", "parent_id": 1, "story_id": 1}]}',
    "smartrecruiters": '{"id": {id}, "name": {v}, "jobAd": {}, "location": {"city": {v}, "country": {v}}}',
    "usajobs": '{"SearchResult": {"SearchResultItems": [{"MatchedObjectId": {id},'
    ' "MatchedObjectDescriptor": {"PositionTitle": {v}, "OrganizationName": {v}}}]}}',
}


def _one(source: str, ident: str, value: str = '"T"') -> list[Any]:
    body = _ONE_POSTING[source].replace("{id}", ident).replace("{v}", value)
    return read_payload(source, body, url="https://example.test/feed", board="b", fetched_at=FETCHED)


@pytest.mark.parametrize("source", sorted(_ONE_POSTING))
def test_read_payload_keeps_posting_id_zero(source: str) -> None:
    assert [p.source_id for p in _one(source, "0")] == ["0"]


@pytest.mark.parametrize("source", sorted(_ONE_POSTING))
@pytest.mark.parametrize("ident", ['{"value": 7}', "[7]", "true"])
def test_read_payload_object_id_is_a_posting_error(source: str, ident: str) -> None:
    with pytest.raises(PostingError, match="id is a"):
        _one(source, ident)


@pytest.mark.parametrize("source", sorted(_ONE_POSTING))
@pytest.mark.parametrize("value", ['{"name": "Oslo"}', '[{"name": "Oslo"}]', '["Oslo", {"a": 1}]'])
def test_read_payload_never_stores_a_python_repr(source: str, value: str) -> None:
    [posting] = _one(source, "1", value)
    texts = [getattr(posting, f.name) for f in dataclasses.fields(posting)]
    assert not [t for t in texts if isinstance(t, str) and ("{'" in t or "['" in t)]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (" Oslo ", "Oslo"),
        (0, "0"),
        (12.0, "12"),
        (["Oslo", "Bergen", "Oslo"], "Oslo; Bergen"),
        ({"name": "Oslo"}, None),
        ([{"name": "Oslo"}], None),
        (True, None),
        (float("nan"), None),
        (float("inf"), None),
        ("", None),
        (None, None),
    ],
)
def test_text_or_none_never_a_repr(value: Any, expected: str | None) -> None:
    assert text_or_none(value) == expected


@pytest.mark.parametrize(
    ("index", "withheld", "pay"),
    [
        # shouldDisplayCompensationOnJobPostings: false with a compensation block: kept, flagged withheld.
        (0, True, (150000, 175000, "USD", "year")),
        (1, False, (90000, 110000, "USD", "year")),
    ],
)
def test_ashby_read_flags_withheld_pay(index: int, withheld: bool, pay: tuple[Any, ...]) -> None:
    salary = _read("ashby", "ashby/withheld.json")[index].salary
    assert salary is not None
    assert (salary.min, salary.max, salary.currency, salary.period) == pay
    assert salary.withheld is withheld


@pytest.mark.parametrize(("fixture", "index"), [("personio/salary.xml", 3), ("personio/feed.xml", 0)])
def test_personio_read_without_pay_has_no_salary(fixture: str, index: int) -> None:
    assert _read("personio", fixture, PERSONIO)[index].salary is None


def _jsonld(fixture: str, url: str = "https://careers.example.test/jobs/1") -> list[Any]:
    return _read("jsonld", f"jsonld/{fixture}", url)


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        # hiringOrganization by @id, resolved through @graph; a Country object as addressCountry.
        ("graph-id.html", {"company": "Quarrybank Systems", "location": "Sunnyvale, CA, US"}),
        # Every place and every country of a multi-country posting.
        ("countries.html", {"company": "Tidewell Analytics", "location": "Vienna, AT; Geneva, CH / FR"}),
        # Broken JSON-LD, valid microdata; RDFa only.
        (
            "microdata.html",
            {"title": "Field Technician", "company": "Brackwater Utilities", "location": "Leeds, GB",
             "posted": "2026-11-01", "description": "Service pumping stations across the region."},
        ),
        (
            "rdfa.html",
            {"title": "Lab Assistant", "company": "Quill Labs", "location": "Ghent, BE", "posted": "2026-11-02"},
        ),
    ],
)  # fmt: skip
def test_jsonld_read_states_fields(fixture: str, expected: dict[str, Any]) -> None:
    [posting] = _jsonld(fixture)
    assert {field: getattr(posting, field) for field in expected} == expected


def test_jsonld_read_microdata_salary() -> None:
    salary = _jsonld("microdata.html")[0].salary
    assert salary is not None
    assert (salary.min, salary.max, salary.currency, salary.period) == (31000, 35000, "GBP", "year")


@pytest.mark.parametrize("fixture", ["graph-id.html", "countries.html"])
def test_jsonld_read_keys_by_page_url_not_identifier(fixture: str) -> None:
    # Both pages carry identifier "REQ-1001": two employers' postings must not share a key.
    url = f"https://careers.example.test/{fixture}"
    assert [p.source_id for p in _jsonld(fixture, url)] == [url]


def test_jsonld_read_several_postings_keyed_within_the_page() -> None:
    nodes = [
        {"@type": "JobPosting", "title": "A", "identifier": "REQ-7"},
        {"@type": "JobPosting", "title": "B"},
    ]
    body = f'<script type="application/ld+json">{json.dumps(nodes)}</script>'
    postings = read_payload("jsonld", body, url="https://x.test/jobs", board="b", fetched_at=FETCHED)
    assert [p.source_id for p in postings] == ["https://x.test/jobs#REQ-7", "https://x.test/jobs#1"]


@pytest.mark.parametrize(
    ("index", "expected"),
    [
        # "Company | Role A | Role B | REMOTE": the second role is not the location.
        (0, {"title": "Backend Engineer", "location": "REMOTE", "remote_hint": "remote"}),
        (1, {"title": "Data Scientist", "location": "Oslo, Norway", "remote_hint": "onsite"}),
    ],
)
def test_hn_read_second_role_is_not_the_location(index: int, expected: dict[str, Any]) -> None:
    posting = _read("hn", "hn/two-roles.json")[index]
    assert {field: getattr(posting, field) for field in expected} == expected


@pytest.mark.parametrize("value", ['{"name": "Oslo"}', '[{"name": "Oslo"}]', '["Oslo", {"a": 1}]'])
def test_jsonld_read_never_stores_a_python_repr(value: str) -> None:
    node = (
        '{"@type": "JobPosting", "title": {v}, "description": {v}, "employmentType": {v}, "url": {v},'
        ' "datePosted": {v}, "hiringOrganization": {v}, "jobLocation": {v}, "identifier": {v}}'
    ).replace("{v}", value)
    body = f'<script type="application/ld+json">{node}</script>'
    [posting] = read_payload("jsonld", body, url="https://x.test/jobs/1", board="b", fetched_at=FETCHED)
    texts = [getattr(posting, f.name) for f in dataclasses.fields(posting)]
    assert not [t for t in texts if isinstance(t, str) and ("{'" in t or "['" in t)]


@pytest.mark.parametrize(
    ("source", "body", "check"),
    [
        # A field documented as a list, sent as a number, loses that field, not the page's postings.
        ("greenhouse", '{"jobs": [{"id": 1, "title": "A", "departments": 5, "pay_input_ranges": true}]}',
         lambda p: p.department is None and p.salary is None),
        ("lever", '[{"id": "a", "text": "A", "lists": 3}]', lambda p: p.title == "A"),
        ("ashby", '{"jobs": [{"id": "a", "title": "A", "compensation": {"summaryComponents": 1,'
         ' "compensationTiers": [{"components": 2}]}}]}', lambda p: p.salary is None),
        ("usajobs", '{"SearchResult": {"SearchResultItems": [{"MatchedObjectId": 1, "MatchedObjectDescriptor":'
         ' {"PositionTitle": "A", "PositionLocation": 7, "JobCategory": false, "PositionRemuneration": 9}}]}}',
         lambda p: p.location is None and p.salary is None),
        # One object or one string sent where a list of them is meant is that one.
        ("greenhouse", '{"jobs": [{"id": 1, "title": "A", "departments": {"name": "Nursing"}}]}',
         lambda p: p.department == "Nursing"),
        ("usajobs", '{"SearchResult": {"SearchResultItems": [{"MatchedObjectId": 1, "MatchedObjectDescriptor":'
         ' {"PositionTitle": "A", "UserArea": {"Details": {"MajorDuties": "Files records."}},'
         ' "PositionRemuneration": {"MinimumRange": "50000", "MaximumRange": "60000", "RateIntervalCode": "PA"}}}]}}',
         lambda p: "Files records." in p.description and "F\n" not in p.description
         and (p.salary.min, p.salary.max) == (50000, 60000)),
    ],
)  # fmt: skip
def test_read_payload_reads_a_list_field_of_another_kind(source: str, body: str, check: Any) -> None:
    [posting] = read_payload(source, body, url="https://example.test/feed", board="b", fetched_at=FETCHED)
    assert check(posting), posting
