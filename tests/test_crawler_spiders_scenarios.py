"""Every spider in the registry against fixtures on 127.0.0.1: ok, empty, malformed and unknown boards.

Each scenario crawls every kind in one ``scrapy crawlall`` child process (one process is ~1.5 s), then
checks each spider's row of the per-board summary and what was stored. A kind added to ``crawler/spiders``
without routes and a row here fails every scenario.
"""

from __future__ import annotations

import http.server
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from scrapy.http import Request, TextResponse
from scrapy.utils.test import get_crawler

import crawler.settings
from crawler.boards import FeedSpider
from crawler.runner import local_settings, run_crawl
from crawler.sources import Source
from crawler.spiders import kinds, spider_class
from crawler.spiders.bamboohr import BambooHRSpider
from crawler.spiders.breezy import BreezySpider, page_name
from crawler.spiders.jobvite import JobviteSpider
from crawler.spiders.teamtailor import TeamtailorSpider
from store import open_db

FIXTURES = Path(__file__).parent / "fixtures"
JSON, XML, HTML = "application/json", "text/xml; charset=utf-8", "text/html; charset=utf-8"
SPIDERS = kinds()
FEEDS = {kind for kind in SPIDERS if issubclass(spider_class(kind), FeedSpider)}
# Feeds need no sources rows; the ATS boards are fictional employers ({base}: the fixture server).
ROWS = {
    "greenhouse": "Tidewell Labs,greenhouse,tidewell,software & internet,,false",
    "lever": "Northpine,lever,northpine,energy & utilities,,false",
    "ashby": "Brightquay,ashby,brightquay,finance & banking,,false",
    "jsonld": "Larkspur Travel,jsonld,larkspur,hospitality & travel,{base}/careers/larkspur/sitemap.xml,false",
    "workable": "Harborline Freight,workable,harborline,transportation & logistics,,false",
    "smartrecruiters": "Vantarail,smartrecruiters,Vantarail,transportation & logistics,,false",
    "recruitee": "Kanaalzicht,recruitee,kanaalzicht,hospitality & travel,,false",
    "personio": "Lindgrün Energie,personio,lindgruen,energy & utilities,,false",
    "bamboohr": "Pinecrest Care Homes,bamboohr,pinecrest,healthcare & life sciences,,false",
    "teamtailor": "Nordvik Lines,teamtailor,nordvik,transportation & logistics,,false",
    "jobvite": "Cedar Ridge Hotels,jobvite,qCdr7Htl,hospitality & travel,,false",
    "breezy": "Harborview Supply,breezy,harborview,retail & e-commerce,,false",
    "workday": "Harborview Health,workday,harborview,healthcare & life sciences,"
    "https://harborview.wd5.myworkdayjobs.com/en-US/Careers,false",
    "oracle": "County of Marlow,oracle,marlow,government & public sector,"
    "https://ecqz.fa.us2.oraclecloud.com/hcmUI/CandidateExperience/en/sites/CX_1,false",
    "successfactors": "Hollowmere Health,successfactors,hollowmere,healthcare & life sciences,"
    "https://careers.hollowmere.example/,false",
    "icims": "Ravensholt Markets,icims,ravensholt,retail & e-commerce,,false",
    "neogov": "City of Cindermoor,neogov,cindermoor,government & public sector,,false",
}
# Platforms served on each employer's own host: an unknown board is a careers URL that names no site.
UNKNOWN_URLS = {
    "jsonld": "{base}/careers/ghost/sitemap.xml",
    "workday": "https://ghost.wd1.myworkdayjobs.com/en-US/External",
    "oracle": "https://ghost.fa.us2.oraclecloud.com/hcmUI/CandidateExperience/en/sites/CX_9",
    "successfactors": "https://careers.ghost.example/",
}
UNKNOWN_ROWS = {
    kind: f"Ghost,{kind},{'Ghost' if kind == 'smartrecruiters' else 'ghost'},education,"
    + UNKNOWN_URLS.get(kind, "")
    + ",false"
    for kind in ROWS
}
SECRET = "usajobs-test-key-3f9a"
SETTINGS = {"HN_MONTH": "2026-11", "USAJOBS_API_KEY": SECRET, "USAJOBS_EMAIL": "crawler@example.org"}
SR = "/smartrecruiters/v1/companies/Vantarail/postings"
BAMBOO = "/bamboohr/pinecrest/careers"
BREEZY_PAGE = "/breezy/harborview/p/3f2a9c1b7d40-warehouse-associate"
WD = "/workday/harborview.wd5.myworkdayjobs.com/harborview/Careers"
ORC = "/oracle/ecqz.fa.us2.oraclecloud.com"
# What a malformed payload fails a board with, where it is not JSON.
MALFORMED = {
    "jsonld": "unreadable sitemap",
    "personio": "not a Personio feed",
    "teamtailor": "not a Teamtailor feed",
    "jobvite": "not a Jobvite feed",
    "successfactors": "unreadable sitemap",
    "icims": "unreadable sitemap",
    "neogov": "not a NEOGOV feed",
}
EMPTY_SITEMAP = b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>'
SF = "/successfactors/careers.hollowmere.example"
SF_NURSE = f"{SF}/job/Leeds-Ward-Nurse-LS1-4AP/4101301/"
SF_SCIENTIST = f"{SF}/job/Bradford-Biomedical-Scientist/4101377-en_GB/"
ICIMS_ASSOCIATE = "/icims/ravensholt/jobs/20417/store-associate---part-time/job"
ICIMS_FORKLIFT = "/icims/ravensholt/jobs/20452/distribution-center-forklift-operator/job"
NEOGOV = "/neogov/SearchEngine/JobsFeed"

