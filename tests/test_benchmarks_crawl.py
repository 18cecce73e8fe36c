"""The crawl benchmark's parts at a tiny size: the pages it counts are the pages the market serves.

Speed is not asserted here (benchmarks measure it); only that the benchmark measures the right thing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.crawl import (
    CrawlMeasure,
    StoreMeasure,
    bottleneck,
    count_pages,
    crawl,
    empty_crawl,
    report,
    stored_pages,
    time_storage,
)
from demo.market import build_market
from demo.offline import store_market_pages
from store import open_db


def pages_per_source(db_path: str) -> dict[str, int]:
    rows = open_db(db_path).execute("SELECT source, count(*) FROM pages GROUP BY source").fetchall()
    return dict(rows)


def offline_pages(db_path: str, postings: int) -> dict[str, int]:
    """What a crawl of the market stores, per source, written without a crawl (``demo.offline``)."""
    store_market_pages(open_db(db_path), build_market(postings=postings))
    return pages_per_source(db_path)


@pytest.mark.parametrize("postings", [300])
def test_benchmarks_crawl_counts_every_page_the_market_serves(tmp_path: Path, postings: int) -> None:
    measured = crawl(build_market(postings=postings), str(tmp_path / "crawl.db"))
    expected = offline_pages(str(tmp_path / "offline.db"), postings)
    assert pages_per_source(str(tmp_path / "crawl.db")) == expected
    assert measured.pages == sum(expected.values())
    assert measured.bytes > measured.pages  # bodies, not empty rows
    assert measured.boards.startswith("boards: ok ") and "failed" not in measured.boards


def test_benchmarks_crawl_empty_crawl_stores_nothing(tmp_path: Path) -> None:
    measured = empty_crawl(str(tmp_path / "empty.db"))
    assert (measured.pages, measured.bytes, measured.boards) == (0, 0, "boards: none")


@pytest.mark.parametrize("postings", [100, 400])
def test_benchmarks_crawl_storage_stores_each_page_once(tmp_path: Path, postings: int) -> None:
    expected = offline_pages(str(tmp_path / "offline.db"), postings)
    pages = stored_pages(str(tmp_path / "offline.db"))
    measured = time_storage(pages, str(tmp_path / "store.db"))
    # The second, identical pass adds no row: it finds every page already stored.
    assert (measured.pages_new, measured.pages_unchanged) == (len(pages), len(pages))
    assert pages_per_source(str(tmp_path / "store.db")) == expected
    assert count_pages(str(tmp_path / "store.db")) == count_pages(str(tmp_path / "offline.db"))


# 1,000 pages for 2.5 s of crawl-process CPU past start-up: 2.5 ms a page.
CRAWL = CrawlMeasure(
    pages=1000, bytes=10_000_000, seconds=4.0, cpu_seconds=3.5, server_cpu_seconds=1.0, boards="boards: ok 29"
)
STARTUP = CrawlMeasure(
    pages=0, bytes=0, seconds=1.0, cpu_seconds=1.0, server_cpu_seconds=0.0, boards="boards: none"
)


@pytest.mark.parametrize(
    ("store_seconds", "bound"),
    [(0.2, "the download side"), (2.0, "storage")],  # storing a page: 0.2 ms, 2 ms
)
def test_benchmarks_crawl_bottleneck_names_the_slower_side(store_seconds: float, bound: str) -> None:
    stored = StoreMeasure(
        pages_new=1000, pages_unchanged=1000, seconds_new=store_seconds, seconds_unchanged=0.1
    )
    assert bottleneck(CRAWL, STARTUP, stored).startswith(bound)


@pytest.mark.parametrize(("pages", "verdict"), [(1000, "NOT met"), (4000, "met")])
def test_benchmarks_crawl_report_says_whether_the_target_is_met(pages: int, verdict: str) -> None:
    crawled = CrawlMeasure(pages, 10_000_000, 4.0, 3.5, 1.0, "boards: ok 29")
    stored = StoreMeasure(pages_new=pages, pages_unchanged=pages, seconds_new=0.2, seconds_unchanged=0.1)
    lines = report(crawled, STARTUP, stored, postings=20_000)
    assert any(f"(target ≥ 500 pages/s: {verdict})" in line for line in lines)
