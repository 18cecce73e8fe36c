"""The demo's Oracle Recruiting Cloud format: requisition searches page by ``TotalJobsCount`` and each
detail reads back, through the Oracle reader, as the posting the market planted."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import pytest

from demo.formats import oracle
from demo.market import DemoMarket, build_market
from extract.vendors import read_payload

BASE = "http://127.0.0.1:8000"


@cache
def market() -> DemoMarket:
    return build_market()


def _boards() -> list[str]:
    return [e.board for e in market().employers if e.ats == "oracle"]


def _get(board: str, endpoint: str, finder: str) -> Any:
    return market().respond(
        f"/oracle/{oracle.host_of(board)}/{endpoint}", f"onlyData=true&finder={finder}", BASE
    )


@pytest.mark.parametrize("board", _boards())
def test_search_pages_cover_the_board(board: str) -> None:
    pages = [json.loads(_get(board, "recruitingCEJobRequisitions",
                             f"findReqs;siteNumber=CX_1,limit=10,offset={offset}").body)["items"][0]
             for offset in range(0, 40, 10)]  # fmt: skip
    ids = [r["Id"] for page in pages for r in page["requisitionList"]]
    total = len(market().board_jobs("oracle", board))
    assert len(ids) == len(set(ids)) == total
    # Only the first page states the total, as Oracle's does; a page at another offset says 0.
    assert [page["TotalJobsCount"] for page in pages] == [total, 0, 0, 0]


@pytest.mark.parametrize(
    ("board", "endpoint", "finder", "status"),
    [
        ("ghost", "recruitingCEJobRequisitions", "findReqs;siteNumber=CX_1,limit=10,offset=0", 404),
        (None, "recruitingCEJobRequisitions", "findReqs;siteNumber=CX_9,limit=10,offset=0", 404),
        (None, "recruitingCEJobRequisitionDetails", 'ById;Id="1",siteNumber=CX_9', 404),
        (None, "recruitingCEJobRequisitions", "findReqs;siteNumber=CX_1,limit=ten", 400),
    ],
)
def test_unknown_and_bad_requests(board: str | None, endpoint: str, finder: str, status: int) -> None:
    assert _get(board or _boards()[0], endpoint, finder).status == status


def test_detail_of_no_such_requisition_has_no_item() -> None:
    answer = json.loads(
        _get(_boards()[0], "recruitingCEJobRequisitionDetails", 'ById;Id="1",siteNumber=CX_1').body
    )
    assert answer["items"] == [] and answer["count"] == 0


@pytest.mark.parametrize(
    ("finder", "expected"),
    [
        ("findReqs;siteNumber=CX_1,limit=25,offset=50", ("findReqs", {"siteNumber": "CX_1", "limit": "25", "offset": "50"})),
        ('ById;Id="3104",siteNumber=CX_1', ("ById", {"Id": "3104", "siteNumber": "CX_1"})),
        ("nonsense", ("", {})),
    ],
)  # fmt: skip
def test_finder_values(finder: str, expected: tuple[str, dict[str, str]]) -> None:
    assert oracle.finder_values(finder) == expected


@pytest.mark.parametrize("board", _boards())
def test_details_read_back_as_the_planted_postings(board: str) -> None:
    for job in market().board_jobs("oracle", board):
        p = job.posting
        query = f'expand=all&onlyData=true&finder=ById;Id="{p.source_id}",siteNumber=CX_1'
        path = f"/oracle/{oracle.host_of(board)}/recruitingCEJobRequisitionDetails"
        body = market().respond(path, query, BASE).body.decode()
        [posting] = read_payload("oracle", body, url=f"{BASE}{path}?{query}", board=board, fetched_at="x")
        assert posting.source_id.rsplit("/", 1)[-1] == p.source_id and posting.title == p.title
        assert (posting.posted or "")[:10] == p.posted and posting.remote_hint == p.remote
        assert oracle.board_of(path, query) == board
