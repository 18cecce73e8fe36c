"""SmartRecruiters Posting API: a paged list (``totalFound``), then one detail request per posting.

The list has no description, so only the details are stored: a detail carries every list field plus
``jobAd``. Unknown company → 200 with ``totalFound: 0``, the same answer as a company with no postings,
so that outcome is "empty" and its detail says so. A detail that fails is counted
(``jobpulse/smartrecruiters/detail_missing``), not a failed board.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

import scrapy
from scrapy.http import Response
from twisted.python.failure import Failure

from crawler.boards import EMPTY, FAILED, OK, BoardSpider
from crawler.sources import Source


class SmartRecruitersSpider(BoardSpider):
    name = "smartrecruiters"

    def api(self, source: Source) -> str:
        return f"{self.api_root(source)}/v1/companies/{source.board}/postings"

    def list_url(self, source: Source, offset: int) -> str:
        limit = self.settings.getint("SMARTRECRUITERS_PAGE_SIZE")
        return f"{self.api(source)}?limit={limit}&offset={offset}"

    def board_requests(self, source: Source) -> Iterable[scrapy.Request]:
        yield self.request(self.list_url(source, 0), source, self.parse_list, offset=0)

    def parse_list(self, response: Response, source: Source, offset: int) -> Iterator[Any]:
        if response.status == 404:
            self.board_outcome(source, FAILED, f"unknown company (404) at {response.url}")
            return
        data = self.load_json(response, source)
        if not isinstance(data, dict) or not isinstance(data.get("content"), list):
            if data is not None:
                self.board_outcome(source, FAILED, f"unexpected payload at {response.url}")
            return
        total = data.get("totalFound")
        total = total if isinstance(total, int) else 0
        postings = [p for p in data["content"] if isinstance(p, dict) and p.get("id")]
        for posting in postings:
            url = f"{self.api(source)}/{posting['id']}"
            yield self.request(url, source, self.parse_detail, errback=self.on_detail_error)
        next_offset = offset + len(data["content"])
        # An empty page ends the list too, so a totalFound that overstates cannot loop forever.
        if data["content"] and next_offset < total:
            url = self.list_url(source, next_offset)
            yield self.request(url, source, self.parse_list, offset=next_offset)
            return
        if next_offset:
            self.board_outcome(source, OK, f"{next_offset} postings listed")
        else:
            self.board_outcome(source, EMPTY, "0 postings (the answer for an unknown company too)")

    def parse_detail(self, response: Response, source: Source) -> Iterator[Any]:
        try:
            detail = json.loads(response.text) if response.status == 200 else None
        except ValueError:
            detail = None
        if not isinstance(detail, dict) or not detail.get("id"):
            self.logger.warning("posting detail unusable (%s) at %s", response.status, response.url)
            self.on_detail_missing()
            return
        yield self.page(response, source)

    def on_detail_missing(self) -> None:
        self.crawler.stats.inc_value("jobpulse/smartrecruiters/detail_missing")

    def on_detail_error(self, failure: Failure) -> None:
        self.logger.warning("posting detail failed: %s", failure.getErrorMessage())
        self.on_detail_missing()
