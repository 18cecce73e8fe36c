"""iCIMS career portals: the portal's sitemap, then each job's ``?in_iframe=1`` page.

A portal is ``{prefix}-{company}.icims.com``: most are ``careers-{board}.icims.com``, but the employer picks
the prefix (``jobs-``, ``uscareers-``, ``globalcareers-``, ``external-``, ``externalhourly-`` …), so a row
whose careers ``url`` is on an ``*.icims.com`` host is crawled on that host; ``careers-{board}`` is only the
default for a row without one. ``/sitemap.xml`` lists every job as
``/jobs/{id}/{slug}/job`` next to pages that are no job (``/jobs/intro``, ``/jobs/search``), which are
skipped; some portals publish a sitemap index instead, followed to its last child. The job URL itself serves
a wrapper page that loads the posting in an iframe: the posting, with its schema.org ``JobPosting`` JSON-LD,
is the same URL with ``in_iframe=1``, which is what is fetched and stored. A job that is no longer public
answers 410 Gone (as 404 elsewhere): listed but gone, not a hole in the listing.
Sources: strelov1/freehire ``internal/sources/icims.go`` (sitemap, the index one level deep, ``/jobs/{id}``
ids, ``?in_iframe=1`` pages with JSON-LD); a public sitemap harvester's notes on
``careers-{company}.icims.com/sitemap.xml`` (``<loc>`` ``/jobs/{id}/{slug}/job`` and ``<lastmod>``) and a
probe's note that every sitemap carries a ``/jobs/intro`` entry, jobs or none; colophon-group/jobseek
``monitors/icims.py`` (any ``*.icims.com`` host is a portal); kalil0321/ats-scrapers ``tests/test_icims.py``
(``uscareers-rws``) and the reviews of its PRs #48 and #204 (``jobs-joa``, ``external-92y``: ``careers-``
wrongly prefixed to such portals); career-ops-hq/career-ops PR #4132 (the same doubled prefix fixed); a
public test of a ``core.fetching.ats`` iCIMS resolver that measured 410 for 40 of 40 job ids missing from
two portals' sitemaps.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, ClassVar
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from scrapy.http import Response

from crawler.sources import Source
from crawler.spiders.jsonld import SitemapSpider

# /jobs/{numeric id}/… : a posting; /jobs/intro, /jobs/search and other pages have no id.
JOB_PAGE = re.compile(r"/jobs/\d+(?:/|$)")
# One DNS label under icims.com: a portal. The vendor's own hosts are no portal.
PORTAL_HOST = re.compile(r"^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.icims\.com$")
NOT_PORTALS = frozenset(
    {"www.icims.com", "api.icims.com", "app.icims.com", "help.icims.com", "support.icims.com"}
)
GONE = 410


def iframe_url(loc: str) -> str:
    """The job page with ``in_iframe=1`` (the page itself, not the wrapper), other query values kept."""
    parts = urlsplit(loc)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "in_iframe"]
    return urlunsplit(parts._replace(query=urlencode([*query, ("in_iframe", "1")])))


def portal_host(url: str) -> str | None:
    """The iCIMS portal a URL is on (``jobs-acme.icims.com``), or None for any other host."""
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    return host if PORTAL_HOST.match(host) and host not in NOT_PORTALS else None


class IcimsSpider(SitemapSpider):
    name = "icims"
    handle_httpstatus_list: ClassVar[list[int]] = [404, GONE]

    def api_root(self, source: Source) -> str:
        """``https://careers-{board}.icims.com``, unless the row's url is on another portal host: then that
        host. A root pointed elsewhere (a local server) is kept as it is."""
        root = super().api_root(source)
        host = portal_host(source.url)
        return f"https://{host}" if host and portal_host(root) else root

    def sitemap_url(self, source: Source) -> str:
        return f"{self.api_root(source)}/sitemap.xml"

    def job_page_url(self, loc: str) -> str | None:
        return iframe_url(loc) if JOB_PAGE.search(urlsplit(loc).path) else None

    def parse_job_page(self, response: Response, source: Source) -> Iterator[Any]:
        if response.status == GONE:
            # Taken down after the sitemap was written: gone, like a 404, not a page the board is missing.
            self.crawler.stats.inc_value(f"jobpulse/{self.name}/page_gone")
            return
        yield from super().parse_job_page(response, source)
