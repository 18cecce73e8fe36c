"""Lever Postings API: a bare JSON array per page, no total, so page until a short page.

A board that never gives a short page (a server that ignores ``skip``) is stopped by ``next_page``: a page
that repeats an earlier one, or the page cap, fails the board.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import scrapy
from scrapy.http import Response

from crawler.boards import EMPTY, OK, BoardSpider
from crawler.sources import Source


class LeverSpider(BoardSpider):
    name = "lever"

    def page_url(self, source: Source, skip: int) -> str:
        api = self.api_root(source)
        limit = self.settings.getint("LEVER_PAGE_SIZE")
        return f"{api}/v0/postings/{source.board}?mode=json&skip={skip}&limit={limit}"

    def board_requests(self, source: Source) -> Iterable[scrapy.Request]:
        yield self.request(self.page_url(source, 0), source, self.parse_page, skip=0, seen=0)

    def parse_page(self, response: Response, source: Source, skip: int, seen: int) -> Iterator[Any]:
        data = self.json_list(response, source, key=None)
        if data is None:
            return
        if data or skip == 0:
            yield self.page(response, source)
        seen += len(data)
        if len(data) >= self.settings.getint("LEVER_PAGE_SIZE"):
            next_skip = skip + len(data)
            ids = [p.get("id") for p in data if isinstance(p, dict)]
            url = self.page_url(source, next_skip)
            request = self.next_page(
                response, source, url, self.parse_page, ids=ids, skip=next_skip, seen=seen
            )
            if request is not None:
                yield request
            return
        self.board_outcome(source, OK if seen else EMPTY, f"{seen} jobs")