Route = tuple[int, str, bytes | Callable[[str], tuple[int, str, bytes]]]


def _fixture(path: str, base: str = "") -> bytes:
    return (FIXTURES / path).read_bytes().replace(b"{base}", base.encode())


def _query(path: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(path).query).items()}


def _hn(story: str, comments: Callable[[int], bytes]) -> Callable[[str], tuple[int, str, bytes]]:
    """Algolia's one search endpoint answers both the thread search and the comment pages."""

    def search(path: str) -> tuple[int, str, bytes]:
        query = _query(path)
        if query["tags"].startswith("story"):
            return 200, JSON, _fixture(story)
        assert query["tags"] == "comment,story_45000000", query
        return 200, JSON, comments(int(query.get("page", "0")))

    return search


def _ok(base: str) -> dict[str, Route]:
    return {
        "/greenhouse/v1/boards/tidewell/jobs": (200, JSON, _fixture("greenhouse/board.json")),
        "/lever/v0/postings/northpine": (200, JSON, _fixture("lever/page.json")),
        "/ashby/posting-api/job-board/brightquay": (200, JSON, _fixture("ashby/board.json")),
        "/careers/larkspur/sitemap.xml": (200, XML, _fixture("jsonld/sitemap.xml", base)),
        "/careers/larkspur/jobs/LT-77": (200, HTML, _fixture("jsonld/job.html", base)),
        "/workable/api/v1/widget/accounts/harborline": (200, JSON, _fixture("workable/account.json")),
        SR: (200, JSON, _fixture("smartrecruiters/list.json")),
        f"{SR}/744000012345678": (200, JSON, _fixture("smartrecruiters/744000012345678.json")),
        f"{SR}/744000087654321": (200, JSON, _fixture("smartrecruiters/744000087654321.json")),
        "/recruitee/kanaalzicht/api/offers/": (200, JSON, _fixture("recruitee/offers.json")),
        "/personio/lindgruen/xml": (200, XML, _fixture("personio/feed.xml")),
        "/hn/search": (200, JSON, _hn("hn/story.json", lambda page: _fixture(f"hn/comments-{page}.json"))),
        "/remotive/api/remote-jobs": (200, JSON, _fixture("remotive/jobs.json")),
        "/remoteok/api": (200, JSON, _fixture("remoteok/api.json")),
        "/usajobs/api/search": (200, JSON, _fixture("usajobs/search.json")),
        f"{BAMBOO}/list": (200, JSON, _fixture("bamboohr/list.json")),
        f"{BAMBOO}/41/detail": (200, JSON, _fixture("bamboohr/41.json")),
        f"{BAMBOO}/57/detail": (200, JSON, _fixture("bamboohr/57.json")),
        "/teamtailor/nordvik/jobs.rss": (200, XML, _fixture("teamtailor/feed.xml")),
        "/jobvite/CompanyJobs/Xml.aspx": (200, XML, _fixture("jobvite/feed.xml")),
        "/breezy/harborview/json": (200, JSON, _fixture("breezy/list.json")),
        BREEZY_PAGE: (200, HTML, _fixture("breezy/3f2a9c1b7d40-warehouse-associate.html")),
        f"{WD}/jobs": (200, JSON, _fixture("workday/list.json")),
        f"{WD}/job/Springfield-IL/Registered-Nurse---Med-Surg--Nights-_R-10421": (
            200,
            JSON,
            _fixture("workday/R-10421.json"),
        ),
        f"{WD}/job/Decatur-IL/Patient-Care-Technician_R-10588": (200, JSON, _fixture("workday/R-10588.json")),
        f"{ORC}/recruitingCEJobRequisitions": (200, JSON, _fixture("oracle/list.json")),
        f"{ORC}/recruitingCEJobRequisitionDetails": (200, JSON, _oracle_detail),
        f"{SF}/job_sitemap.xml": (200, XML, _fixture("successfactors/job_sitemap.xml", base)),
        SF_NURSE: (200, HTML, _fixture("successfactors/job.html")),
        SF_SCIENTIST: (200, HTML, _fixture("successfactors/job-place.html")),
        "/icims/ravensholt/sitemap.xml": (200, XML, _fixture("icims/sitemap.xml", base)),
        ICIMS_ASSOCIATE: (200, HTML, _fixture("icims/job.html", base)),
        ICIMS_FORKLIFT: (200, HTML, _fixture("icims/job-salary.html", base)),
        NEOGOV: (200, XML, _fixture("neogov/feed.xml")),
    }


def _oracle_detail(path: str) -> tuple[int, str, bytes]:
    """The one detail endpoint answers every requisition: the finder names which."""
    ident = _query(path)["finder"].split('"')[1]
    return 200, JSON, _fixture(f"oracle/{ident}.json")


