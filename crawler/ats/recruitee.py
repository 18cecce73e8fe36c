"""Recruitee Careers Site API: every published offer, with descriptions, in one response.

Each employer has its own host (``RECRUITEE_URL_TEMPLATE``, ``{board}`` = the company subdomain).
Unknown company → 404.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import scrapy
from scrapy.http import Response

from crawler.ats.base import EMPTY, FAILED, OK, BoardSpider
from crawler.sources import Source


class RecruiteeBoardSpider(BoardSpider):
    ats = "recruitee"

    def board_requests(self, source: Source) -> Iterable[scrapy.Request]:
        root = self.settings["RECRUITEE_URL_TEMPLATE"].format(board=source.board).rstrip("/")
        yield self.request(f"{root}/api/offers/", source, self.parse_board)

    def parse_board(self, response: Response, source: Source) -> Iterator[Any]:
        if response.status == 404:
            self.board_outcome(source, FAILED, f"unknown company (404) at {response.url}")
            return
        data = self.load_json(response, source)
        if not isinstance(data, dict) or not isinstance(data.get("offers"), list):
            if data is not None:
                self.board_outcome(source, FAILED, f"unexpected payload at {response.url}")
            return
        yield self.page(response, source)
        offers = len(data["offers"])
        self.board_outcome(source, OK if offers else EMPTY, f"{offers} offers")
