"""The demo market: deterministic, realistic vendor payloads, and planted truth the text supports."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import time
import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime
from functools import cache
from typing import Any
from urllib.parse import urlsplit

import pytest

from crawler.sources import load_sources
from demo.market import (
    DEFAULT_POSTINGS,
    DEFAULT_SEED,
    FEEDS,
    HN_MONTH,
    HN_STORY_ID,
    MARKET_DATE,
    PAGE_SIZES,
    USAJOBS_KEY,
    DemoJob,
    DemoMarket,
    PlantedPosting,
    _cue_forms,
    _data,
    _money,
    _numbered,
    build_market,
    plain_text,
)

BASE = "http://127.0.0.1:8000"
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
FUNCTIONS = {
    "engineering", "data-and-analytics", "product-management", "design", "marketing", "sales",
    "customer-success", "operations", "finance", "accounting", "human-resources", "legal",
    "information-technology", "security", "research", "healthcare", "education", "consulting",
    "project-management", "quality-assurance", "supply-chain", "administrative", "communications",
    "business-development",
}  # fmt: skip
INDUSTRIES = {
    "software & internet", "finance & banking", "healthcare & life sciences", "retail & e-commerce",
    "manufacturing & industrial", "media & entertainment", "education", "government & public sector",
    "professional services & consulting", "telecommunications", "energy & utilities",
    "transportation & logistics", "real estate & construction", "hospitality & travel",
}  # fmt: skip
VOCABULARIES: dict[str, set[Any]] = {
    "ats": {
        "greenhouse",
        "lever",
        "ashby",
        "jsonld",
        "workable",
        "smartrecruiters",
        "recruitee",
        "personio",
        "hn",
        "remotive",
        "remoteok",
        "usajobs",
    },
    "seniority": {"intern", "entry", "mid", "senior", "staff", "manager", "director", "executive"},
    "function": FUNCTIONS,
    "ai": {"required", "preferred", "none"},
    "remote": {"remote", "hybrid", "onsite", None},
    "industry": INDUSTRIES,
}


@cache
def market() -> DemoMarket:
    return build_market()


def listed_jobs(ats: str | None = None) -> list[DemoJob]:
    return [j for j in market().jobs if j.listed and (ats is None or j.posting.ats == ats)]


def get_json(path: str, query: str = "") -> Any:
    response = market().respond(path, query, BASE)
    assert response.status == 200, (path, query, response.body[:200])
    assert response.content_type.startswith("application/json")
    return json.loads(response.body)


def fingerprint(m: DemoMarket) -> str:
    digest = hashlib.sha256()
    for path, response in sorted(m.routes(BASE).items()):
        digest.update(path.encode() + response.body)
    return digest.hexdigest()


@cache
def skill_matchers() -> tuple[tuple[re.Pattern[str], dict[str, str]], ...]:
    """Whole-word matchers over every spelling of every skill: (pattern, spelling -> canonical name).

    One alternation per case mode keeps the scan fast; short names that are also English words
    (Go, R, Epic) are matched case-sensitively.
    """
    spellings: dict[bool, dict[str, str]] = {True: {}, False: {}}
    for name, entry in _data("skills").items():
        if name.startswith("_"):
            continue
        sensitive = bool(entry.get("case_sensitive"))
        for form in {name, entry.get("text", name), *entry.get("aliases", [])}:
            spellings[sensitive][form if sensitive else form.lower()] = name
    matchers = []
    for sensitive, forms in spellings.items():
        ordered = sorted(forms, key=len, reverse=True)
        alternation = "|".join(re.escape(f) for f in ordered)
        pattern = re.compile(rf"(?<!\w)(?:{alternation})(?![\w+#])", 0 if sensitive else re.IGNORECASE)
        matchers.append((pattern, forms))
    return tuple(matchers)


def skills_named(text: str) -> set[str]:
    found = set()
    for pattern, forms in skill_matchers():
        for match in pattern.finditer(text):
            found.add(forms.get(match.group(0)) or forms[match.group(0).lower()])
    return found


# ------------------------------------------------------------------------------------------ determinism


@pytest.mark.parametrize("seed", [DEFAULT_SEED, 7])
def test_build_market_is_deterministic(seed: int) -> None:
    assert fingerprint(build_market(seed)) == fingerprint(build_market(seed))


@pytest.mark.parametrize("other_seed", [1, 20261125])
def test_build_market_differs_by_seed(other_seed: int) -> None:
    assert build_market(other_seed).postings != market().postings


@pytest.mark.parametrize("postings", [1600, 400])
def test_build_market_is_fast(postings: int) -> None:
    started = time.perf_counter()
    assert len(build_market(postings=postings).postings) == postings
    assert time.perf_counter() - started < 2.0


# ------------------------------------------------------------------------------------------ planted truth


@pytest.mark.parametrize("ats", sorted(VOCABULARIES["ats"]))
def test_market_employers_per_ats(ats: str) -> None:
    employers = [e for e in market().employers if e.ats == ats]
    assert len(employers) >= (3 if ats in ("greenhouse", "lever", "ashby", "jsonld") else 2)
    # SmartRecruiters company identifiers are CamelCase, as on the real API.
    pattern = r"[A-Za-z0-9]+" if ats == "smartrecruiters" else r"[a-z0-9-]+"
    assert all(re.fullmatch(pattern, e.board) for e in employers)


def test_market_counts() -> None:
    m = market()
    assert len(m.postings) == DEFAULT_POSTINGS >= 1500
    assert len({(p.ats, p.source_id) for p in m.postings}) == len(m.postings)
    assert 250 <= sum(p.ats == "jsonld" for p in m.postings) <= 300
    assert len({e.industry for e in m.employers}) >= 12
    assert len({p.role for p in m.postings}) >= 20
    assert len({p.function for p in m.postings}) >= 10


@pytest.mark.parametrize("board", ["mirelight", "harrowgate"])
def test_market_unlisted_ashby_jobs_are_not_postings(board: str) -> None:
    unlisted = [j for j in market().board_jobs("ashby", board) if not j.listed]
    assert 1 <= len(unlisted) <= 2
    assert not {j.posting for j in unlisted} & set(market().postings)


@pytest.mark.parametrize("name", sorted(VOCABULARIES))
def test_planted_values_use_the_vocabularies(name: str) -> None:
    assert {getattr(p, name) for p in market().postings} <= VOCABULARIES[name]


def test_planted_role_has_one_function() -> None:
    functions: dict[str, set[str]] = {}
    for p in market().postings:
        functions.setdefault(p.role, set()).add(p.function)
    assert all(len(f) == 1 for f in functions.values())


def test_planted_skills_are_sorted_and_preferred_is_a_subset() -> None:
    for p in market().postings:
        assert list(p.skills) == sorted(set(p.skills))
        assert set(p.skills_preferred) <= set(p.skills)
        assert not set(p.unasked_skills) & set(p.skills)


def test_planted_ai_follows_the_skills_asked_for() -> None:
    ai_skills = {
        name for name, entry in _data("skills").items() if isinstance(entry, dict) and entry.get("ai")
    }
    for p in market().postings:
        required = set(p.skills) - set(p.skills_preferred)
        expected = (
            "required"
            if required & ai_skills
            else "preferred"
            if set(p.skills_preferred) & ai_skills
            else "none"
        )
        assert p.ai == expected, p
    shares = {level: sum(p.ai == level for p in market().postings) for level in ("required", "preferred")}
    assert shares["required"] > 200 and shares["preferred"] > 100


def test_planted_salary_disclosure_mix() -> None:
    disclosed = [p.salary for p in market().postings if p.salary is not None]
    assert 0.40 <= len(disclosed) / len(market().postings) <= 0.50
    field_share = sum(s.stated_in == "field" for s in disclosed) / len(disclosed)
    assert 0.4 <= field_share <= 0.6
    assert {s.currency for s in disclosed} == {"USD", "GBP", "EUR"}
    assert {s.period for s in disclosed} == {"year", "hour"}
    assert all(0 < s.min < s.max for s in disclosed)


@pytest.mark.parametrize("seniority", ["mid", "senior"])
def test_planted_ai_premium_cells(seniority: str) -> None:
    cells = {(c["function"], c["seniority"]): c for c in market().summary(min_n=20)["premium_cells"]}
    cell = cells[("engineering", seniority)]
    assert cell["n_ai"] >= 20 and cell["n_non_ai"] >= 20
    assert 0.10 <= cell["premium"] <= 0.20


def test_planted_posted_dates_are_in_the_window() -> None:
    for p in market().postings:
        age = (MARKET_DATE - date.fromisoformat(p.posted)).days
        assert 1 <= age <= 56


# ------------------------------------------------------------------------------------------ text


@pytest.mark.parametrize("ats", sorted(VOCABULARIES["ats"]))
def test_posting_text_names_exactly_its_skills(ats: str) -> None:
    for job in listed_jobs(ats):
        text = plain_text(job)
        found = skills_named(text)
        assert set(job.posting.skills) <= found, (job.posting.source_id, set(job.posting.skills) - found)
        assert found <= set(job.posting.skills) | set(job.posting.unasked_skills), (
            job.posting.source_id,
            found - set(job.posting.skills) - set(job.posting.unasked_skills),
        )


@pytest.mark.parametrize("ats", sorted(VOCABULARIES["ats"]))
def test_posting_text_length(ats: str) -> None:
    assert all(250 <= len(plain_text(j).split()) <= 600 for j in listed_jobs(ats))


def test_company_names_are_not_skills() -> None:
    for employer in market().employers:
        assert not skills_named(employer.company), employer.company


@pytest.mark.parametrize(
    ("cue", "seniority"),
    [
        (r"^(Senior|Sr\.) ", "senior"),
        (r"^(Staff|Principal|Lead) ", "staff"),
        (r"\bIntern\b", "intern"),
        (r"^(Director of|Head of)\b", "director"),
        (r"^VP of\b", "executive"),
        (r"^(Junior|Associate) |\bI\b", "entry"),
        (r"\bII\b", "mid"),
    ],
)
def test_posting_title_cues_agree_with_seniority(cue: str, seniority: str) -> None:
    cued = [p for p in market().postings if re.search(cue, p.title)]
    assert cued
    assert {p.seniority for p in cued} == {seniority}


@pytest.mark.parametrize(("seniority", "low", "high"), [("entry", 0, 2), ("mid", 3, 5), ("senior", 6, 99)])
def test_posting_silent_titles_state_years(seniority: str, low: int, high: int) -> None:
    cues = re.compile(r"^(Senior|Sr\.|Junior|Associate) |\bII?\b")
    silent = [
        j for j in listed_jobs() if j.posting.seniority == seniority and not cues.search(j.posting.title)
    ]
    assert silent
    for job in silent:
        years = re.search(r"(\d+)(?:\+|–\d+) years", plain_text(job))
        assert years and low <= int(years.group(1)) <= high, job.posting.title


def test_posting_pay_is_stated_once() -> None:
    pay_words = re.compile(r"salary|per hour|/hour|per annum|per year", re.IGNORECASE)
    for job in listed_jobs():
        body = "\n".join(plain_text(job).split("\n\n")[:-1])  # the EEO line has no pay words
        in_text = job.posting.salary is not None and job.posting.salary.stated_in == "text"
        assert bool(pay_words.search(body)) == in_text, job.posting.source_id


@pytest.mark.parametrize(
    ("amount", "currency", "style", "text"),
    [
        (140000, "USD", "comma", "$140,000"),
        (140000, "USD", "k", "$140K"),
        (70000, "EUR", "dot", "€70.000"),
        (60000, "GBP", "k", "£60K"),
        (55, "USD", "cents", "$55.00"),
    ],
)
def test_money_formats(amount: int, currency: str, style: str, text: str) -> None:
    assert _money(amount, currency, style) == text


@pytest.mark.parametrize(
    ("base", "level", "expected"),
    [
        ("Software Engineer, Backend", "mid", ["Software Engineer II, Backend"]),
        ("Data Engineer", "entry", ["Junior Data Engineer", "Data Engineer I"]),
        ("Data Engineer", "staff", ["Staff Data Engineer", "Principal Data Engineer", "Lead Data Engineer"]),
    ],
)
def test_cue_forms(base: str, level: str, expected: list[str]) -> None:
    assert _cue_forms({"base": [base], "numbered": True}, level, base) == expected
    assert _numbered("Data Engineer", "II") == "Data Engineer II"


# ------------------------------------------------------------------------------------------ vendor formats


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


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/greenhouse/v1/boards/no-such-board/jobs", {"status": 404, "error": "Job board not found"}),
        ("/lever/v0/postings/no-such-site", {"ok": False, "error": "Document not found"}),
        ("/ashby/posting-api/job-board/no-such-board", {"success": False, "error": "Job board not found"}),
        ("/careers/tallowmere/sitemap.xml", None),  # an API employer has no career pages
        ("/careers/glasswing/jobs/R00000", None),
        ("/no/such/path", None),
    ],
)
def test_unknown_board_is_404(path: str, body: dict[str, Any] | None) -> None:
    response = market().respond(path, "", BASE)
    assert response.status == 404
    if body is not None:
        assert json.loads(response.body) == body


def test_robots_allows_everything() -> None:
    response = market().respond("/robots.txt", "", BASE)
    assert response.status == 200
    assert response.body.decode().startswith("User-agent: *\nAllow: /\n")


def test_routes_answer_every_path() -> None:
    routes = market().routes(BASE)
    assert all(r.status == 200 for r in routes.values())
    # robots, API boards, job pages (incl. 20 mirrored), sitemaps, one index, SmartRecruiters list pages and
    # details, HN thread search and comment pages, Remotive, RemoteOK, USAJOBS pages
    hn_pages = -(-(48 + 5) // PAGE_SIZES["HN_PAGE_SIZE"])
    assert len(routes) == 1 + 18 + 292 + 5 + 1 + (4 + 48) + (1 + hn_pages) + 1 + 1 + 2


def test_sources_csv_points_at_the_market(tmp_path: Any) -> None:
    text = market().sources_csv(BASE)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == ["company", "ats", "board", "industry", "url", "verified"]
    for row in rows:
        expected = f"{BASE}/careers/{row['board']}/sitemap.xml" if row["ats"] == "jsonld" else ""
        assert row["url"] == expected and row["verified"] == "false"
    path = tmp_path / "sources.csv"
    path.write_text(text, encoding="utf-8")
    boards = [(e.ats, e.board) for e in market().employers if e.ats not in FEEDS]
    assert [(s.ats, s.board) for s in load_sources(path)] == boards


def test_summary_counts_match_postings() -> None:
    summary = market().summary()
    assert sum(summary["per_ats"].values()) == summary["postings"] == len(market().postings)
    assert isinstance(market().postings[0], PlantedPosting)


# ------------------------------------------------------------------------------------------ newer vendors, feeds


def planted_ids(ats: str, board: str | None = None) -> set[str]:
    return {p.source_id for p in market().listings if p.ats == ats and board in (None, p.board)}


def test_market_spiders_are_every_source_kind() -> None:
    assert market().spiders == sorted(VOCABULARIES["ats"])


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


# ------------------------------------------------------------------------------------------ duplicates


def test_duplicates_point_at_a_planted_job_with_the_same_title_and_text() -> None:
    m = market()
    jobs = {(j.posting.ats, j.posting.source_id): j for j in m.jobs}
    assert {p.ats for p in m.duplicates} == {"jsonld", "remotive", "remoteok"}
    assert sum(p.ats == "jsonld" for p in m.duplicates) == 20
    planted = {(p.ats, p.source_id) for p in m.postings}
    for dup in m.duplicates:
        assert dup.duplicate_of in planted
        original = jobs[dup.duplicate_of]
        assert (dup.title, dup.company, dup.location, dup.posted) == (
            original.posting.title, original.posting.company, original.posting.location, original.posting.posted,
        )  # fmt: skip
        assert plain_text(jobs[(dup.ats, dup.source_id)]) == plain_text(original)
    assert not {(p.ats, p.source_id) for p in m.duplicates} & planted


def test_lookalikes_share_title_and_text_but_not_location() -> None:
    m = market()
    jobs = {(j.posting.ats, j.posting.source_id): j for j in m.jobs}
    planted = {(p.ats, p.source_id) for p in m.postings}
    assert len(m.lookalikes) >= 2
    for a, b in m.lookalikes:
        assert {a, b} <= planted
        assert jobs[a].posting.title == jobs[b].posting.title
        assert plain_text(jobs[a]) == plain_text(jobs[b])
        assert jobs[a].posting.location != jobs[b].posting.location


def test_summary_counts_listings_and_duplicates() -> None:
    summary = market().summary()
    assert summary["listings"] == summary["postings"] + sum(summary["duplicates"].values())
