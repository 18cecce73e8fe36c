"""What a board sends instead of a payload is named in its failure: a JSON ``null`` is no "redirect loop", a
binary detail no crash."""

from __future__ import annotations

from pathlib import Path

import pytest
from scrapy import Request
from scrapy.http import Response, TextResponse
from scrapy.utils.test import get_crawler

import crawler.settings
from crawler.boards import FAILED
from crawler.sources import Source
from crawler.spiders import spider_class
from store import open_db

PROJECT = {name: value for name, value in vars(crawler.settings).items() if name.isupper()}

JSON = "application/json"


@pytest.mark.parametrize(
    ("row", "path"),
    [
        ("A,greenhouse,acme,education,,false", "/greenhouse/v1/boards/acme/jobs"),
        ("A,lever,acme,education,,false", "/lever/v0/postings/acme"),
        ("A,ashby,acme,education,,false", "/ashby/posting-api/job-board/acme"),
        ("A,smartrecruiters,acme,education,,false", "/smartrecruiters/v1/companies/acme/postings"),
    ],
)
def test_json_null_fails_the_board_as_a_null_payload(
    fixture_server, local_crawl, tmp_path: Path, row: str, path: str
) -> None:
    fixture_server.routes[path] = (200, JSON, b"null")
    spider = row.split(",")[1]
    result = local_crawl([row], [spider])
    assert result.returncode == 1
    outcome, detail = (
        open_db(str(tmp_path / "jobs.db")).execute("select outcome, detail from board_runs").fetchone()
    )
    assert outcome == "failed" and detail.startswith("null payload (JSON null) from http://127.0.0.1"), detail
    assert "redirect loop" not in detail


@pytest.mark.parametrize(
    ("kind", "callback"),
    [("bamboohr", "parse_detail"), ("oracle", "parse_detail"), ("breezy", "parse_job_page")],
)
def test_a_detail_answering_binary_fails_the_board_naming_it(kind: str, callback: str) -> None:
    # A 200 with a binary body reaches the callback as a plain Response (no text): the detail is unusable,
    # which leaves the listing incomplete; it raised AttributeError and left the board "ok".
    spider = spider_class(kind).from_crawler(get_crawler(spider_class(kind), PROJECT))
    source = Source(company="Acme", ats=kind, board="acme", industry="education")
    url = "https://acme.example/detail/7"
    response = Response(url, status=200, body=b"\x1f\x8b\x08\x00binary", request=Request(url))
    assert list(getattr(spider, callback)(response, source)) == []
    outcome, detail = spider.board_outcomes["acme"]
    assert outcome == FAILED and url in detail and "incomplete" in detail, detail


@pytest.mark.parametrize("hits", ["5", "true", '"none"', '{"title": "x"}'])
def test_hn_search_whose_hits_are_no_list_fails_the_board(hits: str) -> None:
    # It raised TypeError iterating a number; now the thread is not found, and the board says so.
    spider = spider_class("hn").from_crawler(get_crawler(spider_class("hn"), PROJECT), month="2026-11")
    source = Source(company="Hacker News", ats="hn", board="2026-11", industry="technology")
    url = "https://hn.example/search"
    body = f'{{"hits": {hits}}}'.encode()
    response = TextResponse(url, status=200, body=body, encoding="utf-8", request=Request(url))
    assert list(spider.parse_thread(response, source)) == []
    outcome, detail = spider.board_outcomes["2026-11"]
    assert outcome == FAILED and "no thread titled" in detail, detail
