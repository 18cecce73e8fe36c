"""BambooHR careers site: the open positions as one JSON list, then one detail request per position.

Each employer has its own host (its API root is ``https://{board}.bamboohr.com``). ``/careers/list`` answers
``{"meta": {"totalCount": N}, "result": [{"id": "41", "jobOpeningName": …}, …]}`` with no description and
no date, so only the details (``/careers/{id}/detail``: ``result.jobOpening`` with every list field plus
the description, ``datePosted`` and ``compensation``) are stored. An unknown or expired account answers 404,
403 or a redirect (to a login or SSO page, or to bamboohr.com's own site): a list that was redirected and is
not JSON fails the board naming where it went, and anything else but a JSON list fails it too. A detail that
answers 404 is a position closed since the list (counted, ``jobpulse/bamboohr/detail_gone``); any other
unusable or failed detail makes the listing incomplete, so the board fails and closes nothing. Shapes and
sources: see ``extract/vendors/bamboohr.py``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

import scrapy
from scrapy.http import Response

from crawler.boards import EMPTY, FAILED, OK, BoardSpider, redirected_from
from crawler.sources import Source


class BambooHRSpider(BoardSpider):
    name = "bamboohr"

    def board_requests(self, source: Source) -> Iterable[scrapy.Request]:
        yield self.request(f"{self.api_root(source)}/careers/list", source, self.parse_list)

    def parse_list(self, response: Response, source: Source) -> Iterator[Any]:
        asked = redirected_from(response)
        if asked and not response.body.lstrip().startswith(b"{"):
            detail = f"unknown company: {asked} redirected to {response.url} (not a careers list)"
            self.board_outcome(source, FAILED, detail)
            return
        openings = self.json_list(response, source, key="result", missing="unknown company")
        if openings is None:
            return
        ids = [str(o["id"]) for o in openings if isinstance(o, dict) and _is_id(o.get("id"))]
        root = self.api_root(source)
        for opening_id in ids:
            url = f"{root}/careers/{opening_id}/detail"
            yield self.request(url, source, self.parse_detail)
        self.board_outcome(source, OK if ids else EMPTY, f"{len(ids)} positions listed")

    def parse_detail(self, response: Response, source: Source) -> Iterator[Any]:
        if response.status == 404:
            self.logger.warning("position detail gone (404) at %s", response.url)
            self.crawler.stats.inc_value("jobpulse/bamboohr/detail_gone")
            return
        try:
            data = json.loads(self.text(response)) if response.status == 200 else None
        except ValueError:
            data = None
        result = data.get("result") if isinstance(data, dict) else None
        if not isinstance(result, dict) or not isinstance(result.get("jobOpening"), dict):
            self.incomplete(source, response, "position detail")
            return
        yield self.page(response, source)


def _is_id(value: Any) -> bool:
    # Ids are digit strings ("41"); an id that is not one would build a detail URL of its repr.
    return isinstance(value, (str, int)) and not isinstance(value, bool) and str(value).strip().isdigit()
