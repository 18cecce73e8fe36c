"""Benchmark the crawl: pages stored per second through the real spiders, and the storage pipeline alone.

Serves a generated demo market on 127.0.0.1 and runs the real ``scrapy crawlall`` on it in a child process
(every spider, the sources file, robots.txt obeyed, the demo's page sizes), with the politeness delays off:
no download delay, no AutoThrottle, many requests in flight to the one host. It prints pages stored per
second (rows the crawl wrote to ``pages`` over the crawl's wall time), bytes/s, the page count, the crawl
process's peak RSS and CPU time, and the machine. Then it feeds the same pages straight into the storage
pipeline (``crawler.pipelines.store_pages``), with no network and no Scrapy engine, and prints its pages/s,
to say whether storage or the download side bounds the crawl.

Most vendors serve a whole board in one response, so pages come mostly from JSON-LD career pages and
SmartRecruiters details (one job each): the default 20,000-posting market is about 3,400 pages.

    python -m benchmarks.crawl --postings 40000
"""

from __future__ import annotations

import argparse
import os
import resource
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from scrapy.crawler import Crawler
from scrapy.settings import Settings
from scrapy.spiders import Spider
from scrapy.statscollectors import MemoryStatsCollector

from crawler.items import RawPage
from crawler.pipelines.store_pages import StorePagesPipeline
from crawler.runner import local_settings, run_crawl
from demo.crawl import demo_feed_settings
from demo.market import DemoMarket, build_market
from demo.server import DemoServer
from store import open_db

TARGET_PAGES_PER_SECOND = 500
DEFAULT_POSTINGS = 20_000
# Loopback to our own server: more requests in flight than the engine can turn around.
CONCURRENCY = 64


@dataclass(frozen=True, slots=True)
class CrawlMeasure:
    pages: int  # rows the crawl wrote to ``pages``
    bytes: int  # UTF-8 bytes of their bodies
    seconds: float  # wall time of the crawl process, start to exit
    cpu_seconds: float  # CPU time of the crawl process (user + system)
    server_cpu_seconds: float  # CPU time of this process meanwhile: the demo server's threads
    boards: str  # the crawl summary's last line, e.g. "boards: ok 29"


@dataclass(frozen=True, slots=True)
class StoreMeasure:
    pages_new: int  # pages the first pass stored as new rows
    pages_unchanged: int  # pages the second, identical pass found already stored
    seconds_new: float
    seconds_unchanged: float


def crawl_settings(base_url: str, db_path: str, sources_path: str) -> dict[str, str]:
    """The demo's crawl settings, every politeness delay off."""
    return {
        **local_settings(base_url, db_path, sources_path),
        **demo_feed_settings(),
        "DOWNLOAD_DELAY": "0",
        "AUTOTHROTTLE_ENABLED": "False",
        "CONCURRENT_REQUESTS": str(CONCURRENCY),
        "CONCURRENT_REQUESTS_PER_DOMAIN": str(CONCURRENCY),
    }


