"""Routing of the demo market: unknown paths are 404s, robots.txt, every crawl request answered."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import pytest

from demo.formats import hn
from demo.market import DemoMarket, build_market

BASE = "http://127.0.0.1:8000"


@cache
def market() -> DemoMarket:
    return build_market()


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
    # details, HN thread search and comment pages, Remotive, RemoteOK, USAJOBS pages; SuccessFactors sitemaps
    # (one an index of two) and pages, iCIMS sitemaps and pages, NEOGOV feeds
    hn_pages = -(-(45 + 5) // hn.PAGE_SIZE)
    platforms = (2 + 2 + 30) + (2 + 30) + 2
    assert len(routes) == 1 + 18 + 280 + 5 + 1 + (4 + 46) + (1 + hn_pages) + 1 + 1 + 2 + platforms