def _empty(base: str = "") -> dict[str, Route]:
    return {
        "/greenhouse/v1/boards/tidewell/jobs": (200, JSON, _fixture("greenhouse/empty.json")),
        "/lever/v0/postings/northpine": (200, JSON, b"[]"),
        "/ashby/posting-api/job-board/brightquay": (200, JSON, b'{"apiVersion":"1","jobs":[]}'),
        "/careers/larkspur/sitemap.xml": (200, XML, EMPTY_SITEMAP),
        "/workable/api/v1/widget/accounts/harborline": (200, JSON, _fixture("workable/empty.json")),
        SR: (200, JSON, _fixture("smartrecruiters/empty.json")),
        "/recruitee/kanaalzicht/api/offers/": (200, JSON, _fixture("recruitee/empty.json")),
        "/personio/lindgruen/xml": (200, XML, _fixture("personio/empty.xml")),
        "/hn/search": (200, JSON, _hn("hn/story.json", lambda page: _fixture("hn/comments-empty.json"))),
        "/remotive/api/remote-jobs": (200, JSON, _fixture("remotive/empty.json")),
        "/remoteok/api": (200, JSON, _fixture("remoteok/empty.json")),
        "/usajobs/api/search": (200, JSON, _fixture("usajobs/empty.json")),
        f"{BAMBOO}/list": (200, JSON, _fixture("bamboohr/empty.json")),
        "/teamtailor/nordvik/jobs.rss": (200, XML, _fixture("teamtailor/empty.xml")),
        "/jobvite/CompanyJobs/Xml.aspx": (200, XML, _fixture("jobvite/empty.xml")),
        "/breezy/harborview/json": (200, JSON, _fixture("breezy/empty.json")),
        f"{WD}/jobs": (200, JSON, _fixture("workday/empty.json")),
        f"{ORC}/recruitingCEJobRequisitions": (200, JSON, _fixture("oracle/empty.json")),
        f"{SF}/job_sitemap.xml": (200, XML, _fixture("successfactors/empty_sitemap.xml")),
        # Every iCIMS sitemap lists /jobs/intro, jobs or none: that page is no job.
        "/icims/ravensholt/sitemap.xml": (200, XML, _fixture("icims/empty_sitemap.xml", base)),
        NEOGOV: (200, XML, _fixture("neogov/empty.xml")),
    }


def _malformed() -> dict[str, Route]:
    broken = b'{"jobs": [ {"id": 1,'
    routes: dict[str, Route] = {path: (200, JSON, broken) for path in _empty()}
    routes["/personio/lindgruen/xml"] = (200, XML, b"<workzag-jobs><position><id>1</id><name>Cut")
    return routes


def _routes(scenario: str, base: str = "") -> dict[str, Route]:
    if scenario == "ok":
        return _ok(base)
    if scenario == "empty":
        return _empty(base)
    if scenario == "malformed":
        return _malformed()
    # Unknown boards: everything else is the server's 404. SmartRecruiters answers an unknown company with an
    # empty list; an unknown Personio slug lands (after a 301) on a marketing page; no thread this month.
    return {
        "/smartrecruiters/v1/companies/Ghost/postings": (200, JSON, _fixture("smartrecruiters/empty.json")),
        "/personio/ghost/xml": (200, HTML, b"<!DOCTYPE html><html><body><h1>Personio</h1></body></html>"),
        "/hn/search": (200, JSON, b'{"hits":[],"nbHits":0,"page":0,"nbPages":0}'),
        # Workday's answer for a tenant/site pair that does not exist.
        "/workday/ghost.wd1.myworkdayjobs.com/ghost/External/jobs": (
            422,
            JSON,
            _fixture("workday/unknown.json"),
        ),
    }


def _base(server: http.server.ThreadingHTTPServer) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}"


