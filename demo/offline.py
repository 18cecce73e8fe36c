"""The demo market's payloads stored as pages without a crawl: for benchmarks and crash tests.

A real crawl (``extract demo``) goes through Scrapy; this writes exactly what that crawl would store for
each board endpoint and job page, so extraction can be exercised at any size without a server.
"""

from __future__ import annotations

import sqlite_utils

from demo.formats import FORMATS
from demo.market import DemoMarket
from store.boards import upsert_boards
from store.pages import save_page

BASE_URL = "http://127.0.0.1:8765"


def _source_of(key: str) -> tuple[str, str] | None:
    """(source, board) of a served page (a ``routes()`` key), or None for what a crawl does not store:
    robots.txt, sitemaps, list and search pages. Each format module's ``board_of`` decides."""
    path, _, query = key.partition("?")
    for kind, module in FORMATS.items():
        board = module.board_of(path, query)
        if board is not None:
            return kind, str(board)
    return None


def store_market_pages(db: sqlite_utils.Database, market: DemoMarket, base_url: str = BASE_URL) -> int:
    """Store every board payload and job page of the market; return the number of pages."""
    upsert_boards(
        db,
        [{"ats": e.ats, "board": e.board, "company": e.company, "industry": e.industry, "url": None,
          "verified": 0} for e in market.employers if not e.feed],
    )  # fmt: skip
    count = 0
    for path, response in market.routes(base_url).items():
        source = _source_of(path)
        if source is None or response.status != 200:
            continue
        save_page(db, url=base_url + path, source=source[0], board=source[1], status=200,
                  content_type=response.content_type, body=response.body.decode("utf-8"))  # fmt: skip
        count += 1
    return count
