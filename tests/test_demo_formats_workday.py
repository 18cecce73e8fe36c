"""The demo's Workday format: the list search answers like CXS (paging, facets, the cap) and each detail
reads back, through the Workday reader, as the posting the market planted."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import pytest

from demo.formats import workday
from demo.market import DemoMarket, build_market
from extract.vendors import read_payload

BASE = "http://127.0.0.1:8000"


@cache
def market() -> DemoMarket:
    return build_market()


def _boards() -> list[str]:
    return [e.board for e in market().employers if e.ats == "workday"]


def _search(board: str, offset: int = 0, limit: int = 20, applied: dict[str, Any] | None = None) -> Any:
    query = f"offset={offset}&limit={limit}&appliedFacets={json.dumps(applied or {})}&searchText="
    return market().respond(f"/workday/{workday.host_of(board)}/{board}/Careers/jobs", query, BASE)


@pytest.mark.parametrize("board", _boards())
def test_search_pages_cover_the_board_with_total_on_the_first_page(board: str) -> None:
    pages = [json.loads(_search(board, offset).body) for offset in range(0, 60, 20)]
    paths = [p["externalPath"] for page in pages for p in page["jobPostings"]]
    assert pages[0]["total"] == len(paths) == len(set(paths)) == len(market().board_jobs("workday", board))
    assert [page["total"] for page in pages[1:]] == [0, 0]  # later pages state no total


@pytest.mark.parametrize("board", _boards())
def test_search_facets_narrow_the_board(board: str) -> None:
    facets = json.loads(_search(board).body)["facets"]
    [locations] = facets[0]["values"]  # inside the locationMainGroup wrapper
    assert locations["facetParameter"] == "locations"
    for value in locations["values"]:
        answer = json.loads(_search(board, applied={"locations": [value["id"]]}).body)
        assert answer["total"] == value["count"] > 0


def test_search_stops_at_the_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    board = _boards()[0]
    monkeypatch.setattr(workday, "CAP", 5)
    first, past = (json.loads(_search(board, offset, limit=5).body) for offset in (0, 5))
    assert first["total"] == 5 and past["jobPostings"] == first["jobPostings"]  # past it: page one again
    assert sum(v["count"] for v in first["facets"][2]["values"]) > 5  # facet counts are not capped


@pytest.mark.parametrize(
    ("path", "query", "status"),
    [
        ("/workday/ghost.wd5.myworkdayjobs.com/ghost/Careers/jobs", "offset=0&limit=20", 422),
        ("/workday/{host}/{board}/External/jobs", "offset=0&limit=20", 422),
        ("/workday/{host}/{board}/Careers/jobs", "offset=0&limit=21", 400),
        ("/workday/{host}/{board}/Careers/job/Nowhere/Nothing_R-1", "", 404),
    ],
)
def test_unknown_and_bad_requests(path: str, query: str, status: int) -> None:
    board = _boards()[0]
    path = path.format(host=workday.host_of(board), board=board)
    assert market().respond(path, query, BASE).status == status


@pytest.mark.parametrize("board", _boards())
def test_details_read_back_as_the_planted_postings(board: str) -> None:
    for job in market().board_jobs("workday", board):
        path = f"/workday/{workday.host_of(board)}/{board}/Careers{workday.external_path(job)}"
        response = market().respond(path, "", BASE)
        [posting] = read_payload(
            "workday", response.body.decode(), url=BASE + path, board=board, fetched_at="x"
        )
        p = job.posting
        assert (posting.source_id, posting.title, posting.posted) == (p.source_id, p.title, p.posted)
        assert (posting.company, posting.location, posting.remote_hint) == (p.company, p.location, p.remote)
        assert workday.board_of(path, "") == board
