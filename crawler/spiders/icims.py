"""iCIMS career portals: the portal's sitemap, then each job's ``?in_iframe=1`` page.

A portal is ``{prefix}-{company}.icims.com``: most are ``careers-{board}.icims.com``, but the employer picks
the prefix (``jobs-``, ``uscareers-``, ``globalcareers-``, ``external-``, ``externalhourly-`` …), so a row
whose careers ``url`` is on an ``*.icims.com`` host is crawled on that host; ``careers-{board}`` is only the
default for a row without one. A row whose url is on any other host is taken for a vanity site on iCIMS's
newer "careers-home" product (``careers.{company}.com``): its ``/sitemap.xml`` is an index of sitemaps
listing ``/jobs/{id}?lang=…``, and each posting is the page ``/careers-home/jobs/{id}?in_iframe=1``. A
classic portal's ``/sitemap.xml`` lists every job as ``/jobs/{id}/{slug}/job`` next to pages that are no job
(``/jobs/intro``, ``/jobs/search``), which are skipped; some portals publish a sitemap index instead,
followed to its last child. The job URL itself serves a wrapper page that loads the posting in an iframe:
the posting, with its schema.org ``JobPosting`` JSON-LD, is the same URL with ``in_iframe=1``, which is
what is fetched and stored. A job that is no longer public
answers 410 Gone (as 404 elsewhere): listed but gone, not a hole in the listing.
Sources: strelov1/freehire ``internal/sources/icims.go`` (sitemap, the index one level deep, ``/jobs/{id}``
ids, ``?in_iframe=1`` pages with JSON-LD); a public sitemap harvester's notes on
``careers-{company}.icims.com/sitemap.xml`` (``<loc>`` ``/jobs/{id}/{slug}/job`` and ``<lastmod>``) and a
probe's note that every sitemap carries a ``/jobs/intro`` entry, jobs or none; colophon-group/jobseek
``monitors/icims.py`` (any ``*.icims.com`` host is a portal); freehire PR #517 and ``icims_test.go``
(careers-home vanity sites: the sitemap index, ``/jobs/{id}?lang=en-us`` locs, the
``/careers-home/jobs/{id}?in_iframe=1`` posting page); kalil0321/ats-scrapers ``tests/test_icims.py``
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
# A careers-home (vanity site) job: /jobs/{id} ends the path, no slug and no "/job" after it.
CAREERS_HOME_JOB = re.compile(r"/jobs/(\d+)/?$")
GONE = 410


def iframe_url(loc: str) -> str:
    """The job page with ``in_iframe=1`` (the page itself, not the wrapper), other query values kept."""
    parts = urlsplit(loc)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "in_iframe"]
    return urlunsplit(parts._replace(query=urlencode([*query, ("in_iframe", "1")])))


def careers_home_url(loc: str) -> str:
    """A vanity site's job (``/jobs/{id}?lang=en-us``) as its posting page, ``/careers-home/jobs/{id}``
    with ``in_iframe=1``."""
    parts = urlsplit(loc)
    path = CAREERS_HOME_JOB.sub(r"/careers-home/jobs/\1", parts.path)
    return urlunsplit(parts._replace(path=path, query="in_iframe=1", fragment=""))


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower().rstrip(".")


def _on_icims(host: str) -> bool:
    return host == "icims.com" or host.endswith(".icims.com")


def portal_host(url: str) -> str | None:
    """The iCIMS portal a URL is on (``jobs-acme.icims.com``), or None for any other host."""
    host = _host(url)
    return host if PORTAL_HOST.match(host) and host not in NOT_PORTALS else None


def site_host(url: str) -> str | None:
    """The host a row's careers url names: an iCIMS portal, or the employer's own (vanity) careers site;
    None for no host or one of the vendor's own."""
    host = _host(url)
    return portal_host(url) if _on_icims(host) else host or None


class IcimsSpider(SitemapSpider):
    name = "icims"
    handle_httpstatus_list: ClassVar[list[int]] = [404, GONE]

    def api_root(self, source: Source) -> str:
        """``https://careers-{board}.icims.com``, unless the row's url names another portal or a vanity site:
        then that host. A root pointed elsewhere (a local server) is kept as it is."""
        root = super().api_root(source)
        host = site_host(source.url)
        return f"https://{host}" if host and portal_host(root) else root

    def sitemap_url(self, source: Source) -> str:
        return f"{self.api_root(source)}/sitemap.xml"

    def job_page_url(self, loc: str) -> str | None:
        path = urlsplit(loc).path
        if not JOB_PAGE.search(path):
            return None
        if CAREERS_HOME_JOB.search(path) and not _on_icims(_host(loc)):
            return careers_home_url(loc)
        return iframe_url(loc)

    def parse_job_page(self, response: Response, source: Source) -> Iterator[Any]:
        if response.status == GONE:
            # Taken down after the sitemap was written: gone, like a 404, not a page the board is missing.
            self.crawler.stats.inc_value(f"jobpulse/{self.name}/page_gone")
            return
        yield from super().parse_job_page(response, source)