def _crawl(
    server: http.server.ThreadingHTTPServer,
    tmp_path: Path,
    rows: list[str],
    spiders: list[str],
    **settings: str,
) -> tuple[Any, dict[str, tuple[str, str, str]], str]:
    """Crawl; return the database, each spider's (board, outcome, detail) and the whole output."""
    base = _base(server)
    lines = ["company,ats,board,industry,url,verified", *(row.replace("{base}", base) for row in rows)]
    sources = tmp_path / "sources.csv"
    sources.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db_path = str(tmp_path / "jobs.db")
    result = run_crawl({**local_settings(base, db_path, str(sources)), **settings}, spiders=spiders)
    outcomes = {}
    for line in result.stdout.splitlines():
        parts = line.split(None, 3)
        if len(parts) >= 3 and parts[0] in SPIDERS:
            outcomes[parts[0]] = (parts[1], parts[2], parts[3] if len(parts) > 3 else "")
    # A failed board makes the crawl exit 1 (crawler/commands/crawlall.py).
    failed = any(outcome == "failed" for _, outcome, _ in outcomes.values())
    assert result.returncode == (1 if failed else 0), result.stderr[-3000:]
    return open_db(db_path), outcomes, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("scenario", "rows", "expected"),
    [
        ("ok", list(ROWS.values()), dict.fromkeys(SPIDERS, "ok")),
        ("empty", list(ROWS.values()), dict.fromkeys(SPIDERS, "empty")),
        ("malformed", list(ROWS.values()), dict.fromkeys(SPIDERS, "failed")),
        (
            "unknown",
            list(UNKNOWN_ROWS.values()),
            {**dict.fromkeys(SPIDERS, "failed"), "smartrecruiters": "empty"},
        ),
    ],
)
def test_spiders_outcome_per_scenario(
    fixture_server, tmp_path: Path, scenario: str, rows: list[str], expected: dict[str, str]
) -> None:
    fixture_server.routes.update(_routes(scenario, _base(fixture_server)))
    db, outcomes, _ = _crawl(fixture_server, tmp_path, rows, SPIDERS, **SETTINGS)
    assert {spider: outcome for spider, (_, outcome, _) in outcomes.items()} == expected, outcomes
    # Feeds crawl one implicit board and add no boards rows.
    assert outcomes["hn"][0] == "2026-11" and outcomes["remotive"][0] == "remotive"
    assert {r["ats"] for r in db.query("select ats from boards")} == set(SPIDERS) - FEEDS
    if scenario in ("malformed", "unknown"):
        assert db["pages"].count == 0
    if scenario == "malformed":
        for spider, (_, _, detail) in outcomes.items():
            assert MALFORMED.get(spider, "malformed JSON") in detail, (spider, detail)
    if scenario == "unknown":
        assert "unknown company too" in outcomes["smartrecruiters"][2]
        assert "not a Personio feed" in outcomes["personio"][2]
        assert "unknown tenant or site (422)" in outcomes["workday"][2]
        assert "unknown host or site (404)" in outcomes["oracle"][2]
        # An XML feed's 404 fails its board once, with that reason (crawler.boards.BoardSpider.xml_root).
        for feed, reason in (("jobvite", "unknown company"), ("neogov", "unknown agency"),
                             ("teamtailor", "unknown company")):  # fmt: skip
            detail = outcomes[feed][2]
            assert f"{reason} (404)" in detail and "more failures" not in detail, (feed, detail)


def test_spiders_store_every_page_once(fixture_server, tmp_path: Path) -> None:
    fixture_server.routes.update(_routes("ok", _base(fixture_server)))
    db, outcomes, output = _crawl(
        fixture_server, tmp_path, list(ROWS.values()), SPIDERS, **SETTINGS, LOG_LEVEL="DEBUG"
    )
    pages = {r["source"]: r["n"] for r in db.query("select source, count(*) n from pages group by source")}
    # SmartRecruiters, BambooHR, Workday and Oracle store the two posting details, not the list; HN the two
    # comment pages; Breezy the list and the job page of the one position the list does not describe;
    # sitemap-listed career sites (SuccessFactors, iCIMS) their two job pages, not the sitemap.
    two = ("smartrecruiters", "hn", "bamboohr", "breezy", "workday", "oracle", "successfactors", "icims")
    assert pages == {**dict.fromkeys(SPIDERS, 1), **dict.fromkeys(two, 2)}
    assert outcomes["hn"][2].startswith("2 top-level comments")
    assert outcomes["remoteok"][2] == "2 jobs"  # the legal notice is not a job
    # The USAJOBS key is sent as a header only: never logged, never stored.
    assert SECRET not in output
    assert not list(db.query("select id from pages where body like ? or url like ?", [f"%{SECRET}%"] * 2))
    # Crawling the same boards again adds no page rows.
    db, outcomes, _ = _crawl(fixture_server, tmp_path, list(ROWS.values()), SPIDERS, **SETTINGS)
    assert {outcome for _, outcome, _ in outcomes.values()} == {"ok"}
    assert db["pages"].count == sum(pages.values())


def test_smartrecruiters_pages_by_total_found(fixture_server, tmp_path: Path) -> None:
    listing = json.loads(_fixture("smartrecruiters/list.json"))

    def page(path: str) -> tuple[int, str, bytes]:
        offset = int(_query(path)["offset"])
        return (
            200,
            JSON,
            json.dumps({**listing, "limit": 1, "content": listing["content"][offset : offset + 1]}).encode(),
        )

    routes = _routes("ok")
    routes[SR] = (200, JSON, page)
    fixture_server.routes.update(routes)
    db, outcomes, _ = _crawl(
        fixture_server,
        tmp_path,
        [ROWS["smartrecruiters"]],
        ["smartrecruiters"],
        SMARTRECRUITERS_PAGE_SIZE="1",
    )
    lists = [p for p in fixture_server.requests if p.startswith("/smartrecruiters") and "offset=" in p]
    assert sorted(_query(p)["offset"] for p in lists) == ["0", "1"]
    assert outcomes["smartrecruiters"][1:] == ("ok", "2 postings listed")
    assert db["pages"].count == 2


