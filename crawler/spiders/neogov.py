"""NEOGOV agency job boards on governmentjobs.com: each agency's RSS job feed, whole, in one response.

``/SearchEngine/JobsFeed?agency={board}`` (the agency's slug in ``governmentjobs.com/careers/{board}``) is an
RSS 2.0 channel whose items carry NEOGOV's ``joblisting:`` fields (pay, closing date, location, department).
The feed has no pages: one answer is the whole board. A channel without items is a healthy empty board; a
404, or an answer that is not an RSS channel (an HTML error page), fails the board. Sources: GSA/jobs_api
``lib/importers/neogov_data.rb`` and its ``spec/resources/neogov`` feeds (the legacy
``agency.governmentjobs.com/jobfeed.cfm?agency=`` address of the same feed); several public fetchers of
``www.governmentjobs.com/SearchEngine/JobsFeed?agency=…`` (read via the search tool).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any
from urllib.parse import quote

import scrapy
from scrapy.http import Response

from crawler.boards import EMPTY, FAILED, OK, BoardSpider
from crawler.sources import Source


class NeogovSpider(BoardSpider):
    name = "neogov"

    def board_requests(self, source: Source) -> Iterable[scrapy.Request]:
        url = f"{self.api_root(source)}/SearchEngine/JobsFeed?agency={quote(source.board)}"
        yield self.request(url, source, self.parse_feed)

    def parse_feed(self, response: Response, source: Source) -> Iterator[Any]:
        root = self.xml_root(response, source, "NEOGOV", missing="unknown agency")
        if root is None:  # the board has failed, saying why
            return
        if root.tag != "rss" or root.find("channel") is None:
            self.board_outcome(source, FAILED, f"not a NEOGOV feed at {response.url} (root <{root.tag}>)")
            return
        yield self.page(response, source)
        items = len(root.findall("channel/item"))
        self.board_outcome(source, OK if items else EMPTY, f"{items} jobs")
