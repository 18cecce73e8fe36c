"""Store every raw page in SQLite through ``store``; count new and unchanged pages into crawl stats.

A page that cannot be written (the database locked past its busy timeout, the disk full) fails its board:
a board whose pages were not all stored is no complete listing, so ``extract run`` closes nothing on it. The
failure is counted (``jobpulse/pages/write_failed``), which also keeps the run from being recorded as a
plain "finished" and makes the crawl command exit non-zero.
"""

from __future__ import annotations

import sqlite3
from typing import Any, Self

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from crawler.items import RawPage
from store import open_db
from store.boards import upsert_boards
from store.pages import save_page


class StorePagesPipeline:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.db_path = crawler.settings.get("JOBS_DB") or None
        self.db: Any = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def open_spider(self) -> None:
        self.db = open_db(self.db_path)
        # One commit per page keeps every stored page through a crash (open_db sets synchronous = NORMAL).
        spider = self.crawler.spider
        sources = spider.sources() if spider is not None and hasattr(spider, "sources") else []
        # The boards table is how extraction knows each posting's company and industry.
        upsert_boards(self.db, [s.as_row() for s in sources])

    def close_spider(self) -> None:
        if self.db is not None:
            self.db.close()

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, RawPage):
            return item
        assert self.crawler.stats is not None
        try:
            _, is_new = save_page(
                self.db,
                url=item.url,
                source=item.source,
                board=item.board,
                status=item.status,
                content_type=item.content_type,
                body=item.body,
                fetched_at=item.fetched_at,
            )
        except sqlite3.Error as error:
            self.crawler.stats.inc_value("jobpulse/pages/write_failed")
            spider: Any = self.crawler.spider
            if item.board is not None and hasattr(spider, "board_failed"):
                spider.board_failed(
                    item.board, f"page not stored ({type(error).__name__}: {error}): {item.url}"
                )
            raise DropItem(f"page not stored: {item.url}: {error}") from error
        self.crawler.stats.inc_value("jobpulse/pages/new" if is_new else "jobpulse/pages/unchanged")
        return item
