"""Teamtailor career site RSS feed: ``/jobs.rss?offset=N&per_page=M``, page by page until a short page.

Each employer has its own host (its API root is ``https://{board}.teamtailor.com``; a career site on the
employer's own domain serves the same feed as its teamtailor.com host, so the board is that host's name). A
regional site (``{tenant}.na.teamtailor.com``) is the board ``{tenant}.na``, and a numeric-suffix host
(``{name}-{digits}.teamtailor.com``) the board ``{name}-{digits}``. The feed gives no total, so, like Lever,
it pages until a page holds fewer items than asked for (``TEAMTAILOR_PAGE_SIZE``, the feed's documented
default 100). An unknown company is a 404; whatever does not parse as an RSS ``<channel>`` fails the board.
Healthy feeds sometimes answer a passing 400, so 400 is retried here as well. Shapes and sources: see
``extract/vendors/teamtailor.py``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import scrapy
from scrapy.http import Response

from crawler.boards import EMPTY, FAILED, OK, BoardSpider
from crawler.settings import RETRY_HTTP_CODES
from crawler.sources import Source


class TeamtailorSpider(BoardSpider):
    name = "teamtailor"
    # Healthy feeds sometimes answer a passing 400.
    custom_settings = {"RETRY_HTTP_CODES": [*RETRY_HTTP_CODES, 400]}  # noqa: RUF012 - Scrapy declares it a plain (instance) attribute

    def page_url(self, source: Source, offset: int) -> str:
        size = self.settings.getint("TEAMTAILOR_PAGE_SIZE")
        return f"{self.api_root(source)}/jobs.rss?offset={offset}&per_page={size}"

    def board_requests(self, source: Source) -> Iterable[scrapy.Request]:
        yield self.request(self.page_url(source, 0), source, self.parse_page, offset=0, first="")

    def parse_page(self, response: Response, source: Source, offset: int, first: str) -> Iterator[Any]:
        items = self.feed_items(response, source)
        if items is None:
            return
        guids = [item.findtext("guid") or "" for item in items]
        if offset and guids and guids[0] == first:
            # A feed that ignores offset would page forever: its second page repeats the first.
            self.board_outcome(source, FAILED, f"the feed ignores offset at {response.url}")
            return
        if items or offset == 0:
            yield self.page(response, source)
        if len(items) >= self.settings.getint("TEAMTAILOR_PAGE_SIZE"):
            next_offset = offset + len(items)
            url = self.page_url(source, next_offset)
            request = self.next_page(
                response, source, url, self.parse_page, ids=guids, offset=next_offset, first=guids[0]
            )
            if request is not None:
                yield request
            return
        seen = offset + len(items)
        self.board_outcome(source, OK if seen else EMPTY, f"{seen} jobs")

    def feed_items(self, response: Response, source: Source) -> list[Any] | None:
        """The page's ``<item>``s, or None after failing the board (404, not RSS)."""
        root = self.xml_root(response, source, "Teamtailor", missing="unknown company")
        if root is None:
            return None
        channel = root.find("channel") if root.tag == "rss" else None
        if channel is None:
            self.board_outcome(source, FAILED, f"not a Teamtailor feed at {response.url} (root <{root.tag}>)")
            return None
        return channel.findall("item")
