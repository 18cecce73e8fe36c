"""Greenhouse Job Board API: the whole board in one response; unknown token → 404."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import scrapy
from scrapy.http import Response

from crawler.ats.base import EMPTY, FAILED, OK, BoardSpider
from crawler.sources import Source


class GreenhouseBoardSpider(BoardSpider):
    ats = "greenhouse"

    def board_requests(self, source: Source) -> Iterable[scrapy.Request]:
        api = self.settings["GREENHOUSE_API_URL"].rstrip("/")
        # pay_transparency=true is what makes the list endpoint return pay_input_ranges.
        url = f"{api}/v1/boards/{source.board}/jobs?content=true&pay_transparency=true"
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
        jobs = len(data["jobs"])
        self.board_outcome(source, OK if jobs else EMPTY, f"{jobs} jobs")
