"""USAJOBS Search API: a feed (see ``crawler.boards``) of US federal postings; needs a registered key.

The key and the registered e-mail come from the settings ``USAJOBS_API_KEY`` / ``USAJOBS_EMAIL`` or the
environment variables of the same names. Without them the spider says so, records the feed as "skipped"
and closes without a request. The key travels only in the ``Authorization-Key`` header: it is never in a
URL, a log line or a stored page. The API stops at 10,000 results per query (``USAJOBS_SEARCH`` narrows it).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy.http import Response

from crawler.boards import EMPTY, FAILED, OK, SKIPPED, FeedSpider, int_or_zero
from crawler.sources import Source

RESULT_CAP = 10_000


class USAJobsSpider(FeedSpider):
    name = "usajobs"

    def credential(self, name: str) -> str:
        return str(self.settings.get(name) or os.environ.get(name) or "").strip()

    def board_requests(self, source: Source) -> Iterable[scrapy.Request]:
        if not (self.credential("USAJOBS_API_KEY") and self.credential("USAJOBS_EMAIL")):
            message = "no API key: set USAJOBS_API_KEY and USAJOBS_EMAIL (settings or environment variables)"
            self.logger.warning("usajobs: %s", message)
            self.board_outcome(source, SKIPPED, message)
            return
        yield self.page_request(source, 1, seen=0)

    def page_request(self, source: Source, page: int, seen: int) -> scrapy.Request:
        return self.request(self.page_url(source, page), source, self.parse_page, headers=self.headers(source),
                            page=page, seen=seen)  # fmt: skip

    def page_url(self, source: Source, page: int) -> str:
        api = self.api_root(source)
        size = self.settings.getint("USAJOBS_PAGE_SIZE")
        search = self.settings.get("USAJOBS_SEARCH") or ""
        return f"{api}/api/search?{search + '&' if search else ''}ResultsPerPage={size}&Page={page}"

    def headers(self, source: Source) -> dict[str, str]:
        # The API identifies callers by these three headers; User-Agent is the registered e-mail.
        return {
            "Host": urlsplit(self.api_root(source)).netloc,
            "User-Agent": self.credential("USAJOBS_EMAIL"),
            "Authorization-Key": self.credential("USAJOBS_API_KEY"),
        }

    def parse_page(self, response: Response, source: Source, page: int, seen: int) -> Iterator[Any]:
        if response.status == 404:
            self.board_outcome(source, FAILED, f"search endpoint not found (404) at {response.url}")
            return
        data = self.load_json(response, source)
        result = data.get("SearchResult") if isinstance(data, dict) else None
        if not isinstance(result, dict) or not isinstance(result.get("SearchResultItems"), list):
            if data is not None:
                self.board_outcome(source, FAILED, f"unexpected payload at {response.url}")
            return
        items = result["SearchResultItems"]
        if items or page == 1:
            yield self.page(response, source)
        seen += len(items)
        total = int_or_zero(result.get("SearchResultCountAll"))
        if items and seen < min(total, RESULT_CAP):
            ids = [i.get("MatchedObjectId") for i in items if isinstance(i, dict)]
            url, headers = self.page_url(source, page + 1), self.headers(source)
            request = self.next_page(response, source, url, self.parse_page, ids=ids, headers=headers,
                                     page=page + 1, seen=seen)  # fmt: skip
            if request is not None:
                yield request
            return
        detail = f"{seen} postings"
        if total > RESULT_CAP:
            detail += f" of {total}: the API stops at {RESULT_CAP:,}; narrow USAJOBS_SEARCH"
        self.board_outcome(source, OK if seen else EMPTY, detail)
