"""Record each crawl in ``crawl_runs`` and each board's outcome in ``board_runs``.

``finish_reason`` is Scrapy's (``finished``, ``shutdown``, …) unless pages were lost on the way to the
database: then it says so (``finished; 3 pages not stored``), so the run is not read as a clean one and closes
nothing (``extract run`` closes postings only on runs that say exactly ``finished``).
"""

from __future__ import annotations

from typing import Any, Self

from scrapy import signals
from scrapy.crawler import Crawler

from store import open_db
from store.crawl_runs import finish_run, start_run
from store.pages import utc_now


class CrawlRunRecorder:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.db_path = crawler.settings.get("JOBS_DB") or None
        self.run_id: int | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        recorder = cls(crawler)
        crawler.signals.connect(recorder.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(recorder.spider_closed, signal=signals.spider_closed)
        return recorder

    def spider_opened(self, spider: Any) -> None:
        db = open_db(self.db_path)
        self.run_id = start_run(db, spider.name, utc_now())
        db.close()

    def spider_closed(self, spider: Any, reason: str) -> None:
        if self.run_id is None:
            return
        stats = self.crawler.stats
        assert stats is not None
        new = int(stats.get_value("jobpulse/pages/new", 0) or 0)
        unchanged = int(stats.get_value("jobpulse/pages/unchanged", 0) or 0)
        lost = int(stats.get_value("jobpulse/pages/write_failed", 0) or 0)
        db = open_db(self.db_path)
        finish_run(
            db,
            self.run_id,
            source=spider.name,
            finished_at=utc_now(),
            reason=run_reason(reason, lost),
            outcomes=spider.final_outcomes() if hasattr(spider, "final_outcomes") else {},
            pages=new + unchanged,
            pages_new=new,
            errors=int(stats.get_value("log_count/ERROR", 0) or 0),
        )
        db.close()


def run_reason(reason: str, pages_not_stored: int) -> str:
    """How a run ended, as recorded: Scrapy's reason, and the pages that never reached the database."""
    return f"{reason}; {pages_not_stored} pages not stored" if pages_not_stored else reason
