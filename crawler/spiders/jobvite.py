"""Jobvite company job feed: every open job of a company, with descriptions, in one XML document.

``/CompanyJobs/Xml.aspx?c={board}`` (the board is the company's Jobvite id, e.g. ``qX79Vfwx``, as in its
career-site links) answers ``<result>`` of ``<job>``s; a company with no open job is an empty ``<result/>``.
The feed is not paged. A 404, or whatever does not parse as a ``<result>`` document (an error page for an
unknown id), fails the board. Shapes: see ``extract/vendors/jobvite.py``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import scrapy
from scrapy.http import Response

from crawler.boards import EMPTY, FAILED, OK, BoardSpider
from crawler.sources import Source


class JobviteSpider(BoardSpider):
    name = "jobvite"

    def board_requests(self, source: Source) -> Iterable[scrapy.Request]:
        yield self.request(
            f"{self.api_root(source)}/CompanyJobs/Xml.aspx?c={source.board}", source, self.parse_feed
        )

    def parse_feed(self, response: Response, source: Source) -> Iterator[Any]:
        root = self.xml_root(response, source, "Jobvite", missing="unknown company")
        if root is None:
            return
        if root.tag != "result":
            self.board_outcome(source, FAILED, f"not a Jobvite feed at {response.url} (root <{root.tag}>)")
            return
        yield self.page(response, source)
        jobs = len(root.findall("job"))
        self.board_outcome(source, OK if jobs else EMPTY, f"{jobs} jobs")
