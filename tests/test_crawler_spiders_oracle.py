"""The Oracle Recruiting Cloud spider: paging by ``TotalJobsCount`` inside the finder, the site number, and
what a missing requisition detail does to the board (local server on 127.0.0.1)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from scrapy.utils.test import get_crawler

import crawler.settings
from crawler.boards import EMPTY, FAILED, OK, SourceParamError
from crawler.runner import local_settings, run_crawl
from crawler.sources import Source
from crawler.spiders.oracle import OracleSpider, site_number
from store import open_db

FIXTURES = Path(__file__).parent / "fixtures" / "oracle"
JSON = "application/json"
URL = "https://ecqz.fa.us2.oraclecloud.com/hcmUI/CandidateExperience/en/sites/CX_1"
ROW = f"County of Marlow,oracle,marlow,government & public sector,{URL},false"
API = "/oracle/ecqz.fa.us2.oraclecloud.com"
PROJECT = {name: value for name, value in vars(crawler.settings).items() if name.isupper()}


def _finder(path: str) -> dict[str, str]:
    """``findReqs;siteNumber=CX_1,limit=1,offset=0`` → its named values (and the finder's name)."""
    finder = parse_qs(urlsplit(path).query)["finder"][0]
    name, _, rest = finder.partition(";")
    return {"name": name, **dict(part.split("=", 1) for part in rest.split(","))}


def _requisitions() -> list[dict[str, Any]]:
    """The list fixture's two requisitions, then a third as the list shows the 3125 detail."""
    listed = json.loads((FIXTURES / "list.json").read_text(encoding="utf-8"))["items"][0]["requisitionList"]
    detail = json.loads((FIXTURES / "3125.json").read_text(encoding="utf-8"))["items"][0]
    keys = ("Id", "Title", "ShortDescriptionStr", "PrimaryLocation", "PrimaryLocationCountry", "WorkplaceType",
            "WorkplaceTypeCode", "secondaryLocations")  # fmt: skip
    third = {key: detail[key] for key in keys} | {"PostedDate": "2026-11-30", "PostingEndDate": None}
    return [*listed, third]


def _listing(total: int, stop_at: int | None = None):  # type: ignore[no-untyped-def]
    """The list search as Oracle answers it: ``TotalJobsCount`` on the first page only (later pages say 0)."""
    requisitions = _requisitions()

    def answer(path: str) -> tuple[int, str, bytes]:
        finder = _finder(path)
        assert (finder["name"], finder["siteNumber"], finder["sortBy"]) == (
            "findReqs",
            "CX_1",
            "POSTING_DATES_DESC",
        )
        offset, limit = int(finder["offset"]), int(finder["limit"])
        page = requisitions[:total][offset : offset + limit] if stop_at is None or offset < stop_at else []
        stated = total if offset == 0 else 0
        search = {"TotalJobsCount": stated, "Offset": offset, "Limit": limit, "requisitionList": page}
        return 200, JSON, json.dumps({"items": [search], "count": 1, "hasMore": False}).encode()

    return answer


def _details(overrides: dict[str, tuple[int, bytes]]):  # type: ignore[no-untyped-def]
    def answer(path: str) -> tuple[int, str, bytes]:
        finder = _finder(path)
        ident = finder["Id"].strip('"')
        assert finder["siteNumber"] == "CX_1"
        status, body = overrides.get(ident, (200, (FIXTURES / f"{ident}.json").read_bytes()))
        return status, JSON, body

    return answer


def _crawl(server: Any, tmp_path: Path, **settings: str) -> tuple[Any, tuple[str, str], list[str]]:
    base = f"http://127.0.0.1:{server.server_address[1]}"
    sources = tmp_path / "sources.csv"
    sources.write_text(f"company,ats,board,industry,url,verified\n{ROW}\n", encoding="utf-8")
    db_path = str(tmp_path / "jobs.db")
    result = run_crawl({**local_settings(base, db_path, str(sources)), **settings}, spiders=["oracle"])
    [line] = [line for line in result.stdout.splitlines() if line.startswith("oracle ")]
    _, _, outcome, detail = line.split(None, 3)
    # The crawl's exit code says whether a board failed (README "Sources").
    assert result.returncode == (1 if outcome == "failed" else 0), result.stderr[-3000:]
    offsets = [
        _finder(p)["offset"] for p in server.requests if p.startswith(f"{API}/recruitingCEJobRequisitions?")
    ]
    return open_db(db_path), (outcome, detail), sorted(offsets)


@pytest.mark.parametrize(
    ("total", "stop_at", "outcome", "offsets", "pages"),
    [
        (2, None, (OK, "2 requisitions listed"), ["0", "1"], 2),  # one per page, to TotalJobsCount
        # Pages after the first state TotalJobsCount 0: the first page's total still holds.
        (3, None, (OK, "3 requisitions listed"), ["0", "1", "2"], 3),
        (0, None, (EMPTY, "0 requisitions"), ["0"], 0),
        # The search window ends before the stated total: the listing is incomplete.
        (5, 1, (FAILED, "incomplete listing: the list stopped at 1 of 5 requisitions"), ["0", "1"], 1),
    ],
)
def test_crawl_pages_by_total_jobs_count(
    fixture_server, tmp_path: Path, total: int, stop_at: int | None, outcome: tuple[str, str],
    offsets: list[str], pages: int,
) -> None:  # fmt: skip
    fixture_server.routes[f"{API}/recruitingCEJobRequisitions"] = (200, JSON, _listing(total, stop_at))
    fixture_server.routes[f"{API}/recruitingCEJobRequisitionDetails"] = (200, JSON, _details({}))
    db, got, requested = _crawl(fixture_server, tmp_path, ORACLE_PAGE_SIZE="1")
    assert (got, requested) == (outcome, offsets)
    assert db["pages"].count == pages


@pytest.mark.parametrize(
    ("detail", "outcome"),
    [
        (
            (200, (FIXTURES / "gone.json").read_bytes()),
            (OK, "2 requisitions listed"),
        ),  # withdrawn: not missing
        ((404, b'{"title": "Not Found"}'), (OK, "2 requisitions listed")),
        ((500, b"{}"), (FAILED, "incomplete listing")),
        ((200, b'{"items": [{"Id": "3117"'), (FAILED, "incomplete listing: requisition detail unusable")),
    ],
)
def test_crawl_missing_detail_fails_the_board_as_incomplete(
    fixture_server, tmp_path: Path, detail: tuple[int, bytes], outcome: tuple[str, str]
) -> None:
    fixture_server.routes[f"{API}/recruitingCEJobRequisitions"] = (200, JSON, _listing(2))
    fixture_server.routes[f"{API}/recruitingCEJobRequisitionDetails"] = (
        200,
        JSON,
        _details({"3117": detail}),
    )
    db, (got, message), _ = _crawl(fixture_server, tmp_path)
    assert got == outcome[0] and message.startswith(outcome[1]), message
    assert db["pages"].count == 1


@pytest.mark.parametrize(
    ("url", "options", "site"),
    [
        (URL, (), "CX_1"),
        (f"{URL}/requisitions", (), "CX_1"),  # the segment after "sites", not the last one
        (f"{URL}/job/3104", (), "CX_1"),
        ("https://ecqz.fa.us2.oraclecloud.com/careers/CX_7", (), "CX_7"),
        (URL, (("site", "CX_2"),), "CX_2"),
    ],
)
def test_site_number_from_the_row(url: str, options: tuple[tuple[str, str], ...], site: str) -> None:
    assert site_number(Source("M", "oracle", "marlow", "", url=url, options=options)) == site


def test_board_without_a_site_fails_naming_it() -> None:
    spider = OracleSpider.from_crawler(get_crawler(OracleSpider, PROJECT))
    source = Source("M", "oracle", "marlow", "", url="https://ecqz.fa.us2.oraclecloud.com")
    with pytest.raises(SourceParamError):
        site_number(source)
    assert spider.first_requests(source) == []
    outcome, detail = spider.board_outcomes["marlow"]
    assert outcome == FAILED and "site number" in detail


def _first_then(first: tuple[int, str, bytes], then: Any):  # type: ignore[no-untyped-def]
    """A route that gives ``first`` once, then what the ``then`` route gives."""
    calls: list[str] = []

    def answer(path: str) -> tuple[int, str, bytes]:
        calls.append(path)
        return first if len(calls) == 1 else then(path)

    return answer


# Oracle's transient answer: a 302 that leads nowhere (the local server sends no Location at all).
BARE_REDIRECT = (302, "text/html", b"")


@pytest.mark.parametrize("target", ["recruitingCEJobRequisitions", "recruitingCEJobRequisitionDetails"])
def test_crawl_asks_again_after_a_bare_redirect(fixture_server, tmp_path: Path, target: str) -> None:
    routes = {"recruitingCEJobRequisitions": _listing(2), "recruitingCEJobRequisitionDetails": _details({})}
    routes[target] = _first_then(BARE_REDIRECT, routes[target])
    for name, answer in routes.items():
        fixture_server.routes[f"{API}/{name}"] = (200, JSON, answer)
    db, got, _ = _crawl(fixture_server, tmp_path)
    assert got == (OK, "2 requisitions listed"), (got, fixture_server.requests)
    assert db["pages"].count == 2


def test_crawl_fails_a_board_whose_list_keeps_redirecting(fixture_server, tmp_path: Path) -> None:
    fixture_server.routes[f"{API}/recruitingCEJobRequisitions"] = BARE_REDIRECT
    _, (outcome, detail), offsets = _crawl(fixture_server, tmp_path)
    assert outcome == FAILED
    assert detail.startswith("the list answered a redirect (HTTP 302, Location ''")
    assert offsets == ["0", "0"]  # asked again once (RETRY_TIMES is 1 on a local crawl)


def test_crawl_fails_a_vanity_host_naming_the_option_it_needs(fixture_server, tmp_path: Path) -> None:
    # A careers site on the employer's own domain: its API gateway answers 405 to the REST API.
    fixture_server.routes[f"{API}/recruitingCEJobRequisitions"] = (405, "text/html", b"Method Not Allowed")
    _, (outcome, detail), _ = _crawl(fixture_server, tmp_path)
    assert outcome == FAILED
    assert detail.startswith("not the Oracle REST API (405)")
    assert "options entry host=" in detail


def test_list_request_goes_to_the_host_an_option_names() -> None:
    spider = OracleSpider.from_crawler(get_crawler(OracleSpider, PROJECT))
    vanity = "https://careers.marlow.example/hcmUI/CandidateExperience/en/sites/CX"
    source = Source(
        "M", "oracle", "marlow", "", url=vanity, options=(("host", "ecqz.fa.us2.oraclecloud.com"),)
    )
    url = spider.list_request(source, 0).url
    assert url.startswith("https://ecqz.fa.us2.oraclecloud.com/hcmRestApi/resources/latest/")
    assert _finder(url)["siteNumber"] == "CX"
