"""Ashby Posting API: one response per board, compensation only with includeCompensation=true."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import scrapy
from scrapy.http import Response

from crawler.ats.base import EMPTY, FAILED, OK, BoardSpider
from crawler.sources import Source


class AshbyBoardSpider(BoardSpider):
    ats = "ashby"

    def board_requests(self, source: Source) -> Iterable[scrapy.Request]:
        api = self.settings["ASHBY_API_URL"].rstrip("/")
        url = f"{api}/posting-api/job-board/{source.board}?includeCompensation=true"
        yield self.request(url, source, self.parse_board)

    def parse_board(self, response: Response, source: Source) -> Iterator[Any]:
        if response.status == 404:
            self.board_outcome(source, FAILED, f"unknown board (404) at {response.url}")
            return
        data = self.load_json(response, source)
        if not isinstance(data, dict) or not isinstance(data.get("jobs"), list):
            if data is not None:
                self.board_outcome(source, FAILED, f"unexpected payload at {response.url}")
            return
        yield self.page(response, source)
        # Unlisted jobs are in the payload but not public postings; extraction drops them.
        listed = sum(1 for job in data["jobs"] if isinstance(job, dict) and job.get("isListed", True))
        self.board_outcome(source, OK if listed else EMPTY, f"{listed} listed jobs")
