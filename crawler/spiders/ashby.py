"""Ashby Posting API: one response per board, compensation only with includeCompensation=true."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import scrapy
from scrapy.http import Response

from crawler.boards import EMPTY, OK, BoardSpider
from crawler.sources import Source


class AshbySpider(BoardSpider):
    name = "ashby"

    def board_requests(self, source: Source) -> Iterable[scrapy.Request]:
        api = self.api_root(source)
        url = f"{api}/posting-api/job-board/{source.board}?includeCompensation=true"
        yield self.request(url, source, self.parse_board)

    def parse_board(self, response: Response, source: Source) -> Iterator[Any]:
        jobs = self.json_list(response, source)
        if jobs is None:
            return
        yield self.page(response, source)
        # Unlisted jobs are in the payload but not public postings; extraction drops them.
        listed = sum(1 for job in jobs if isinstance(job, dict) and job.get("isListed", True))
        self.board_outcome(source, OK if listed else EMPTY, f"{listed} listed jobs")
