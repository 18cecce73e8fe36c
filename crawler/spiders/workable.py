"""Workable widget API: the whole account in one response (``details=true`` adds descriptions).

Unknown account → 404, or 200 with no jobs (indistinguishable from a board with none: the outcome detail
says so). Workable's Cloudflare answers 429 / error 1015 after a few requests a second, so this spider has
its own budget (one request at a time, 5 s apart) and throttled responses wait for ``Retry-After``
(``crawler.middlewares.RetryAfterMiddleware``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import scrapy
from scrapy.http import Response

from crawler.boards import EMPTY, FAILED, OK, BoardSpider
from crawler.sources import Source


class WorkableSpider(BoardSpider):
    name = "workable"
    # ~0.2 requests/s: measured to stay under Workable's Cloudflare rate limit.
    custom_settings = {  # noqa: RUF012 - Scrapy declares it a plain (instance) attribute
        "DOWNLOAD_DELAY": 5.0,
        "CONCURRENT_REQUESTS": 1,
        "CONCURRENT_REQUESTS_PER_DOMAIN": 1,
        "RETRY_TIMES": 5,
        "JOBPULSE_BACKOFF_BASE": 30.0,
    }

    def board_requests(self, source: Source) -> Iterable[scrapy.Request]:
        api = self.api_root(source)
        url = f"{api}/api/v1/widget/accounts/{source.board}?details=true"
        yield self.request(url, source, self.parse_board)

    def parse_board(self, response: Response, source: Source) -> Iterator[Any]:
        if response.status == 404:
            self.board_outcome(source, FAILED, f"unknown account (404) at {response.url}")
            return
        data = self.load_json(response, source)
        if not isinstance(data, dict) or not isinstance(data.get("jobs", []), list):
            if data is not None:
                self.board_outcome(source, FAILED, f"unexpected payload at {response.url}")
            return
        yield self.page(response, source)
        jobs = len(data.get("jobs") or [])
        if jobs:
            self.board_outcome(source, OK, f"{jobs} jobs")
        else:
            self.board_outcome(source, EMPTY, "0 jobs (the answer for an unknown account too)")
