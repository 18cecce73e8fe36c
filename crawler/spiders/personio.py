"""Personio XML feed: one ``<workzag-jobs>`` document per employer, on its own host.

An empty ``<workzag-jobs></workzag-jobs>`` is a healthy board with no jobs (most "Personio failures" other
crawlers report are these). An unknown slug is redirected to personio.de's marketing site: whatever does
not parse as a ``<workzag-jobs>`` document is a failed board, wherever a redirect led.

Feeds declare their own encoding (``<?xml … encoding="ISO-8859-1"?>``, sometimes a UTF-16 that is not): the body
is decoded once (``BoardSpider.text``) and the XML read from that text, its declaration ignored.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import scrapy
from scrapy.http import Response

from crawler.boards import EMPTY, FAILED, OK, BoardSpider, redirected_from
from crawler.sources import Source


class PersonioSpider(BoardSpider):
    name = "personio"

    def board_requests(self, source: Source) -> Iterable[scrapy.Request]:
        root = self.api_root(source)
        yield self.request(f"{root}/xml?language=en", source, self.parse_feed)

    def parse_feed(self, response: Response, source: Source) -> Iterator[Any]:
        # An unknown slug 301s to personio.de: say so, the final URL alone hides it.
        redirected = " after a redirect (unknown board?)" if redirected_from(response) else ""
        root = self.xml_root(response, source, "Personio", note=redirected)
        if root is None:
            return
        if root.tag != "workzag-jobs":
            detail = f"not a Personio feed at {response.url}{redirected} (root <{root.tag}>)"
            self.board_outcome(source, FAILED, detail)
            return
        yield self.page(response, source)
        positions = len(root.findall("position"))
        self.board_outcome(source, OK if positions else EMPTY, f"{positions} positions")
