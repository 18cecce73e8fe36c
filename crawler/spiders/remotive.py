"""Remotive remote-jobs API: a feed (see ``crawler.boards``), the whole list in one ``{jobs: []}``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import scrapy
from scrapy.http import Response

from crawler.boards import EMPTY, OK, FeedSpider
from crawler.sources import Source


class RemotiveSpider(FeedSpider):
    name = "remotive"

    def board_requests(self, source: Source) -> Iterable[scrapy.Request]:
        api = self.api_root(source)
        yield self.request(f"{api}/api/remote-jobs", source, self.parse_feed)

    def parse_feed(self, response: Response, source: Source) -> Iterator[Any]:
        jobs = self.json_list(response, source, missing="feed not found")
        if jobs is None:
            return
        yield self.page(response, source)
        self.board_outcome(source, OK if jobs else EMPTY, f"{len(jobs)} jobs")
