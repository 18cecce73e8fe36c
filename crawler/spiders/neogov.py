"""NEOGOV agency job boards on governmentjobs.com: each agency's RSS job feed, whole, in one response.

``/SearchEngine/JobsFeed?agency={board}`` (the agency's slug in ``governmentjobs.com/careers/{board}``) is an
RSS 2.0 channel whose items carry NEOGOV's ``joblisting:`` fields (pay, closing date, location, department).
The feed has no pages: one answer is the whole board. A channel without items is a healthy empty board; a
404, or an answer that is not an RSS channel (an HTML error page), fails the board. NEOGOV serves school
districts and colleges on its second site, schooljobs.com, with the same feed at the same path: a row whose
careers URL is on another NEOGOV site than the API root is fetched from that site (the root of the demo and
the tests, on 127.0.0.1, is kept). Sources: GSA/jobs_api ``lib/importers/neogov_data.rb`` and its
``spec/resources/neogov`` feeds (the legacy ``agency.governmentjobs.com/jobfeed.cfm?agency=`` address of the
same feed); several public fetchers of ``www.governmentjobs.com/SearchEngine/JobsFeed?agency=…``, and of
``www.schooljobs.com/SearchEngine/JobsFeed?agency=…`` for a school district (jorgeasaurus/EndpointJobs
``scripts/job-refresh/providers/schooljobs.ts``; read via the search tool).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any
from urllib.parse import quote, urlsplit

import scrapy
from scrapy.http import Response

from crawler.boards import EMPTY, FAILED, OK, BoardSpider
from crawler.sources import Source

# The sites NEOGOV serves agency feeds on: governmentjobs.com, and schooljobs.com for schools and colleges.
NEOGOV_SITES = ("governmentjobs.com", "schooljobs.com")


def neogov_host(url: str) -> str | None:
    """The host of ``url`` when it is one of NEOGOV's sites (``www.schooljobs.com``), else None."""
    host = (urlsplit(url).hostname or "").lower()
    return host if any(host == site or host.endswith(f".{site}") for site in NEOGOV_SITES) else None


class NeogovSpider(BoardSpider):
    name = "neogov"

    def feed_root(self, source: Source) -> str:
        """The API root, on the NEOGOV site of the row's careers URL when the root is another NEOGOV site."""
        root = self.api_root(source)
        row_host, root_host = neogov_host(source.url), neogov_host(root)
        if row_host and root_host and row_host != root_host:
            return f"https://{row_host}"
        return root

    def board_requests(self, source: Source) -> Iterable[scrapy.Request]:
        url = f"{self.feed_root(source)}/SearchEngine/JobsFeed?agency={quote(source.board)}"
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