def test_usajobs_without_key_skips_without_a_request(fixture_server, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("USAJOBS_API_KEY", raising=False)
    monkeypatch.delenv("USAJOBS_EMAIL", raising=False)
    db, outcomes, output = _crawl(fixture_server, tmp_path, [], ["usajobs"])
    assert outcomes["usajobs"][1] == "skipped"
    assert "USAJOBS_API_KEY" in output
    assert fixture_server.requests == []
    assert db["pages"].count == 0


def test_workable_429_waits_for_retry_after_then_succeeds(fault_server, tmp_path: Path) -> None:
    path = "/workable/api/v1/widget/accounts/harborline"
    fault_server.faults[path] = "429-then-ok"  # 429 with Retry-After: 0, then 200
    fault_server.good = _fixture("workable/account.json")
    started = time.monotonic()
    # A 60 s backoff would apply if Retry-After were ignored; honoring "0" retries at once.
    db, outcomes, _ = _crawl(
        fault_server, tmp_path, [ROWS["workable"]], ["workable"], JOBPULSE_BACKOFF_BASE="60"
    )
    assert time.monotonic() - started < 30
    assert fault_server.hits[path] == 2
    assert outcomes["workable"][1:] == ("ok", "2 jobs")
    assert db["pages"].count == 1


def test_personio_429_every_time_fails_the_board(fixture_server, tmp_path: Path) -> None:
    fixture_server.routes["/personio/lindgruen/xml"] = (
        429,
        "text/plain",
        lambda path: (429, "text/plain", b"slow"),
    )
    db, outcomes, _ = _crawl(fixture_server, tmp_path, [ROWS["personio"]], ["personio"])
    assert outcomes["personio"][1] == "failed" and "429" in outcomes["personio"][2]
    assert fixture_server.requests.count("/personio/lindgruen/xml?language=en") == 2  # RETRY_TIMES = 1
    assert db["pages"].count == 0


def test_bamboohr_fetches_every_detail_and_a_gone_one_costs_nothing(fixture_server, tmp_path: Path) -> None:
    routes = _routes("ok")
    del routes[f"{BAMBOO}/57/detail"]  # closed between the list and its detail: the server's 404
    fixture_server.routes.update(routes)
    db, outcomes, output = _crawl(fixture_server, tmp_path, [ROWS["bamboohr"]], ["bamboohr"])
    details = sorted(p for p in fixture_server.requests if p.startswith(BAMBOO) and p.endswith("/detail"))
    assert details == [f"{BAMBOO}/41/detail", f"{BAMBOO}/57/detail"]
    assert outcomes["bamboohr"][1:] == ("ok", "2 positions listed")
    assert [r["url"].rsplit("/", 2)[1] for r in db.query("select url from pages")] == ["41"]
    assert "position detail gone (404)" in output


def test_bamboohr_detail_that_fails_makes_the_listing_incomplete(fixture_server, tmp_path: Path) -> None:
    routes = _routes("ok")
    routes[f"{BAMBOO}/57/detail"] = (500, JSON, b"{}")
    fixture_server.routes.update(routes)
    _db, outcomes, _output = _crawl(fixture_server, tmp_path, [ROWS["bamboohr"]], ["bamboohr"])
    assert outcomes["bamboohr"][1] == "failed"
    assert "HTTP 500" in outcomes["bamboohr"][2]  # retried, then the board fails: nothing closes on it


def test_teamtailor_pages_by_offset_until_a_short_page(fixture_server, tmp_path: Path) -> None:
    feed = _fixture("teamtailor/feed.xml").decode()
    head, rest = feed.split("<item>", 1)
    items = ["<item>" + part for part in rest.split("<item>")]
    items[-1], tail = items[-1].split("</channel>", 1)

    def page(path: str) -> tuple[int, str, bytes]:
        offset, size = int(_query(path)["offset"]), int(_query(path)["per_page"])
        return 200, XML, (head + "".join(items[offset : offset + size]) + "</channel>" + tail).encode()

    fixture_server.routes["/teamtailor/nordvik/jobs.rss"] = (200, XML, page)
    db, outcomes, _ = _crawl(
        fixture_server, tmp_path, [ROWS["teamtailor"]], ["teamtailor"], TEAMTAILOR_PAGE_SIZE="1"
    )
    pages = [_query(p)["offset"] for p in fixture_server.requests if p.startswith("/teamtailor")]
    assert pages == ["0", "1", "2"]  # the third page is empty: the end
    assert outcomes["teamtailor"][1:] == ("ok", "2 jobs")
    assert db["pages"].count == 2


def test_teamtailor_feed_that_ignores_offset_fails(fixture_server, tmp_path: Path) -> None:
    fixture_server.routes["/teamtailor/nordvik/jobs.rss"] = (200, XML, _fixture("teamtailor/feed.xml"))
    _, outcomes, _ = _crawl(
        fixture_server, tmp_path, [ROWS["teamtailor"]], ["teamtailor"], TEAMTAILOR_PAGE_SIZE="2"
    )
    assert outcomes["teamtailor"][1] == "failed" and "ignores offset" in outcomes["teamtailor"][2]


def test_breezy_fetches_only_the_pages_the_list_does_not_describe(fixture_server, tmp_path: Path) -> None:
    fixture_server.routes.update(_routes("ok"))
    db, outcomes, _ = _crawl(fixture_server, tmp_path, [ROWS["breezy"]], ["breezy"])
    assert [p for p in fixture_server.requests if p.startswith("/breezy")] == [
        "/breezy/harborview/json",
        BREEZY_PAGE,
    ]
    assert outcomes["breezy"][1:] == ("ok", "2 positions listed")
    assert sorted(r["url"].rsplit("/", 1)[1] for r in db.query("select url from pages")) == [
        "3f2a9c1b7d40-warehouse-associate",
        "json",
    ]


@pytest.mark.parametrize(
    ("kind", "index", "children", "pages"),
    [
        ("successfactors", f"{SF}/job_sitemap.xml", [f"{SF}/job_sitemap-1.xml", f"{SF}/job_sitemap-2.xml"], [SF_NURSE, SF_SCIENTIST]),
        ("icims", "/icims/ravensholt/sitemap.xml", ["/icims/ravensholt/sitemap-1.xml", "/icims/ravensholt/sitemap-2.xml"], [ICIMS_ASSOCIATE, ICIMS_FORKLIFT]),
    ],
)  # fmt: skip
def test_sitemap_index_is_followed_to_the_end(
    fixture_server, tmp_path: Path, kind: str, index: str, children: list[str], pages: list[str]
) -> None:
    base = _base(fixture_server)
    routes = _routes("ok", base)
    urlset = "<url><loc>{}</loc></url>"
    for child, page in zip(children, pages, strict=True):
        body = f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urlset.format(base + page)}</urlset>'
        routes[child] = (200, XML, body.encode())
    routes[index] = (200, XML, _fixture(f"{kind}/sitemap-index.xml", base))
    fixture_server.routes.update(routes)
    db, outcomes, _ = _crawl(fixture_server, tmp_path, [ROWS[kind]], [kind])
    assert outcomes[kind][1:] == ("ok", "2 pages listed")
    # Each child once, though the SuccessFactors index lists its first child twice.
    assert sorted(p for p in fixture_server.requests if p in children) == children
    assert db["pages"].count == 2


