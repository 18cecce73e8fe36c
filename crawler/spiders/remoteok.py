"""RemoteOK API: a feed (see ``crawler.boards``), one JSON array whose first element is a legal notice.

RemoteOK refuses clients without a User-Agent; Scrapy sends ``USER_AGENT`` from ``settings.py`` (ours,
naming the project) on every request, so nothing is needed here beyond not overriding it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import scrapy
from scrapy.http import Response

from crawler.boards import EMPTY, OK, FeedSpider
from crawler.sources import Source


def is_job(element: Any) -> bool:
    """A posting, not the leading legal notice (which has neither ``id`` nor ``position``)."""
    return isinstance(element, dict) and bool(element.get("id")) and bool(element.get("position"))


class RemoteOKSpider(FeedSpider):
    name = "remoteok"

    def board_requests(self, source: Source) -> Iterable[scrapy.Request]:
        api = self.api_root(source)
        yield self.request(f"{api}/api", source, self.parse_feed)

    def parse_feed(self, response: Response, source: Source) -> Iterator[Any]:
        data = self.json_list(response, source, key=None, missing="feed not found")
        if data is None:
            return
        yield self.page(response, source)
        jobs = sum(1 for element in data if is_job(element))
        self.board_outcome(source, OK if jobs else EMPTY, f"{jobs} jobs")
