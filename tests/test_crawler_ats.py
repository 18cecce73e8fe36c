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

import crawler
from crawler.boards import FeedSpider
from crawler.runner import local_settings, run_crawl
from crawler.sources import load_sources
from crawler.spiders import kinds, spider_class
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
}
UNKNOWN_ROWS = {
    kind: f"Ghost,{kind},{'Ghost' if kind == 'smartrecruiters' else 'ghost'},education,"
    + ("{base}/careers/ghost/sitemap.xml" if kind == "jsonld" else "")
    + ",false"
    for kind in ROWS
}
SECRET = "usajobs-test-key-3f9a"
SETTINGS = {"HN_MONTH": "2026-11", "USAJOBS_API_KEY": SECRET, "USAJOBS_EMAIL": "crawler@example.org"}
SR = "/smartrecruiters/v1/companies/Vantarail/postings"
# What a malformed payload fails a board with, where it is not JSON.
MALFORMED = {"jsonld": "unreadable sitemap", "personio": "not a Personio feed"}
EMPTY_SITEMAP = b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>'

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
    }


def _empty() -> dict[str, Route]:
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
        return _empty()
    if scenario == "malformed":
        return _malformed()
    # Unknown boards: everything else is the server's 404. SmartRecruiters answers an unknown company with an
    # empty list; an unknown Personio slug lands (after a 301) on a marketing page; no thread this month.
    return {
        "/smartrecruiters/v1/companies/Ghost/postings": (200, JSON, _fixture("smartrecruiters/empty.json")),
        "/personio/ghost/xml": (200, HTML, b"<!DOCTYPE html><html><body><h1>Personio</h1></body></html>"),
        "/hn/search": (200, JSON, b'{"hits":[],"nbHits":0,"page":0,"nbPages":0}'),
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


def test_spiders_store_every_page_once(fixture_server, tmp_path: Path) -> None:
    fixture_server.routes.update(_routes("ok", _base(fixture_server)))
    db, outcomes, output = _crawl(
        fixture_server, tmp_path, list(ROWS.values()), SPIDERS, **SETTINGS, LOG_LEVEL="DEBUG"
    )
    pages = {r["source"]: r["n"] for r in db.query("select source, count(*) n from pages group by source")}
    # SmartRecruiters stores the two posting details, not the list; HN the two comment pages.
    assert pages == {**dict.fromkeys(SPIDERS, 1), "smartrecruiters": 2, "hn": 2}
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


INDUSTRIES = {
    "software & internet", "finance & banking", "healthcare & life sciences", "retail & e-commerce",
    "manufacturing & industrial", "media & entertainment", "education", "government & public sector",
    "professional services & consulting", "telecommunications", "energy & utilities",
    "transportation & logistics", "real estate & construction", "hospitality & travel",
}  # fmt: skip


@pytest.mark.parametrize("industry", sorted(INDUSTRIES))
def test_sources_file_has_five_employers_per_industry(industry: str) -> None:
    sources = load_sources(Path(crawler.__file__).parent / "data" / "sources.csv")
    assert len(sources) >= 150
    assert {s.industry for s in sources} == INDUSTRIES
    assert len({s.company for s in sources if s.industry == industry}) >= 5
    # Slugs come from knowledge, not from a live check: none may claim to be verified.
    assert not any(s.verified for s in sources)


def test_sources_file_names_only_crawlable_ats() -> None:
    sources = load_sources(Path(crawler.__file__).parent / "data" / "sources.csv")
    assert {s.ats for s in sources} <= set(SPIDERS) - FEEDS
    assert all(s.url for s in sources if s.ats == "jsonld")
