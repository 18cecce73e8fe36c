"""The offline demo: a local job market on 127.0.0.1 → ``scrapy crawlall`` → ``extract run`` → report.

The crawl is a real Scrapy run in a child process, pointed at the local server by settings only
(vendor API roots and the sources file), so it goes through Scrapy's downloader like a live crawl.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from crawler.runner import local_settings, run_crawl
from demo.formats import crawl_settings
from demo.market import DemoMarket, build_market
from demo.server import DemoServer

# Page URLs include the port: the same port on every run makes a rerun re-fetch identical pages (no new rows).
DEMO_PORT = 8765


def _server(market: DemoMarket, port: int) -> DemoServer:
    try:
        return DemoServer(market, port=port)
    except OSError:
        message = f"port {port} is busy: serving the demo on a free port (a rerun will store new pages)"
        print(message, file=sys.stderr)
        return DemoServer(market)


def demo_feed_settings() -> dict[str, str]:
    """What the feeds and paged boards need to crawl the demo, from the format modules' ``CRAWL_SETTINGS``.

    The HN month, the fake USAJOBS credentials the demo server checks in the ``Authorization-Key``
    header, and small page sizes, so every paged source (SmartRecruiters, HN, USAJOBS) walks several
    pages, as on a real board.
    """
    return crawl_settings()


def crawl_demo_market(
    db_path: str, *, postings: int | None = None, seed: int | None = None, port: int = DEMO_PORT
) -> str:
    """Serve the demo market, crawl it into ``db_path``; return the crawl's per-board summary."""
    kwargs = {k: v for k, v in (("postings", postings), ("seed", seed)) if v is not None}
    market = build_market(**kwargs)
    with _server(market, port) as server, tempfile.TemporaryDirectory() as tmp:
        sources = Path(tmp) / "sources.csv"
        sources.write_text(market.sources_csv(server.base_url), encoding="utf-8")
        settings = local_settings(server.base_url, os.path.abspath(db_path), str(sources))
        result = run_crawl({**settings, **demo_feed_settings()}, spiders=market.spiders)
    if result.returncode != 0:
        raise RuntimeError(f"demo crawl failed (exit {result.returncode}):\n{result.stderr[-4000:]}")
    return result.stdout
