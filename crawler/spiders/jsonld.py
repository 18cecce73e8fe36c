"""Career pages carrying schema.org JobPosting JSON-LD, found through the employer's sitemap.

``SitemapSpider`` is what every sitemap-listed career site shares (this kind, SuccessFactors, iCIMS): the
sitemap, or a sitemap index followed to its last child, then every job page it lists, stored as fetched.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any
from urllib.parse import urljoin, urlsplit

import scrapy
from scrapy.http import Response
from scrapy.utils.sitemap import Sitemap

from crawler.boards import EMPTY, FAILED, OK, BoardSpider
from crawler.sources import Source

SITEMAP_TYPES = ("urlset", "sitemapindex")


class SitemapSpider(BoardSpider):
    """A career site listed by its sitemap (no ``name``: a base for the platforms that work this way).

    A platform says where the sitemap is (``sitemap_url``) and which listed URLs are job pages and how to
    request them (``job_page_url``). A board's outcome is decided when the last sitemap of its index has
    been read, so it counts every child: ok with the number of job pages, empty when none. A sitemap that is
    missing or not a sitemap fails the board: a listing with a hole must not close the postings it misses.
    A location written relative to its sitemap is read against it (the protocol asks for whole addresses;
    some sites write paths); one that is no web address (``mailto:``, a broken host) is skipped, logged
    with its sitemap and counted in the board's outcome, and the sitemap's other locations are still read.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.sitemaps_pending: dict[str, int] = {}
        self.sitemaps_seen: dict[str, set[str]] = {}
        self.pages_listed: dict[str, set[str]] = {}
        self.locations_skipped: dict[str, int] = {}

    def sitemap_url(self, source: Source) -> str:
        return self.api_root(source)

    def job_page_url(self, loc: str) -> str | None:
        """The URL to fetch for a listed page, or None for a page that is no job (a search or intro page)."""
        return loc

    def sitemap_entries(self, response: Response) -> tuple[str, list[str]]:
        """``(type, locs)`` of a sitemap: ``urlset`` (pages) or ``sitemapindex`` (child sitemaps).

        Raises ValueError for a document that is no sitemap (an HTML error page, JSON).
        """
        sitemap = Sitemap(response.body)
        if sitemap.type not in SITEMAP_TYPES:
            raise ValueError(f"not a sitemap (root <{sitemap.type}>)")
        return sitemap.type, [entry["loc"] for entry in sitemap if entry.get("loc")]

    def board_requests(self, source: Source) -> Iterable[scrapy.Request]:
        url = self.sitemap_url(source)
        self.sitemaps_pending[source.board] = 1
        self.sitemaps_seen[source.board] = {url}
        self.pages_listed[source.board] = set()
        self.locations_skipped[source.board] = 0
        yield self.request(url, source, self.parse_sitemap)

    def parse_sitemap(self, response: Response, source: Source) -> Iterator[Any]:
        board = source.board
        self.sitemaps_pending[board] -= 1
        if response.status == 404:
            self.board_outcome(source, FAILED, f"sitemap not found (404) at {response.url}")
            return
        try:
            kind, locs = self.sitemap_entries(response)
        except Exception as error:  # lxml raises several types on broken XML
            self.board_outcome(source, FAILED, f"unreadable sitemap at {response.url}: {error}")
            return
        locs = self.web_addresses(response, locs, source)
        if kind == "sitemapindex":
            yield from self.child_sitemaps(locs, source)
        else:
            yield from self.job_pages(locs, source)
        if self.sitemaps_pending[board] == 0:
            listed, skipped = len(self.pages_listed[board]), self.locations_skipped[board]
            note = f" ({skipped} listed locations skipped: no web address)" if skipped else ""
            if listed:
                self.board_outcome(source, OK, f"{listed} pages listed{note}")
            else:
                self.board_outcome(source, EMPTY, f"sitemap lists no pages{note}")

    def web_addresses(self, response: Response, locs: list[str], source: Source) -> list[str]:
        """A sitemap's locations as web addresses, read against the sitemap's own; one that is none is
        skipped, logged and counted for the board."""
        addresses = []
        for loc in locs:
            address = web_address(response.url, loc)
            if address is None:
                self.locations_skipped[source.board] += 1
                self.crawler.stats.inc_value(f"jobpulse/{self.name}/location_skipped")
                self.logger.warning("sitemap %s lists %r, no web address: skipped", response.url, loc)
            else:
                addresses.append(address)
        return addresses

    def child_sitemaps(self, locs: list[str], source: Source) -> Iterator[scrapy.Request]:
        # An index that lists a child twice, or itself, is read once: each board keeps what it asked for.
        seen = self.sitemaps_seen[source.board]
        for loc in locs:
            if loc not in seen:
                seen.add(loc)
                self.sitemaps_pending[source.board] += 1
                yield self.request(loc, source, self.parse_sitemap)

    def job_pages(self, locs: list[str], source: Source) -> Iterator[scrapy.Request]:
        listed = self.pages_listed[source.board]
        for loc in locs:
            url = self.job_page_url(loc)
            if url is not None and url not in listed:
                listed.add(url)
                yield self.request(url, source, self.parse_job_page)

    def parse_job_page(self, response: Response, source: Source) -> Iterator[Any]:
        if response.status == 404:
            # Listed but gone (removed after the sitemap was written): not listed any more, nothing missing.
            self.crawler.stats.inc_value(f"jobpulse/{self.name}/page_gone")
            return
        if response.status != 200:
            self.incomplete(source, response, "job page")
            return
        yield self.page(response, source)


class JsonLdSpider(SitemapSpider):
    """The sources row's ``url`` is the sitemap (or sitemap index); every page it lists is stored.

    Its API root is that ``url`` (``{url}`` in ``JOBPULSE_API_ROOTS_BASE``): each employer runs its own site.
    """

    name = "jsonld"

    def board_requests(self, source: Source) -> Iterable[scrapy.Request]:
        if not source.url:
            self.board_outcome(source, FAILED, "no sitemap url in the sources file")
            return
        yield from super().board_requests(source)


def web_address(sitemap: str, loc: str) -> str | None:
    """``loc`` as a whole http(s) address, read against the ``sitemap`` that lists it, or None when it names
    no web page (``mailto:``, ``javascript:``, a broken host or port)."""
    try:
        address = urljoin(sitemap, loc.strip())
        parts = urlsplit(address)
        parts.port  # noqa: B018 - raises ValueError for a port out of range
    except ValueError:
        return None
    return address if parts.scheme in ("http", "https") and parts.hostname else None