def test_sitemap_child_missing_fails_the_board(fixture_server, tmp_path: Path) -> None:
    base = _base(fixture_server)
    routes = _routes("ok", base)
    routes[f"{SF}/job_sitemap.xml"] = (200, XML, _fixture("successfactors/sitemap-index.xml", base))
    routes[f"{SF}/job_sitemap-1.xml"] = (200, XML, _fixture("successfactors/job_sitemap.xml", base))
    fixture_server.routes.update(routes)
    _, outcomes, _ = _crawl(fixture_server, tmp_path, [ROWS["successfactors"]], ["successfactors"])
    # A listing with a hole must not close the postings it misses.
    assert outcomes["successfactors"][1] == "failed"
    assert "job_sitemap-2.xml" in outcomes["successfactors"][2]


def test_successfactors_reads_the_sitemal_feed_named_by_the_row(fixture_server, tmp_path: Path) -> None:
    base = _base(fixture_server)
    routes = _routes("ok", base)
    del routes[f"{SF}/job_sitemap.xml"]
    routes[f"{SF}/sitemal.xml"] = (200, XML, _fixture("successfactors/sitemal.xml", base))
    fixture_server.routes.update(routes)
    row = ROWS["successfactors"].replace("example/,", "example/sitemal.xml,")
    db, outcomes, _ = _crawl(fixture_server, tmp_path, [row], ["successfactors"])
    assert outcomes["successfactors"][1:] == ("ok", "2 pages listed")
    assert {r["url"] for r in db.query("select url from pages")} == {base + SF_NURSE, base + SF_SCIENTIST}


def test_icims_fetches_the_in_iframe_page_of_each_job(fixture_server, tmp_path: Path) -> None:
    fixture_server.routes.update(_routes("ok", _base(fixture_server)))
    db, outcomes, _ = _crawl(fixture_server, tmp_path, [ROWS["icims"]], ["icims"])
    assert outcomes["icims"][1:] == ("ok", "2 pages listed")
    jobs = sorted(p for p in fixture_server.requests if "/jobs/" in p)
    # Not the wrapper pages, not /jobs/intro or /jobs/search.
    assert jobs == [f"{ICIMS_ASSOCIATE}?in_iframe=1", f"{ICIMS_FORKLIFT}?in_iframe=1"]
    assert all(r["url"].endswith("?in_iframe=1") for r in db.query("select url from pages"))


def test_neogov_reads_the_whole_agency_feed_in_one_request(fixture_server, tmp_path: Path) -> None:
    fixture_server.routes.update(_routes("ok", _base(fixture_server)))
    db, outcomes, _ = _crawl(fixture_server, tmp_path, [ROWS["neogov"]], ["neogov"])
    # The feed has no pages: one answer is the whole board.
    assert outcomes["neogov"][1:] == ("ok", "3 jobs")
    assert [p for p in fixture_server.requests if p != "/robots.txt"] == [f"{NEOGOV}?agency=cindermoor"]
    assert db["pages"].count == 1


def test_neogov_reads_a_current_feed_with_a_byte_order_mark(fixture_server, tmp_path: Path) -> None:
    # The real feed starts with a UTF-8 BOM; the body is stored without it and read whole.
    fixture_server.routes[NEOGOV] = (200, XML, _fixture("neogov/feed-current.xml"))
    db, outcomes, _ = _crawl(fixture_server, tmp_path, [ROWS["neogov"]], ["neogov"])
    assert outcomes["neogov"][1:] == ("ok", "2 jobs")
    [body] = [r["body"] for r in db.query("select body from pages")]
    assert body.startswith("<?xml")


