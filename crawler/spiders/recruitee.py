"""Recruitee Careers Site API: every published offer, with descriptions, in one response.

Each employer has its own host (its API root is ``https://{board}.recruitee.com``).
Unknown company → 404.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import scrapy
from scrapy.http import Response

from crawler.boards import EMPTY, OK, BoardSpider
from crawler.sources import Source


class RecruiteeSpider(BoardSpider):
    name = "recruitee"

    def board_requests(self, source: Source) -> Iterable[scrapy.Request]:
        root = self.api_root(source)
        yield self.request(f"{root}/api/offers/", source, self.parse_board)

    def parse_board(self, response: Response, source: Source) -> Iterator[Any]:
        offers = self.json_list(response, source, key="offers", missing="unknown company")
        if offers is None:
            return
        yield self.page(response, source)
        self.board_outcome(source, OK if offers else EMPTY, f"{len(offers)} offers")
