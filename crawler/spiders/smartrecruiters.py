"""SmartRecruiters Posting API: a paged list (``totalFound``), then one detail request per posting.

The list has no description, so only the details are stored: a detail carries every list field plus
``jobAd``. Unknown company → 200 with ``totalFound: 0``, the same answer as a company with no postings,
so that outcome is "empty" and its detail says so. A detail that fails (after retries) or that answers
something other than a posting fails the board: its listing is incomplete, and closing postings on it could
close one the list still shows. A ``totalFound`` beyond any employer's, a page that repeats an earlier one,
and the page cap fail the board too (``BoardSpider.next_page``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

import scrapy
from scrapy.http import Response

from crawler.boards import EMPTY, FAILED, OK, BoardSpider
from crawler.sources import Source


class SmartRecruitersSpider(BoardSpider):
    name = "smartrecruiters"

    def api(self, source: Source) -> str:
        return f"{self.api_root(source)}/v1/companies/{source.board}/postings"

    def list_url(self, source: Source, offset: int) -> str:
        limit = self.settings.getint("SMARTRECRUITERS_PAGE_SIZE")
        return f"{self.api(source)}?limit={limit}&offset={offset}"

    def board_requests(self, source: Source) -> Iterable[scrapy.Request]:
        yield self.request(self.list_url(source, 0), source, self.parse_list, offset=0)

    def parse_list(self, response: Response, source: Source, offset: int) -> Iterator[Any]:
        if response.status == 404:
            self.board_outcome(source, FAILED, f"unknown company (404) at {response.url}")
            return
        data = self.load_json(response, source)
        if not isinstance(data, dict) or not isinstance(data.get("content"), list):
            if data is not None:
                self.board_outcome(source, FAILED, f"unexpected payload at {response.url}")
            return
        total = data.get("totalFound")
        total = total if isinstance(total, int) else 0
        if not self.plausible_total(response, source, total):
            return
        postings = [p for p in data["content"] if isinstance(p, dict) and p.get("id")]
        for posting in postings:
            url = f"{self.api(source)}/{posting['id']}"
            yield self.request(url, source, self.parse_detail)
        next_offset = offset + len(data["content"])
        # An empty page ends the list too, so a totalFound that overstates cannot loop forever.
        if data["content"] and next_offset < total:
            url = self.list_url(source, next_offset)
            ids = [p["id"] for p in postings]
            request = self.next_page(response, source, url, self.parse_list, ids=ids, offset=next_offset)
            if request is not None:
                yield request
            return
        if next_offset:
            self.board_outcome(source, OK, f"{next_offset} postings listed")
        else:
            self.board_outcome(source, EMPTY, "0 postings (the answer for an unknown company too)")

    def parse_detail(self, response: Response, source: Source) -> Iterator[Any]:
        try:
            detail = json.loads(self.text(response)) if response.status == 200 else None
        except (ValueError, RecursionError):
            detail = None
        if not isinstance(detail, dict) or not detail.get("id"):
            self.incomplete(source, response, "posting detail")
            return
        yield self.page(response, source)