# Jobvite's feed for a company with no open job is a 302 to NoJobs.htm (relative), not an empty <result/>;
# Scrapy follows it on the feed's host, so the callback sees the page it landed on.
JOBVITE_FEED = "https://app.jobvite.com/CompanyJobs/Xml.aspx?c=qCdr7Htl"
JOBVITE_SOURCE = Source("Cedar Ridge Hotels", "jobvite", "qCdr7Htl", "hospitality & travel")
PROJECT = {name: value for name, value in vars(crawler.settings).items() if name.isupper()}


def _landed(landed: str, asked: str, body: bytes, status: int = 200) -> TextResponse:
    """What a spider's callback sees when Scrapy followed a redirect from ``asked`` to ``landed`` (or none)."""
    meta = {"redirect_urls": [asked]} if landed != asked else {}
    return TextResponse(
        landed, status=status, body=body, encoding="utf-8", request=Request(landed, meta=meta)
    )


@pytest.mark.parametrize(
    ("url", "status", "body", "outcome", "pages"),
    [
        ("https://app.jobvite.com/CompanyJobs/NoJobs.htm", 200, b"<html><body>No jobs</body></html>", "empty", 0),
        ("https://app.jobvite.com/CompanyJobs/nojobs.htm", 404, b"<html>Not found</html>", "empty", 0),
        ("https://app.jobvite.com/CompanyJobs/Error.aspx", 200, b"<html><body>Error</body></html>", "failed", 0),
        (JOBVITE_FEED, 200, _fixture("jobvite/feed.xml"), "ok", 1),
        (JOBVITE_FEED, 200, _fixture("jobvite/empty.xml"), "empty", 1),
    ],
    ids=["no-jobs", "no-jobs-404", "error-page", "feed", "empty-feed"],
)  # fmt: skip
def test_jobvite_feed_redirected_to_no_jobs_is_an_empty_board(
    url: str, status: int, body: bytes, outcome: str, pages: int
) -> None:
    spider = JobviteSpider()
    out = list(spider.parse_feed(_landed(url, JOBVITE_FEED, body, status), JOBVITE_SOURCE))
    assert spider.board_outcomes["qCdr7Htl"][0] == outcome, spider.board_outcomes
    assert len(out) == pages


def test_jobvite_waits_out_the_feeds_throttle_between_requests() -> None:
    # The feed answers "429 Retry-After: 30" from a client's second request within ~30 s.
    settings = get_crawler(JobviteSpider, PROJECT).settings
    assert settings.getfloat("DOWNLOAD_DELAY") >= 30
    assert not settings.getbool("RANDOMIZE_DOWNLOAD_DELAY")


@pytest.mark.parametrize(
    ("position", "name"),
    [
        # The array links /p/{friendly_id}: "{id}-{slug of the title}".
        ({"id": "18df3ec23bf901", "friendly_id": "18df3ec23bf901-appian-developer"}, "18df3ec23bf901-appian-developer"),
        ({"id": "18df3ec23bf901"}, "18df3ec23bf901"),
        ({"id": "18df3ec23bf901", "friendly_id": "another-position"}, "18df3ec23bf901"),
        ({"id": "18df3ec23bf901", "friendly_id": None}, "18df3ec23bf901"),
    ],
)  # fmt: skip
def test_breezy_job_page_is_the_arrays_friendly_path(position: dict[str, Any], name: str) -> None:
    assert page_name(position) == name


BREEZY_GHOST = "https://ghost.breezy.hr/json"
BAMBOO_LIST = "https://ghost.bamboohr.com/careers/list"


@pytest.mark.parametrize(
    ("spider_class", "asked", "landed", "body", "outcome", "detail"),
    [
        # An unknown Breezy company's /json is a 302 to Breezy's own site (an HTML page).
        (BreezySpider, BREEZY_GHOST, "https://breezy.hr/", b"<!DOCTYPE html><html><body>Breezy</body></html>", "failed", f"unknown company: {BREEZY_GHOST} redirected to https://breezy.hr/"),
        (BreezySpider, BREEZY_GHOST, BREEZY_GHOST, b"[]", "empty", "0 positions listed"),
        # An expired or unknown BambooHR account's list goes to a login (or SSO) page, or off to bamboohr.com.
        (BambooHRSpider, BAMBOO_LIST, "https://ghost.bamboohr.com/login.php", b"<!DOCTYPE html><html><body>Log in</body></html>", "failed", f"unknown company: {BAMBOO_LIST} redirected to https://ghost.bamboohr.com/login.php (not a careers list)"),
        (BambooHRSpider, BAMBOO_LIST, "https://www.bamboohr.com/", b"<!DOCTYPE html><html><body>BambooHR</body></html>", "failed", f"unknown company: {BAMBOO_LIST} redirected to https://www.bamboohr.com/ (not a careers list)"),
        (BambooHRSpider, BAMBOO_LIST, BAMBOO_LIST, b'{"meta": {"totalCount": 0}, "result": []}', "empty", "0 positions listed"),
    ],
)  # fmt: skip
def test_list_redirected_off_the_companys_careers_fails_naming_it(
    spider_class: type[BreezySpider] | type[BambooHRSpider],
    asked: str,
    landed: str,
    body: bytes,
    outcome: str,
    detail: str,
) -> None:
    spider = spider_class.from_crawler(get_crawler(spider_class, PROJECT))
    source = Source("Ghost", spider_class.name, "ghost", "education")
    list(spider.parse_list(_landed(landed, asked, body), source))
    assert spider.board_outcomes["ghost"] == (outcome, detail)


