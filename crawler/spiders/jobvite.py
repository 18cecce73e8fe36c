"""Jobvite company job feed: every open job of a company, with descriptions, in one XML document.

``/CompanyJobs/Xml.aspx?c={board}`` (the board is the company's Jobvite id, its ``companyEId`` such as
``qX79Vfwx``, not the vanity slug of ``jobs.jobvite.com/{slug}``) answers ``<result>`` of ``<job>``s. The feed
is not paged. A company with no open job is not an empty ``<result/>``: the feed answers 302 to
``NoJobs.htm`` (relative, on the feed's own host), and a board that lands there is empty. A 404, or whatever
else does not parse as a ``<result>`` document (an error page for an unknown id), fails the board.

The feed's host answers ``429 Retry-After: 30`` from a client's second request within about 30 seconds, so
this spider waits ``DOWNLOAD_DELAY`` = 30 s between its requests (one per board) rather than spending its
retries on 429s. Shapes and sources: see ``extract/vendors/jobvite.py``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy.http import Response

from crawler.boards import EMPTY, FAILED, OK, BoardSpider, redirected_from
from crawler.sources import Source

# Where the feed sends a company with no open job (a 302 with "Location: NoJobs.htm").
NO_JOBS_PAGE = "/nojobs.htm"


class JobviteSpider(BoardSpider):
    name = "jobvite"
    # The feed's host throttles to about one request per 30 s (429 Retry-After: 30 from the second on).
    custom_settings = {"DOWNLOAD_DELAY": 30, "RANDOMIZE_DOWNLOAD_DELAY": False}  # noqa: RUF012 - Scrapy declares it a plain (instance) attribute

    def board_requests(self, source: Source) -> Iterable[scrapy.Request]:
        yield self.request(
            f"{self.api_root(source)}/CompanyJobs/Xml.aspx?c={source.board}", source, self.parse_feed
        )

    def parse_feed(self, response: Response, source: Source) -> Iterator[Any]:
        if redirected_from(response) and is_no_jobs_page(response.url):
            self.board_outcome(source, EMPTY, f"0 jobs (redirected to {response.url})")
            return
        root = self.xml_root(response, source, "Jobvite", missing="unknown company")
        if root is None:
            return
        if root.tag != "result":
            self.board_outcome(source, FAILED, f"not a Jobvite feed at {response.url} (root <{root.tag}>)")
            return
        yield self.page(response, source)
        jobs = len(root.findall("job"))
        self.board_outcome(source, OK if jobs else EMPTY, f"{jobs} jobs")


def is_no_jobs_page(url: str) -> bool:
    """Whether ``url`` is the page the feed redirects a company with no open job to."""
    return urlsplit(url).path.lower().endswith(NO_JOBS_PAGE)
