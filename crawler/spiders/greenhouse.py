"""Greenhouse Job Board API: the whole board in one response; unknown token → 404."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import scrapy
from scrapy.http import Response

from crawler.boards import EMPTY, OK, BoardSpider
from crawler.sources import Source


class GreenhouseSpider(BoardSpider):
    name = "greenhouse"

    def board_requests(self, source: Source) -> Iterable[scrapy.Request]:
        api = self.api_root(source)
        # pay_transparency=true is what makes the list endpoint return pay_input_ranges.
        url = f"{api}/v1/boards/{source.board}/jobs?content=true&pay_transparency=true"
        yield self.request(url, source, self.parse_board)

    def parse_board(self, response: Response, source: Source) -> Iterator[Any]:
        jobs = self.json_list(response, source)
        if jobs is None:
            return
        yield self.page(response, source)
        self.board_outcome(source, OK if jobs else EMPTY, f"{len(jobs)} jobs")
