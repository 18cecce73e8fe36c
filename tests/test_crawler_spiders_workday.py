"""The Workday spider's paging and its 2,000-result cap: a query that reaches the cap is split by a facet.

The crawls run against a local server on 127.0.0.1 that answers like Workday's CXS list: ``total`` only on
the first page, at most ``cap`` postings per query (past it, page one again), facet counts not capped,
``locations`` nested in a ``locationMainGroup`` wrapper.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from scrapy.http import JsonRequest, Request, TextResponse
from scrapy.utils.test import get_crawler

import crawler.settings
from crawler.boards import FAILED, OK
from crawler.runner import local_settings, run_crawl
from crawler.sources import Source
from crawler.spiders.workday import (
    Facet,
    WorkdaySpider,
    careers_params,
    describe,
    flat_facets,
    split_facet,
)
from store import open_db

FIXTURES = Path(__file__).parent / "fixtures" / "workday"
JSON = "application/json"
ROW = "Harborview Health,workday,harborview,healthcare & life sciences,https://harborview.wd5.myworkdayjobs.com/en-US/Careers,false"
API = "/workday/harborview.wd5.myworkdayjobs.com/harborview/Careers"
SOURCE = Source(
    "Harborview Health",
    "workday",
    "harborview",
    "",
    url="https://harborview.wd5.myworkdayjobs.com/en-US/Careers",
)
PROJECT = {name: value for name, value in vars(crawler.settings).items() if name.isupper()}
LOCATIONS = {"loc-springfield": "Springfield, IL", "loc-decatur": "Decatur, IL", "loc-peoria": "Peoria, IL"}
TIME_TYPES = {"tt-full": "Full time", "tt-part": "Part time"}


def _board(spread: list[tuple[str, str]]) -> list[dict[str, str]]:
    """Postings, one per (location id, time type id)."""
    return [{"path": f"/job/IL/Posting-{n}_R-{20000 + n}", "locations": loc, "timeType": tt, "n": str(n)}
            for n, (loc, tt) in enumerate(spread)]  # fmt: skip


def _facet(name: str, names: dict[str, str], postings: list[dict[str, str]]) -> dict[str, Any]:
    values = [{"descriptor": label, "id": key, "count": sum(p[name] == key for p in postings)}
              for key, label in names.items()]  # fmt: skip
    return {"facetParameter": name, "descriptor": name, "values": [v for v in values if v["count"]]}


def _list_answer(board: list[dict[str, str]], cap: int, facets: bool = True, clamp: bool = True):  # type: ignore[no-untyped-def]
    """The list search; ``clamp`` False answers like a tenant that states its real total past the cap."""

    def answer(path: str, posted: bytes) -> tuple[int, str, bytes]:
        query = json.loads(posted)
        applied = query["appliedFacets"]
        matching = [p for p in board if all(p[name] in ids for name, ids in applied.items())]
        offset = query["offset"] if query["offset"] < cap else 0  # past the cap: page one again
        limit = query["limit"]
        assert limit <= 20
        page = matching[: min(len(matching), cap)][offset : offset + limit]
        data = {
            "total": (min(len(matching), cap) if clamp else len(matching)) if query["offset"] == 0 else 0,
            "jobPostings": [{"title": f"Posting {p['n']}", "externalPath": p["path"], "locationsText": "IL",
                             "postedOn": "Posted 3 Days Ago", "bulletFields": [f"R-{p['n']}"]} for p in page],
            "facets": [
                {"facetParameter": "locationMainGroup", "values": [_facet("locations", LOCATIONS, matching)]},
                _facet("timeType", TIME_TYPES, matching),
            ] if facets else [],
        }  # fmt: skip
        return 200, JSON, json.dumps(data).encode()

    return answer


def _detail(n: str) -> bytes:
    data = json.loads((FIXTURES / "R-10421.json").read_text(encoding="utf-8"))
    data["jobPostingInfo"] |= {"id": f"wid-{n}", "title": f"Posting {n}", "jobReqId": f"R-{n}"}
    return json.dumps(data).encode()


def _crawl(
    server: Any, tmp_path: Path, board: list[dict[str, str]], **settings: str
) -> tuple[Any, tuple[str, str]]:
    base = f"http://127.0.0.1:{server.server_address[1]}"
    for posting in board:
        server.routes.setdefault(f"{API}{posting['path']}", (200, JSON, _detail(posting["n"])))
    sources = tmp_path / "sources.csv"
    sources.write_text(f"company,ats,board,industry,url,verified\n{ROW}\n", encoding="utf-8")
    db_path = str(tmp_path / "jobs.db")
    result = run_crawl({**local_settings(base, db_path, str(sources)), **settings}, spiders=["workday"])
    [line] = [line for line in result.stdout.splitlines() if line.startswith("workday ")]
    _, _, outcome, detail = line.split(None, 3)
    # The crawl's exit code says whether a board failed (README "Sources").
    assert result.returncode == (1 if outcome == "failed" else 0), result.stderr[-3000:]
    return open_db(db_path), (outcome, detail)


def _lists(server: Any) -> int:
    return sum(1 for path in server.requests if path == f"{API}/jobs")


def test_crawl_pages_to_the_end_by_the_first_page_total(fixture_server, tmp_path: Path) -> None:
    board = _board([("loc-springfield", "tt-full")] * 5)
    fixture_server.routes[f"{API}/jobs"] = (200, JSON, _list_answer(board, cap=2000))
    db, outcome = _crawl(fixture_server, tmp_path, board, WORKDAY_PAGE_SIZE="2")
    assert outcome == (OK, "5 postings listed")
    assert _lists(fixture_server) == 3  # offsets 0, 2, 4: later pages say total 0, the first page's holds
    assert db["pages"].count == 5  # the details, not the list pages


def test_crawl_splits_a_capped_query_by_facets_until_each_part_is_under_the_cap(
    fixture_server, tmp_path: Path
) -> None:
    # 9 postings, cap 4: Springfield alone (5) is still capped, so it is split again, by time type.
    spread = [("loc-springfield", "tt-full")] * 3 + [("loc-springfield", "tt-part")] * 2
    board = _board(spread + [("loc-decatur", "tt-full")] * 2 + [("loc-peoria", "tt-part")] * 2)
    fixture_server.routes[f"{API}/jobs"] = (200, JSON, _list_answer(board, cap=4))
    db, outcome = _crawl(fixture_server, tmp_path, board, WORKDAY_PAGE_SIZE="2", WORKDAY_RESULT_CAP="4")
    # The whole board, then Springfield, Decatur, Peoria, then Springfield full time and part time. On a
    # failure, the whole outcome and what the server saw.
    assert outcome == (OK, "9 postings listed in 6 queries split by facets"), (
        outcome,
        fixture_server.requests,
    )
    assert db["pages"].count == 9


def test_crawl_fails_a_board_whose_facets_leave_postings_without_a_value(
    fixture_server, tmp_path: Path
) -> None:
    # The last posting has neither a location nor a time type: no facet query can reach it. (A tenant that
    # states its real total shows it; one that states 2,000 hides it in the facet counts too.)
    board = _board([("loc-springfield", "tt-full")] * 2 + [("loc-decatur", "tt-part")] * 2 + [("", "")])
    fixture_server.routes[f"{API}/jobs"] = (200, JSON, _list_answer(board, cap=4, clamp=False))
    db, (outcome, detail) = _crawl(
        fixture_server, tmp_path, board, WORKDAY_PAGE_SIZE="2", WORKDAY_RESULT_CAP="4"
    )
    assert outcome == FAILED
    assert detail.startswith(
        "incomplete listing (4 postings listed in 3 queries split by facets): the whole board: "
    )
    assert detail.endswith("1 of 5 postings have no locations") or detail.endswith(
        "1 of 5 postings have no timeType"
    )
    assert db["pages"].count == 4


def test_crawl_fails_a_capped_board_it_cannot_split_saying_what_is_out_of_reach(
    fixture_server, tmp_path: Path
) -> None:
    board = _board([("loc-springfield", "tt-full")] * 6)
    fixture_server.routes[f"{API}/jobs"] = (200, JSON, _list_answer(board, cap=4, facets=False))
    db, (outcome, detail) = _crawl(
        fixture_server, tmp_path, board, WORKDAY_PAGE_SIZE="2", WORKDAY_RESULT_CAP="4"
    )
    assert outcome == FAILED
    assert detail == ("incomplete listing (4 postings listed): the whole board: 4 postings, "
                      "no facet left to split by (first 4 listed)")  # fmt: skip
    assert db["pages"].count == 4  # what could be reached is still stored


@pytest.mark.parametrize(
    ("status", "body", "outcome", "pages"),
    [
        (404, b'{"error": "not found"}', (OK, "2 postings listed"), 1),  # closed since the list: not missing
        (500, b'{"error": "server"}', (FAILED, "incomplete listing"), 1),
        (
            200,
            b'{"jobPostingInfo": null}',
            (FAILED, "incomplete listing: posting detail unusable (HTTP 200)"),
            1,
        ),
        # Workday's answer for a requisition closed or unlisted since the list: gone, not missing.
        (403, (FIXTURES / "closed.json").read_bytes(), (OK, "2 postings listed"), 1),
        # Any other 403 (a block, another error) is no such answer.
        (403, b'{"errorCode": "S21", "message": "rate limited"}', (FAILED, "incomplete listing"), 1),
        (403, b"<html>blocked</html>", (FAILED, "incomplete listing"), 1),
    ],
)
def test_crawl_missing_detail_fails_the_board_as_incomplete(
    fixture_server, tmp_path: Path, status: int, body: bytes, outcome: tuple[str, str], pages: int
) -> None:
    board = _board([("loc-springfield", "tt-full")] * 2)
    fixture_server.routes[f"{API}/jobs"] = (200, JSON, _list_answer(board, cap=2000))
    fixture_server.routes[f"{API}{board[1]['path']}"] = (status, JSON, body)
    db, (got, detail) = _crawl(fixture_server, tmp_path, board)
    assert got == outcome[0] and detail.startswith(outcome[1]), detail
    assert db["pages"].count == pages


def _first_page(total: int, facets: list[Any]) -> TextResponse:
    body = {"total": total, "jobPostings": [{"title": "T", "externalPath": "/job/X/T_R-1"}], "facets": facets}
    request = Request("https://harborview.wd5.myworkdayjobs.com/wday/cxs/harborview/Careers/jobs")
    return TextResponse(request.url, body=json.dumps(body).encode(), encoding="utf-8", request=request)


FACETS = [
    {"facetParameter": "locationMainGroup", "values": [
        {"facetParameter": "locations", "values": [{"id": "a", "count": 1500}, {"id": "b", "count": 900}]}]},
    {"facetParameter": "jobFamilyGroup", "values": [{"id": "n", "count": 2400}]},
]  # fmt: skip


@pytest.mark.parametrize(
    ("total", "lists", "pending", "details"),
    [
        # At the cap: one query per location, run one after another (the rest carried along).
        (2000, [{"locations": ["a"]}], ({"locations": ["b"]},), 0),
        (1999, [{}], (), 1),  # under it: this page's posting, then the next page
    ],
)
def test_parse_list_splits_at_the_2000_cap(
    total: int, lists: list[dict[str, Any]], pending: tuple[dict[str, Any], ...], details: int
) -> None:
    spider = WorkdaySpider.from_crawler(get_crawler(WorkdaySpider, PROJECT))
    assert spider.settings.getint("WORKDAY_RESULT_CAP") == 2000
    [first] = spider.first_requests(SOURCE)
    out = list(spider.parse_list(_first_page(total, FACETS), **first.cb_kwargs))
    posts = [r for r in out if isinstance(r, JsonRequest)]
    assert [json.loads(r.body)["appliedFacets"] for r in posts] == lists
    assert all(json.loads(r.body)["limit"] == 20 for r in posts)
    assert posts[0].cb_kwargs["progress"].pending == pending
    assert sum(1 for r in out if r.method == "GET") == details


@pytest.mark.parametrize(
    ("applied", "total", "parameter"),
    [
        ({}, 2400, "locations"),  # covers the board with the smallest largest value
        ({"locations": ["a"]}, 1500, "jobFamilyGroup"),  # a facet does not split itself again
        ({"locations": ["a"], "jobFamilyGroup": ["n"]}, 1500, None),
    ],
)
def test_split_facet_picks_an_unapplied_facet(
    applied: dict[str, list[str]], total: int, parameter: str | None
) -> None:
    facet = split_facet(flat_facets(FACETS), applied, total)
    assert (facet.parameter if facet else None) == parameter


def test_split_facet_prefers_a_facet_that_covers_the_query() -> None:
    partial = Facet("jobFamilyGroup", (("x", 10), ("y", 10)))
    whole = Facet("locations", (("a", 1990), ("b", 1990)))
    assert split_facet([partial, whole], {}, 3980) == whole


@pytest.mark.parametrize(
    ("raw", "facets"),
    [
        (FACETS, [Facet("locations", (("a", 1500), ("b", 900))), Facet("jobFamilyGroup", (("n", 2400),))]),
        ([{"facetParameter": "timeType", "values": [{"descriptor": "no id", "count": 3}]}], []),
        ("facets", []),
        ([None, {"facetParameter": "x"}], []),
    ],
)
def test_flat_facets_opens_wrappers_and_skips_junk(raw: Any, facets: list[Facet]) -> None:
    assert flat_facets(raw) == facets


@pytest.mark.parametrize(
    ("applied", "text"),
    [({}, "the whole board"), ({"locations": ["a"], "timeType": ["f", "p"]}, "locations=a, timeType=f,p")],
)
def test_describe_names_the_query(applied: dict[str, list[str]], text: str) -> None:
    assert describe(applied) == text


def _first_then(first: tuple[int, str, bytes], then: Any):  # type: ignore[no-untyped-def]
    """A route that gives ``first`` once, then what the ``then`` route gives."""
    calls: list[str] = []

    def answer(path: str, *posted: bytes) -> tuple[int, str, bytes]:
        calls.append(path)
        return first if len(calls) == 1 else then(path, *posted)

    return answer


HTML_200 = (200, "text/html", b"<html><body>Workday is currently unavailable.</body></html>")


@pytest.mark.parametrize(
    ("target", "first"),
    [
        ("detail", HTML_200),
        ("detail", (200, JSON, b"")),
        ("detail", (303, "text/html", b"")),  # a redirect that leads nowhere (no Location)
        ("list", (303, "text/html", b"")),
        ("list", HTML_200),  # a maintenance page
        ("list", (200, JSON, b"null")),
    ],
)
def test_crawl_asks_again_after_a_transient_answer(
    fixture_server, tmp_path: Path, target: str, first: tuple[int, str, bytes]
) -> None:
    board = _board([("loc-springfield", "tt-full")] * 2)
    listing = _list_answer(board, cap=2000)
    fixture_server.routes[f"{API}/jobs"] = (
        200,
        JSON,
        _first_then(first, listing) if target == "list" else listing,
    )
    if target == "detail":
        again = _first_then(first, lambda path: (200, JSON, _detail("1")))
        fixture_server.routes[f"{API}{board[1]['path']}"] = (200, JSON, again)
    db, outcome = _crawl(fixture_server, tmp_path, board)
    assert outcome == (OK, "2 postings listed"), (outcome, fixture_server.requests)
    assert db["pages"].count == 2


def test_crawl_fails_a_board_whose_list_keeps_redirecting(fixture_server, tmp_path: Path) -> None:
    board = _board([("loc-springfield", "tt-full")] * 2)
    fixture_server.routes[f"{API}/jobs"] = (303, "text/html", b"")
    _, (outcome, detail) = _crawl(fixture_server, tmp_path, board)
    assert outcome == FAILED
    assert detail.startswith("the list answered a redirect (HTTP 303, Location ''")
    assert _lists(fixture_server) == 2  # asked again once (RETRY_TIMES is 1 on a local crawl)


def test_crawl_skips_a_listed_stub_without_an_external_path(fixture_server, tmp_path: Path) -> None:
    fixture_server.routes[f"{API}/jobs"] = (200, JSON, (FIXTURES / "list-with-stub.json").read_bytes())
    for name in ("R-10421", "R-10588"):
        listed = json.loads((FIXTURES / "list.json").read_text(encoding="utf-8"))["jobPostings"]
        [path] = [p["externalPath"] for p in listed if p["externalPath"].endswith(name)]
        fixture_server.routes[f"{API}{path}"] = (200, JSON, (FIXTURES / f"{name}.json").read_bytes())
    db, outcome = _crawl(fixture_server, tmp_path, [])
    assert outcome == (OK, "2 postings listed")
    assert db["pages"].count == 2


@pytest.mark.parametrize(
    ("url", "host", "tenant", "site"),
    [
        ("https://harborview.wd5.myworkdayjobs.com/en-US/Careers", "harborview.wd5.myworkdayjobs.com",
         "harborview", "Careers"),
        ("https://citi.wd5.myworkdayjobs.com/2", "citi.wd5.myworkdayjobs.com", "citi", "2"),
        ("https://acme.wd1.myworkdayjobs.com/External/", "acme.wd1.myworkdayjobs.com", "acme", "External"),
        # A language segment other than en-US, and pages of the site after it, are not the site.
        ("https://acme.wd3.myworkdayjobs.com/de-DE/Acme_Careers", "acme.wd3.myworkdayjobs.com", "acme",
         "Acme_Careers"),
        ("https://acme.wd3.myworkdayjobs.com/en-US/Acme/jobs", "acme.wd3.myworkdayjobs.com", "acme", "Acme"),
        ("https://acme.wd12.myworkdayjobs.com/External/job/Boston-MA/Nurse_R-1",
         "acme.wd12.myworkdayjobs.com", "acme", "External"),
        # Workday's shared host: the tenant is in the path.
        ("https://wd1.myworkdaysite.com/recruiting/harborview/Careers", "wd1.myworkdaysite.com", "harborview",
         "Careers"),
        ("https://wd3.myworkdaysite.com/en-US/recruiting/harborview/Careers/job/IL/Nurse_R-1",
         "wd3.myworkdaysite.com", "harborview", "Careers"),
    ],
)  # fmt: skip
def test_api_reads_host_tenant_and_site_as_workday_spells_them(
    url: str, host: str, tenant: str, site: str
) -> None:
    assert careers_params(url) == {"host": host, "tenant": tenant, "site": site}
    spider = WorkdaySpider.from_crawler(get_crawler(WorkdaySpider, PROJECT))
    source = Source("H", "workday", "harborview", "", url=url)
    assert spider.api(source) == f"https://{host}/wday/cxs/{tenant}/{site}"


def test_api_options_override_what_the_url_gives() -> None:
    spider = WorkdaySpider.from_crawler(get_crawler(WorkdaySpider, PROJECT))
    url = "https://wd1.myworkdaysite.com/recruiting/harborview/Careers"
    source = Source("H", "workday", "harborview", "", url=url, options=(("site", "Internal"),))
    assert spider.api(source) == "https://wd1.myworkdaysite.com/wday/cxs/harborview/Internal"
