"""The demo's vendor formats: each source kind's payloads match the planted postings, as its API shapes them."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from functools import cache
from typing import Any
from urllib.parse import urlsplit

import pytest

from demo.formats import FORMATS
from demo.formats.hn import HN_MONTH, HN_STORY_ID
from demo.formats.usajobs import USAJOBS_KEY
from demo.market import DemoJob, DemoMarket, build_market

BASE = "http://127.0.0.1:8000"
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@cache
def market() -> DemoMarket:
    return build_market()


def listed_jobs(ats: str | None = None) -> list[DemoJob]:
    return [j for j in market().jobs if j.listed and (ats is None or j.posting.ats == ats)]


@pytest.mark.parametrize("kind", sorted(FORMATS))
def test_format_module_serves_its_kind(kind: str) -> None:
    module = FORMATS[kind]
    assert module.ROUTES and callable(module.requests) and callable(module.board_of)
    boards = sorted({(e.ats, e.board) for e in market().employers if e.ats == kind})
    assert boards, kind
    for _, board in boards:
        requests = module.requests(market(), board)
        stored = [(path, query) for path, query in requests if module.board_of(path, query) == board]
        assert stored, (kind, board)
        assert all(market().respond(path, query, BASE).status in (200, 401) for path, query in requests)


def get_json(path: str, query: str = "") -> Any:
    response = market().respond(path, query, BASE)
    assert response.status == 200, (path, query, response.body[:200])
    assert response.content_type.startswith("application/json")
    return json.loads(response.body)


def planted_ids(ats: str, board: str | None = None) -> set[str]:
    return {p.source_id for p in market().listings if p.ats == ats and board in (None, p.board)}


@pytest.mark.parametrize("board", ["tallowmere", "brackenfield-bank", "orison-health", "ostravatidings"])
def test_greenhouse_board_format(board: str) -> None:
    data = get_json(f"/greenhouse/v1/boards/{board}/jobs", "content=true&pay_transparency=true")
    planted = {p.source_id: p for p in market().postings if p.board == board}
    assert data["meta"]["total"] == len(data["jobs"]) == len(planted)
    for job in data["jobs"]:
        p = planted[str(job["id"])]
        assert job["title"] == p.title and job["location"]["name"] == p.location
        assert "<" not in job["content"] and job["content"].startswith("&lt;")  # entity-escaped HTML
        assert job["first_published"][:10] == p.posted
        assert job["updated_at"] >= job["first_published"]
        assert job["departments"][0]["name"] and job["absolute_url"].endswith(p.source_id)
        ranges = job["pay_input_ranges"]
        if p.salary is not None and p.salary.stated_in == "field":
            assert (ranges[0]["min_cents"], ranges[0]["max_cents"]) == (
                p.salary.min * 100,
                p.salary.max * 100,
            )
            assert ranges[0]["currency_type"] == p.salary.currency
        else:
            assert ranges == []


@pytest.mark.parametrize(
    ("query", "fields"),
    [("", set()), ("content=true", {"content"}), ("pay_transparency=true", {"pay_input_ranges"})],
)
def test_greenhouse_query_flags_control_fields(query: str, fields: set[str]) -> None:
    jobs = get_json("/greenhouse/v1/boards/tallowmere/jobs", query)["jobs"]
    assert {"content", "pay_input_ranges"} & set(jobs[0]) == fields


@pytest.mark.parametrize("limit", [7, 50, 100])
def test_lever_pages_cover_the_board_exactly_once(limit: int) -> None:
    for employer in [e for e in market().employers if e.ats == "lever"]:
        seen: list[str] = []
        skip = 0
        while True:
            page = get_json(f"/lever/v0/postings/{employer.board}", f"mode=json&skip={skip}&limit={limit}")
            assert isinstance(page, list)
            seen += [job["id"] for job in page]
            if len(page) < limit:
                break
            skip += len(page)
        planted = [p.source_id for p in market().postings if p.board == employer.board]
        assert sorted(seen) == sorted(planted) and len(set(seen)) == len(seen)


def test_lever_posting_format() -> None:
    planted = {p.source_id: p for p in market().postings if p.ats == "lever"}
    for board in {p.board for p in planted.values()}:
        for job in get_json(f"/lever/v0/postings/{board}", "mode=json"):
            p = planted[job["id"]]
            assert re.fullmatch(
                r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", job["id"]
            )
            assert job["text"] == p.title and job["categories"]["location"] == p.location
            assert datetime.fromtimestamp(job["createdAt"] / 1000, UTC).date().isoformat() == p.posted
            assert {"descriptionPlain", "description", "lists", "additionalPlain", "hostedUrl"} <= set(job)
            expected_place = {
                "remote": "remote",
                "hybrid": "hybrid",
                "onsite": "on-site",
                None: "unspecified",
            }
            assert job["workplaceType"] == expected_place[p.remote]
            if p.salary is not None and p.salary.stated_in == "field":
                interval = {"year": "per-year-salary", "hour": "per-hour-wage"}[p.salary.period]
                expected = {
                    "currency": p.salary.currency,
                    "interval": interval,
                    "min": p.salary.min,
                    "max": p.salary.max,
                }
                assert job["salaryRange"] == expected
            else:
                assert "salaryRange" not in job


@pytest.mark.parametrize("query", ["skip=-1&limit=5", "skip=0&limit=zero", "limit=0"])
def test_lever_rejects_bad_paging(query: str) -> None:
    assert market().respond("/lever/v0/postings/larchmont", query, BASE).status == 400


@pytest.mark.parametrize("board", ["mirelight", "harrowgate", "tidemark-logistics", "emberline"])
def test_ashby_board_format(board: str) -> None:
    data = get_json(f"/ashby/posting-api/job-board/{board}", "includeCompensation=true")
    assert data["apiVersion"] == "1"
    planted = {p.source_id: p for p in market().postings if p.board == board}
    listed = [job for job in data["jobs"] if job["isListed"]]
    assert {job["id"] for job in listed} == set(planted)
    for job in listed:
        p = planted[job["id"]]
        assert job["publishedAt"][:10] == p.posted and job["descriptionPlain"] and job["descriptionHtml"]
        expected_place = {"remote": "Remote", "hybrid": "Hybrid", "onsite": "OnSite", None: None}
        assert job["workplaceType"] == expected_place[p.remote]
        salaries = [c for c in job["compensation"]["summaryComponents"] if c["compensationType"] == "Salary"]
        if p.salary is not None and p.salary.stated_in == "field":
            interval = {"year": "1 YEAR", "hour": "1 HOUR"}[p.salary.period]
            assert [(c["minValue"], c["maxValue"], c["currencyCode"], c["interval"]) for c in salaries] == [
                (p.salary.min, p.salary.max, p.salary.currency, interval)
            ]
        else:
            assert salaries == []


def test_ashby_compensation_needs_the_flag() -> None:
    jobs = get_json("/ashby/posting-api/job-board/mirelight")["jobs"]
    assert all("compensation" not in job for job in jobs)


def jsonld_postings(document: Any) -> list[dict[str, Any]]:
    """JobPosting objects in a JSON-LD document: a bare object, an @graph, or a top-level list."""
    items = document if isinstance(document, list) else document.get("@graph", [document])
    return [item for item in items if item.get("@type") == "JobPosting"]


def sitemap_pages(board: str) -> list[str]:
    pending, pages = [f"/careers/{board}/sitemap.xml"], []
    while pending:
        response = market().respond(pending.pop(), "", BASE)
        assert response.status == 200 and response.content_type.startswith("application/xml")
        root = ET.fromstring(response.body)
        locs = [loc.text or "" for loc in root.iter(f"{SITEMAP_NS}loc")]
        if root.tag == f"{SITEMAP_NS}sitemapindex":
            pending += [urlsplit(loc).path for loc in locs]
        else:
            pages += locs
    return pages


@pytest.mark.parametrize("board", ["quarrystone", "wayfarer-inns", "northvale-county", "glasswing"])
def test_jsonld_sitemap_pages_carry_a_jobposting(board: str) -> None:
    planted = {p.source_id: p for p in market().postings if p.board == board}
    pages = sitemap_pages(board)
    assert len(pages) == len(planted)
    for url in pages:
        assert url.startswith(f"{BASE}/careers/{board}/jobs/")
        response = market().respond(urlsplit(url).path, "", BASE)
        assert response.status == 200 and response.content_type.startswith("text/html")
        scripts = re.findall(
            r'<script type="application/ld\+json">(.*?)</script>', response.body.decode(), re.S
        )
        [posting] = jsonld_postings(json.loads(scripts[0]))
        p = planted[posting["identifier"]["value"]]
        assert posting["title"] == p.title and posting["datePosted"] == p.posted
        assert posting["hiringOrganization"]["name"] == p.company
        assert (posting.get("jobLocationType") == "TELECOMMUTE") == (p.remote == "remote")
        if p.salary is not None and p.salary.stated_in == "field":
            value = posting["baseSalary"]["value"]
            assert (value["minValue"], value["maxValue"], posting["baseSalary"]["currency"]) == (
                p.salary.min, p.salary.max, p.salary.currency,
            )  # fmt: skip
        else:
            assert "baseSalary" not in posting


def test_jsonld_pages_vary_in_shape() -> None:
    shapes = {j.jsonld_shape for j in listed_jobs("jsonld")}
    assert shapes == {"object", "graph", "list"}


@pytest.mark.parametrize("board", ["kestrel-analytics", "fernhollow"])
def test_workable_account_format(board: str) -> None:
    data = get_json(f"/workable/api/v1/widget/accounts/{board}", "details=true")
    assert data["name"] == market().employer("workable", board).company  # type: ignore[union-attr]
    assert {j["shortcode"] for j in data["jobs"]} == planted_ids("workable", board)
    assert all(j["description"].startswith("<h3>") and j["published_on"] for j in data["jobs"])
    bare = get_json(f"/workable/api/v1/widget/accounts/{board}")
    assert all("description" not in j for j in bare["jobs"])


@pytest.mark.parametrize(("company", "limit"), [("IronbridgeManufacturing", 7), ("SaltmarshInsurance", 20)])
def test_smartrecruiters_pages_cover_the_board_exactly_once(company: str, limit: int) -> None:
    seen: list[str] = []
    offset = 0
    while True:
        page = get_json(f"/smartrecruiters/v1/companies/{company}/postings", f"limit={limit}&offset={offset}")
        assert page["totalFound"] == len(planted_ids("smartrecruiters", company))
        seen += [p["id"] for p in page["content"]]
        offset += len(page["content"])
        if not page["content"] or offset >= page["totalFound"]:
            break
    assert sorted(seen) == sorted(planted_ids("smartrecruiters", company))
    detail = get_json(f"/smartrecruiters/v1/companies/{company}/postings/{seen[0]}")
    assert set(detail["jobAd"]["sections"]) == {
        "companyDescription", "jobDescription", "qualifications", "additionalInformation",
    }  # fmt: skip
    assert detail["company"]["name"] and detail["name"]


def test_smartrecruiters_unknown_company_is_empty_not_404() -> None:
    page = get_json("/smartrecruiters/v1/companies/NoSuchCompany/postings", "limit=100&offset=0")
    assert page["totalFound"] == 0 and page["content"] == []


@pytest.mark.parametrize("board", ["dykstrafreight", "lumenlane"])
def test_recruitee_offers_format(board: str) -> None:
    offers = get_json(f"/recruitee/{board}/api/offers/")["offers"]
    assert {str(o["id"]) for o in offers} == planted_ids("recruitee", board)
    for offer in offers:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC", offer["published_at"])
        assert offer["salary"] is None or offer["salary"]["currency"] == "EUR"


@pytest.mark.parametrize("board", ["brennwerk", "hafenblick"])
def test_personio_feed_format(board: str) -> None:
    response = market().respond(f"/personio/{board}/xml", "language=en", BASE)
    assert response.status == 200 and response.content_type.startswith("application/xml")
    root = ET.fromstring(response.body)
    assert root.tag == "workzag-jobs"
    assert {p.findtext("id") for p in root.iter("position")} == planted_ids("personio", board)
    assert all(p.find("jobDescriptions/jobDescription/value") is not None for p in root.iter("position"))


@pytest.mark.parametrize("size", [7, 20, 200])
def test_hn_thread_pages_cover_every_comment_once(size: int) -> None:
    title = f"Ask HN: Who is hiring? ({datetime.strptime(HN_MONTH, '%Y-%m').strftime('%B %Y')})"
    found = get_json("/hn/search", f"query={title}&tags=story,author_whoishiring")["hits"]
    assert [h["objectID"] for h in found if h["title"] == title] == [str(HN_STORY_ID)]
    seen: list[dict[str, Any]] = []
    page = 0
    while True:
        data = get_json("/hn/search", f"tags=comment,story_{HN_STORY_ID}&hitsPerPage={size}&page={page}")
        seen += data["hits"]
        page += 1
        if page >= data["nbPages"]:
            break
    top = [h["objectID"] for h in seen if h["parent_id"] == HN_STORY_ID]
    assert sorted(top) == sorted(planted_ids("hn")) and len(seen) > len(top)  # replies are not postings
    assert all(h["created_at"][:7] == HN_MONTH for h in seen)


def test_remotive_and_remoteok_feed_formats() -> None:
    remotive = get_json("/remotive/api/remote-jobs")
    assert {str(j["id"]) for j in remotive["jobs"]} == planted_ids("remotive")
    remoteok = get_json("/remoteok/api")
    assert "legal" in remoteok[0] and "id" not in remoteok[0]
    assert {j["id"] for j in remoteok[1:]} == planted_ids("remoteok")


@pytest.mark.parametrize("size", [10, 25, 250])
def test_usajobs_pages_cover_the_feed_exactly_once(size: int) -> None:
    seen: list[str] = []
    page = 1
    while True:
        response = market().respond("/usajobs/api/search", f"ResultsPerPage={size}&Page={page}", BASE,
                                    {"Authorization-Key": USAJOBS_KEY})  # fmt: skip
        result = json.loads(response.body)["SearchResult"]
        seen += [i["MatchedObjectId"] for i in result["SearchResultItems"]]
        if not result["SearchResultItems"] or len(seen) >= result["SearchResultCountAll"]:
            break
        page += 1
    assert sorted(seen) == sorted(planted_ids("usajobs"))


@pytest.mark.parametrize("headers", [{}, {"Authorization-Key": "wrong"}, {"User-Agent": USAJOBS_KEY}])
def test_usajobs_rejects_a_missing_or_wrong_key(headers: dict[str, str]) -> None:
    response = market().respond("/usajobs/api/search", "ResultsPerPage=25&Page=1", BASE, headers)
    assert response.status == 401
