"""Paging that never ends fails its board (``BoardSpider.next_page``): a repeated page, the page cap, a total
beyond any employer's. Served on 127.0.0.1; every case would page forever without the guard."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from crawler.boards import page_mark, paging_problem
from store import open_db

FIXTURES = Path(__file__).parent / "fixtures"
JSON = "application/json"
LEVER_ROW = "Northpine,lever,northpine,energy & utilities,,false"
LEVER = "/lever/v0/postings/northpine"
SR_ROW = "Vantarail,smartrecruiters,Vantarail,transportation & logistics,,false"
SR = "/smartrecruiters/v1/companies/Vantarail/postings"
LEVER_JOB = json.loads((FIXTURES / "lever" / "page.json").read_bytes())[0]
SR_LIST = json.loads((FIXTURES / "smartrecruiters" / "list.json").read_bytes())
SR_DETAIL = (FIXTURES / "smartrecruiters" / "744000012345678.json").read_bytes()


def _query(path: str, name: str) -> int:
    return int(parse_qs(urlsplit(path).query)[name][0])


def _lever_page(kind: str) -> Any:
    """A Lever board that always returns a full page (size 1): the same page, new ids, or the same ids."""

    def page(path: str) -> tuple[int, str, bytes]:
        skip = _query(path, "skip")
        job = dict(LEVER_JOB)
        if kind == "new-ids":
            job["id"] = f"job-{skip}"
        if kind == "same-ids":
            job["createdAt"] = skip  # the body changes, the posting does not
        return 200, JSON, json.dumps([job]).encode()

    return page


def _outcome(tmp_path: Path, board: str) -> tuple[str, str]:
    db = open_db(str(tmp_path / "jobs.db"))
    row = db.execute("select outcome, detail from board_runs where board = ?", [board]).fetchone()
    return row[0], row[1]


@pytest.mark.parametrize(
    ("kind", "pages", "reason"),
    [
        ("same-page", 2, "page 2 repeats page 1 (same content)"),
        ("same-ids", 2, "page 2 repeats page 1 (same postings)"),
        ("new-ids", 5, "5 pages, the most a board may have (JOBPULSE_MAX_PAGES_PER_BOARD = 5)"),
    ],
)
def test_next_page_stops_a_lever_board_that_never_ends(
    fixture_server, local_crawl, tmp_path: Path, kind: str, pages: int, reason: str
) -> None:
    fixture_server.routes[LEVER] = (200, JSON, _lever_page(kind))
    result = local_crawl([LEVER_ROW], ["lever"], LEVER_PAGE_SIZE="1", JOBPULSE_MAX_PAGES_PER_BOARD="5")
    assert result.returncode == 1, result.stderr[-2000:]
    outcome, detail = _outcome(tmp_path, "northpine")
    assert outcome == "failed" and reason in detail, detail
    assert sum(1 for p in fixture_server.requests if p.startswith(LEVER)) == pages
    assert "northpine" in result.stdout and "failed" in result.stdout


def _sr_list(total: int, *, repeat: bool) -> Any:
    """A SmartRecruiters list of one posting a page claiming ``total``: the same page, or a new id each page."""

    def page(path: str) -> tuple[int, str, bytes]:
        offset = _query(path, "offset")
        posting = dict(SR_LIST["content"][0])
        if not repeat:
            posting["id"] = str(744000012345678 + offset)
        return (
            200,
            JSON,
            json.dumps({"offset": offset, "limit": 1, "totalFound": total, "content": [posting]}).encode(),
        )

    return page


@pytest.mark.parametrize(
    ("total", "repeat", "reason"),
    [
        (10**12, False, "stated total 1,000,000,000,000"),
        (99_999, True, "page 2 repeats page 1"),
        (99_999, False, "JOBPULSE_MAX_PAGES_PER_BOARD = 5"),
    ],
)
def test_next_page_stops_a_smartrecruiters_board_that_never_ends(
    fixture_server, local_crawl, tmp_path: Path, total: int, repeat: bool, reason: str
) -> None:
    fixture_server.routes[SR] = (200, JSON, _sr_list(total, repeat=repeat))
    fixture_server.routes.update({f"{SR}/{744000012345678 + n}": (200, JSON, SR_DETAIL) for n in range(10)})
    result = local_crawl(
        [SR_ROW], ["smartrecruiters"], SMARTRECRUITERS_PAGE_SIZE="1", JOBPULSE_MAX_PAGES_PER_BOARD="5"
    )
    assert result.returncode == 1, result.stderr[-2000:]
    outcome, detail = _outcome(tmp_path, "Vantarail")
    assert outcome == "failed" and reason in detail, detail
    assert sum(1 for p in fixture_server.requests if urlsplit(p).path == SR) <= 5


def test_next_page_lets_a_board_that_ends_be_ok(fixture_server, local_crawl, tmp_path: Path) -> None:
    jobs = json.loads((FIXTURES / "lever" / "page.json").read_bytes())

    def page(path: str) -> tuple[int, str, bytes]:
        skip = _query(path, "skip")
        return 200, JSON, json.dumps(jobs[skip : skip + 1]).encode()

    fixture_server.routes[LEVER] = (200, JSON, page)
    result = local_crawl([LEVER_ROW], ["lever"], LEVER_PAGE_SIZE="1", JOBPULSE_MAX_PAGES_PER_BOARD="3")
    assert result.returncode == 0, result.stderr[-2000:]
    assert _outcome(tmp_path, "northpine") == ("ok", "2 jobs")


A, B, C = page_mark(b"a", ["1"]), page_mark(b"b", ["2"]), page_mark(b"c", ["1"])


@pytest.mark.parametrize(
    ("marks", "mark", "cap", "problem"),
    [
        ((), A, 5, ""),
        ((A,), B, 5, ""),
        ((A, B), page_mark(b"a", ["9"]), 5, "page 3 repeats page 1 (same content)"),
        ((A, B), C, 5, "page 3 repeats page 1 (same postings)"),
        ((A,), page_mark(b"x", []), 5, ""),  # a page without ids is compared by content only
        ((page_mark(b"y", []),), page_mark(b"x", []), 5, ""),
        (
            (A, B),
            page_mark(b"d", ["4"]),
            3,
            "3 pages, the most a board may have (JOBPULSE_MAX_PAGES_PER_BOARD = 3)",
        ),
        ((A, B), page_mark(b"d", ["4"]), 0, ""),  # 0: no cap
    ],
)
def test_paging_problem_names_why_paging_stops(
    marks: tuple[tuple[str, str], ...], mark: tuple[str, str], cap: int, problem: str
) -> None:
    assert paging_problem(marks, mark, cap) == problem


@pytest.mark.parametrize(
    ("ids", "same"), [(["1", "2"], ["2", "1"]), ([1, 2], ["1", "2"]), (["1", "1"], ["1"])]
)
def test_page_mark_ids_ignore_order_and_type(ids: list[Any], same: list[Any]) -> None:
    assert page_mark(b"", ids)[1] == page_mark(b"x", same)[1] != ""
