"""Breezy HR portal: the published positions as one JSON array, then the job page of each position the
array does not describe.

Each employer has its own host (its API root is ``https://{board}.breezy.hr``). ``/json`` answers an array
of positions (``id``, ``friendly_id``, ``name``, ``url``, ``published_date``, ``type``, ``location``,
``salary`` text, …) that as a rule carries no description, so each position without one has its job page
fetched and stored beside the array: ``/p/{friendly_id}`` (``{id}-{slug of the title}``), the form of the
array's own ``url``, or ``/p/{id}`` for a position whose ``friendly_id`` does not start with its id. The page
holds a schema.org ``JobPosting`` in JSON-LD. An unknown company is redirected off its portal (to Breezy's
own site) or answers 404: either fails the board, naming where it went; anything but a JSON array fails it
too. A job page that answers 404 is a position closed since the array (counted, ``jobpulse/breezy/page_gone``);
any other unusable or failed page makes the listing incomplete, so the board fails and closes nothing.
Shapes and sources: see ``extract/vendors/breezy.py``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any
from urllib.parse import quote, urlsplit

import scrapy
from scrapy.http import Response

from crawler.boards import EMPTY, FAILED, OK, BoardSpider, redirected_from
from crawler.sources import Source


class BreezySpider(BoardSpider):
    name = "breezy"

    def board_requests(self, source: Source) -> Iterable[scrapy.Request]:
        yield self.request(f"{self.api_root(source)}/json", source, self.parse_list)

    def parse_list(self, response: Response, source: Source) -> Iterator[Any]:
        away = redirected_away(response)
        if away:
            self.board_outcome(source, FAILED, f"unknown company: {away}")
            return
        positions = self.json_list(response, source, key=None, missing="unknown company")
        if positions is None:
            return
        positions = [p for p in positions if isinstance(p, dict) and _position_id(p)]
        yield self.page(response, source)
        root = self.api_root(source)
        for position in positions:
            if not _described(position):
                yield self.request(f"{root}/p/{quote(page_name(position))}", source, self.parse_job_page)
        self.board_outcome(source, OK if positions else EMPTY, f"{len(positions)} positions listed")

    def parse_job_page(self, response: Response, source: Source) -> Iterator[Any]:
        if response.status == 404:
            # Closed between the list and this request: not listed any more, nothing is missing.
            self.crawler.stats.inc_value("jobpulse/breezy/page_gone")
            return
        if response.status != 200 or "application/ld+json" not in self.text(response):
            self.incomplete(source, response, "job page")
            return
        yield self.page(response, source)


def redirected_away(response: Response) -> str | None:
    """What happened ("{asked} redirected to {landed}") when a request landed on another host (an unknown
    portal lands on breezy.hr), else None."""
    asked = redirected_from(response)
    if asked and urlsplit(asked).hostname != urlsplit(response.url).hostname:
        return f"{asked} redirected to {response.url}"
    return None


def page_name(position: dict[str, Any]) -> str:
    """The job page's name under ``/p/``: the ``friendly_id`` (``{id}-{slug}``) the array links, else the id.

    The reader keys a job page by the id its path starts with, so a ``friendly_id`` that does not start with
    the position's id is not used.
    """
    position_id = _position_id(position)
    friendly = position.get("friendly_id")
    if isinstance(friendly, str) and friendly.strip().startswith(f"{position_id}-"):
        return friendly.strip()
    return position_id


def _position_id(position: dict[str, Any]) -> str:
    value = position.get("id")
    return value.strip() if isinstance(value, str) else ""


def _described(position: dict[str, Any]) -> bool:
    description = position.get("description")
    return isinstance(description, str) and bool(description.strip())