@pytest.mark.parametrize(
    ("board", "first_page"),
    [
        ("nordvik", "https://nordvik.teamtailor.com/jobs.rss?offset=0&per_page=100"),
        # A regional career site ({tenant}.na.teamtailor.com) and a numeric-suffix host are boards too.
        ("nordvik.na", "https://nordvik.na.teamtailor.com/jobs.rss?offset=0&per_page=100"),
        ("asklocala-1671530238", "https://asklocala-1671530238.teamtailor.com/jobs.rss?offset=0&per_page=100"),
    ],
)  # fmt: skip
def test_teamtailor_board_names_its_host(board: str, first_page: str) -> None:
    spider = TeamtailorSpider.from_crawler(get_crawler(TeamtailorSpider, PROJECT))
    [request] = spider.first_requests(Source("Nordvik Lines", "teamtailor", board, "transportation"))
    assert request.url == first_page


def test_icims_job_answering_gone_is_not_a_hole_in_the_listing(fixture_server, tmp_path: Path) -> None:
    routes = _routes("ok", _base(fixture_server))
    # iCIMS answers 410 for a job that is no longer public (taken down after the sitemap was written).
    routes[ICIMS_FORKLIFT] = (410, HTML, b"<html><body>Careers - Ravensholt Markets</body></html>")
    fixture_server.routes.update(routes)
    db, outcomes, _ = _crawl(fixture_server, tmp_path, [ROWS["icims"]], ["icims"])
    assert outcomes["icims"][1:] == ("ok", "2 pages listed")
    assert [r["url"].rsplit("/", 3)[-3] for r in db.query("select url from pages")] == ["20417"]


def test_icims_vanity_site_fetches_the_careers_home_page_of_each_job(fixture_server, tmp_path: Path) -> None:
    base = _base(fixture_server)
    routes = _routes("ok", base)
    # A careers-home site: a sitemap index, locs /jobs/{id}?lang=…, the posting at /careers-home/jobs/{id}.
    locs = "".join(
        f"<url><loc>{base}/icims/ravensholt/jobs/{job}?lang=en-us</loc></url>" for job in (20417, 20452)
    )
    routes["/icims/ravensholt/sitemap.xml"] = (200, XML, _fixture("icims/sitemap-index.xml", base))
    routes["/icims/ravensholt/sitemap-1.xml"] = (200, XML, _fixture("icims/empty_sitemap.xml", base))
    routes["/icims/ravensholt/sitemap-2.xml"] = (
        200, XML, f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>'.encode()
    )  # fmt: skip
    routes["/icims/ravensholt/careers-home/jobs/20417"] = (200, HTML, _fixture("icims/job.html", base))
    routes["/icims/ravensholt/careers-home/jobs/20452"] = (200, HTML, _fixture("icims/job-salary.html", base))
    fixture_server.routes.update(routes)
    row = ROWS["icims"].replace(",,false", ",https://careers.ravensholt.example/,false")
    db, outcomes, _ = _crawl(fixture_server, tmp_path, [row], ["icims"])
    assert outcomes["icims"][1:] == ("ok", "2 pages listed")
    assert sorted(p for p in fixture_server.requests if "/jobs/" in p) == [
        "/icims/ravensholt/careers-home/jobs/20417?in_iframe=1",
        "/icims/ravensholt/careers-home/jobs/20452?in_iframe=1",
    ]
    assert db["pages"].count == 2


def test_sitemap_location_that_is_no_web_address_is_skipped_and_the_rest_read(
    fixture_server, tmp_path: Path
) -> None:
    # A path is read against its sitemap; "mailto:" and a broken host are no page: skipped and counted,
    # and every location after them, in this child and the next, is still asked for.
    base = _base(fixture_server)
    routes = _routes("ok", base)
    index, first, second = (f"/careers/larkspur/{name}.xml" for name in ("sitemap", "jobs-1", "jobs-2"))
    page = "/careers/larkspur/jobs/LT-{}"
    urls = "".join(f"<url><loc>{loc}</loc></url>" for loc in
                   (page.format(1), "mailto:jobs@larkspur.example", "http://[broken", base + page.format(2)))  # fmt: skip
    sitemaps = "".join(f"<sitemap><loc>{base}{child}</loc></sitemap>" for child in (first, second))
    namespace = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
    routes[index] = (200, XML, f"<sitemapindex {namespace}>{sitemaps}</sitemapindex>".encode())
    routes[first] = (200, XML, f"<urlset {namespace}>{urls}</urlset>".encode())
    routes[second] = (
        200,
        XML,
        f"<urlset {namespace}><url><loc>{page.format(3)}</loc></url></urlset>".encode(),
    )
    for number in (1, 2, 3):
        routes[page.format(number)] = (200, HTML, _fixture("jsonld/job.html", base))
    fixture_server.routes.update(routes)
    db, outcomes, _ = _crawl(fixture_server, tmp_path, [ROWS["jsonld"]], ["jsonld"])
    assert outcomes["jsonld"][1:] == ("ok", "3 pages listed (2 listed locations skipped: no web address)")
    assert {r["url"] for r in db.query("select url from pages")} == {base + page.format(n) for n in (1, 2, 3)}