def cpu_seconds(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def crawl(market: DemoMarket, db_path: str, spiders: list[str] | None = None) -> CrawlMeasure:
    """Serve ``market`` on 127.0.0.1 and crawl it into ``db_path`` (every spider of the market by default).

    The database should be new: every row of ``pages`` is counted as written by this crawl.
    """
    with DemoServer(market) as server, tempfile.TemporaryDirectory() as tmp:
        sources = Path(tmp) / "sources.csv"
        sources.write_text(market.sources_csv(server.base_url), encoding="utf-8")
        settings = crawl_settings(server.base_url, db_path, str(sources))
        # Render the market before the clock starts (board payloads and job pages stay cached): the server
        # stands in for job boards on other machines, so rendering should not take the crawl's cores.
        market.routes(server.base_url)
        cpu_before, server_before = cpu_seconds(resource.RUSAGE_CHILDREN), cpu_seconds(resource.RUSAGE_SELF)
        started = time.perf_counter()
        result = run_crawl(settings, spiders=market.spiders if spiders is None else spiders)
        seconds = time.perf_counter() - started
        cpu = cpu_seconds(resource.RUSAGE_CHILDREN) - cpu_before
        server_cpu = cpu_seconds(resource.RUSAGE_SELF) - server_before
    boards = (result.stdout.strip().splitlines() or [""])[-1]
    # A failed board would make the rate meaningless: say so instead of printing it.
    if result.returncode != 0 or "failed" in boards:
        raise RuntimeError(f"benchmark crawl failed ({boards}):\n{result.stderr[-4000:]}")
    pages, size = count_pages(db_path)
    return CrawlMeasure(pages, size, seconds, cpu, server_cpu, boards)


def count_pages(db_path: str) -> tuple[int, int]:
    """Rows in ``pages`` and the UTF-8 bytes of their bodies."""
    db = open_db(db_path)
    pages, size = db.execute(
        "SELECT count(*), coalesce(sum(length(CAST(body AS BLOB))), 0) FROM pages"
    ).fetchone()
    db.close()
    return int(pages), int(size)


def empty_crawl(db_path: str) -> CrawlMeasure:
    """A crawl with nothing to fetch: what starting Scrapy, opening the database and stopping cost."""
    empty = DemoMarket(seed=0, employers=(), jobs=(), postings=())
    # A board spider with no sources-file rows makes no request; a feed would fetch its feed.
    return crawl(empty, db_path, spiders=["greenhouse"])


def peak_rss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def stored_pages(db_path: str) -> list[RawPage]:
    """The pages a crawl stored, as the items its spiders yielded."""
    db = open_db(db_path)
    rows = db.execute(
        "SELECT url, source, board, status, content_type, body, fetched_at FROM pages ORDER BY id"
    ).fetchall()
    db.close()
    return [RawPage(*row) for row in rows]


def storage_pipeline(db_path: str) -> tuple[StorePagesPipeline, MemoryStatsCollector]:
    """The crawl's storage pipeline opened on ``db_path`` outside any Scrapy engine, and its stats."""
    crawler = Crawler(Spider, Settings({"JOBS_DB": db_path}))
    stats = MemoryStatsCollector(crawler)
    crawler.stats = stats
    pipeline = StorePagesPipeline.from_crawler(crawler)
    pipeline.open_spider()
    return pipeline, stats


def feed(pipeline: StorePagesPipeline, pages: Iterable[RawPage]) -> float:
    """Seconds to put ``pages`` through the pipeline and close it."""
    started = time.perf_counter()
    for page in pages:
        pipeline.process_item(page)
    pipeline.close_spider()
    return time.perf_counter() - started


def time_storage(pages: list[RawPage], db_path: str) -> StoreMeasure:
    """Store ``pages`` into a new database, then again: the identical re-fetch of a weekly crawl."""
    first, first_stats = storage_pipeline(db_path)
    seconds_new = feed(first, pages)
    second, second_stats = storage_pipeline(db_path)
    seconds_unchanged = feed(second, pages)
    return StoreMeasure(
        pages_new=int(first_stats.get_value("jobpulse/pages/new", 0)),
        pages_unchanged=int(second_stats.get_value("jobpulse/pages/unchanged", 0)),
        seconds_new=seconds_new,
        seconds_unchanged=seconds_unchanged,
    )


def bottleneck(crawled: CrawlMeasure, startup: CrawlMeasure, stored: StoreMeasure) -> str:
    """Which side bounds the crawl, from the crawl process's work per page and storage's share of it."""
    cpu_per_page = (crawled.cpu_seconds - startup.cpu_seconds) / crawled.pages
    storage_per_page = stored.seconds_new / stored.pages_new
    busy = (crawled.cpu_seconds - startup.cpu_seconds) / (crawled.seconds - startup.seconds)
    share = storage_per_page / cpu_per_page
    if share >= 0.5:
        return f"storage: storing a page takes {share:.0%} of the crawl process's work per page"
    return (
        f"the download side: Scrapy's own work per request and response in the crawl process, which was busy "
        f"{busy:.0%} of the time once started (the rest waiting for the server and the shared cores); "
        f"storing a page is {share:.0%} of its work per page, so storage is not the bottleneck"
    )


def report(crawled: CrawlMeasure, startup: CrawlMeasure, stored: StoreMeasure, postings: int) -> list[str]:
    """The printed result, one line per figure."""
    rate = crawled.pages / crawled.seconds
    verdict = "met" if rate >= TARGET_PAGES_PER_SECOND else "NOT met"
    cpu_per_page_ms = (crawled.cpu_seconds - startup.cpu_seconds) / crawled.pages * 1000
    return [
        f"machine: {os.cpu_count()} cores; the crawl in one Scrapy process, the demo server in this one",
        f"market: {postings:,} postings; {crawled.boards}",
        f"crawl: {crawled.pages:,} pages, {crawled.bytes / 1e6:,.1f} MB in {crawled.seconds:.1f}s wall "
        f"(of which start-up and shutdown, timed on a crawl with nothing to fetch: {startup.seconds:.1f}s)",
        f"crawl: {rate:,.0f} pages/s, {crawled.bytes / crawled.seconds / 1e6:,.1f} MB/s "
        f"(target ≥ {TARGET_PAGES_PER_SECOND} pages/s: {verdict}); "
        f"{crawled.pages / (crawled.seconds - startup.seconds):,.0f} pages/s once started",
        f"crawl process: {crawled.cpu_seconds:.1f}s CPU, {cpu_per_page_ms:.2f} ms per page past start-up "
        f"(at most ~{1000 / cpu_per_page_ms:,.0f} pages/s on a core of its own); "
        f"peak RSS {peak_rss_mb(resource.RUSAGE_CHILDREN):.0f} MB",
        f"demo server: {crawled.server_cpu_seconds / crawled.pages * 1000:.2f} ms CPU per page; peak RSS of "
        f"this process (market and server) {peak_rss_mb(resource.RUSAGE_SELF):.0f} MB",
        f"storage pipeline alone, new pages: {stored.pages_new / stored.seconds_new:,.0f} pages/s, "
        f"{crawled.bytes / stored.seconds_new / 1e6:,.1f} MB/s "
        f"({stored.pages_new:,} in {stored.seconds_new:.2f}s, {stored.seconds_new / stored.pages_new * 1000:.2f} ms "
        "a page)",
        f"storage pipeline alone, identical re-fetch: {stored.pages_unchanged / stored.seconds_unchanged:,.0f} "
        f"pages/s ({stored.pages_unchanged:,} in {stored.seconds_unchanged:.2f}s)",
        f"bounded by {bottleneck(crawled, startup, stored)} (target: the storage pipeline is never the bottleneck)",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--postings", type=int, default=DEFAULT_POSTINGS, help="size of the generated market")
    args = parser.parse_args()
    started = time.perf_counter()
    market = build_market(postings=args.postings)
    print(f"built the market in {time.perf_counter() - started:.1f}s")
    with tempfile.TemporaryDirectory() as tmp:
        startup = empty_crawl(str(Path(tmp) / "empty.db"))
        crawled = crawl(market, str(Path(tmp) / "crawl.db"))
        stored = time_storage(stored_pages(str(Path(tmp) / "crawl.db")), str(Path(tmp) / "store.db"))
    print("\n".join(report(crawled, startup, stored, args.postings)))


if __name__ == "__main__":
    main()
