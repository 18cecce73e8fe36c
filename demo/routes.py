"""HTTP routing of the demo market: every format module's routes, plus the site's ``robots.txt``.

The routes are gathered from ``demo.formats`` (one module per source kind), so a new kind serves as soon
as its module exists. ``crawl_responses`` answers every request the spiders would make, for the offline
store and the tests.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING
from urllib.parse import parse_qs

from demo.formats import FORMATS, crawl_headers
from demo.model import TEXT_TYPE, Response
from demo.web import Request

if TYPE_CHECKING:
    from demo.market import DemoMarket


def _robots(market: DemoMarket, request: Request) -> Response:
    lines = ["User-agent: *", "Allow: /", ""]
    lines += [
        f"Sitemap: {url}"
        for module in FORMATS.values()
        if hasattr(module, "sitemaps")
        for url in module.sitemaps(market, request.base)
    ]
    return Response(200, TEXT_TYPE, ("\n".join(lines) + "\n").encode("utf-8"))


ROUTES: list[tuple[re.Pattern[str], Callable[..., Response]]] = [
    (re.compile(r"/robots\.txt"), _robots),
    *((re.compile(pattern), handler) for module in FORMATS.values() for pattern, handler in module.ROUTES),
]
# Paths whose pages differ only by query: ``crawl_responses`` keys them with it.
PAGED = [re.compile(module.PAGED) for module in FORMATS.values() if hasattr(module, "PAGED")]


def respond(market: DemoMarket, path: str, query: str, base_url: str, headers: Mapping[str, str]) -> Response:
    """The market's response to ``GET path?query`` with request ``headers`` on a server at ``base_url``."""
    params = {k: v[-1] for k, v in parse_qs(query, keep_blank_values=True).items()}
    request = Request(base_url.rstrip("/"), params, {k.lower(): v for k, v in headers.items()})
    for pattern, handler in ROUTES:
        match = pattern.fullmatch(path)
        if match:
            response: Response = handler(market, request, *match.groups())
            return response
    return Response(404, TEXT_TYPE, b"not found\n")


def crawl_requests(market: DemoMarket) -> list[tuple[str, str]]:
    """Every ``(path, query)`` a crawl of the market requests: each employer's boards, then each feed."""
    requests = [("/robots.txt", "")]
    for e in market.employers:
        if not e.feed:
            requests += FORMATS[e.ats].requests(market, e.board)
    # A feed lists many employers' jobs on one implicit board: requested once.
    for kind, board in sorted({(e.ats, e.board) for e in market.employers if e.feed}):
        requests += FORMATS[kind].requests(market, board)
    return requests


def crawl_responses(market: DemoMarket, base_url: str) -> dict[str, Response]:
    """Every response a crawl gets, keyed by path (with the query for paged and search endpoints)."""
    headers = crawl_headers()
    return {
        f"{path}?{query}" if paged(path) else path: respond(market, path, query, base_url, headers)
        for path, query in crawl_requests(market)
    }


def paged(path: str) -> bool:
    return any(pattern.fullmatch(path) for pattern in PAGED)
