"""Career pages carrying schema.org JobPosting JSON-LD, found through the employer's sitemap."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import scrapy
from scrapy.http import Response
from scrapy.utils.sitemap import Sitemap

from crawler.boards import EMPTY, FAILED, OK, BoardSpider
from crawler.sources import Source


class JsonLdSpider(BoardSpider):
    """The sources row's ``url`` is the sitemap (or sitemap index); every page it lists is stored.

    Its API root is that ``url`` (``{url}`` in ``JOBPULSE_API_ROOTS_BASE``): each employer runs its own site.
    """

    name = "jsonld"

    def board_requests(self, source: Source) -> Iterable[scrapy.Request]:
        if not source.url:
            self.board_outcome(source, FAILED, "no sitemap url in the sources file")
            return
        yield self.request(self.api_root(source), source, self.parse_sitemap)

    def parse_sitemap(self, response: Response, source: Source) -> Iterator[Any]:
        if response.status == 404:
            self.board_outcome(source, FAILED, f"sitemap not found (404) at {response.url}")
            return
        try:
            sitemap = Sitemap(response.body)
            entries = [entry["loc"] for entry in sitemap if entry.get("loc")]
        except Exception as error:  # lxml raises several types on broken XML
            self.board_outcome(source, FAILED, f"unreadable sitemap at {response.url}: {error}")
            return
        if sitemap.type == "sitemapindex":
            for loc in entries:
                yield self.request(loc, source, self.parse_sitemap)
            return
        if not entries:
            self.board_outcome(source, EMPTY, "sitemap lists no pages")
            return
        self.board_outcome(source, OK, f"{len(entries)} pages listed")
        for loc in entries:
            yield self.request(loc, source, self.parse_job_page)

    def parse_job_page(self, response: Response, source: Source) -> Iterator[Any]:
        if response.status != 200:
            self.crawler.stats.inc_value("jobpulse/jsonld/page_missing")
            return
        yield self.page(response, source)
