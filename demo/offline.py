"""The demo market's payloads stored as pages without a crawl: for benchmarks and crash tests.

A real crawl (``extract demo``) goes through Scrapy; this writes exactly what that crawl would store for
each board endpoint and job page, so extraction can be exercised at any size without a server.
"""

from __future__ import annotations

import sqlite_utils

from demo.market import HN_MONTH, DemoMarket
from store.boards import upsert_boards
from store.pages import save_page

BASE_URL = "http://127.0.0.1:8765"


def _source_of(path: str) -> tuple[str, str] | None:
    """(source, board) of a served path (a ``routes()`` key), or None for what a crawl does not store:
    robots.txt, sitemaps, SmartRecruiters list pages and the HN thread search."""
    path, _, query = path.partition("?")
    parts = path.strip("/").split("/")
    if parts[0] == "greenhouse" and len(parts) >= 4:
        return "greenhouse", parts[3]
    if parts[0] in ("lever", "ashby", "workable") and len(parts) >= 3:
        return parts[0], parts[-1]
    if parts[0] == "smartrecruiters" and len(parts) == 6:
        return "smartrecruiters", parts[3]
    if parts[0] in ("recruitee", "personio") and len(parts) >= 3:
        return parts[0], parts[1]
    if parts[0] == "hn" and "story_" in query and "comment" in query:
        return "hn", HN_MONTH
    if parts[0] in ("remotive", "remoteok", "usajobs"):
        return parts[0], parts[0]
    if parts[0] == "careers" and len(parts) >= 4 and parts[2] == "jobs":
        return "jsonld", parts[1]
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
