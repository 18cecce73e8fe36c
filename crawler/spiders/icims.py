"""iCIMS career portals: the portal's sitemap, then each job's ``?in_iframe=1`` page.

A portal is ``careers-{board}.icims.com``. ``/sitemap.xml`` lists every job as ``/jobs/{id}/{slug}/job``
next to pages that are no job (``/jobs/intro``, ``/jobs/search``), which are skipped; some portals publish
a sitemap index instead, followed to its last child. The job URL itself serves a wrapper page that loads
the posting in an iframe: the posting, with its schema.org ``JobPosting`` JSON-LD, is the same URL with
``in_iframe=1``, which is what is fetched and stored. Sources: strelov1/freehire ``internal/sources/icims.go``
(sitemap, the index one level deep, ``/jobs/{id}`` ids, ``?in_iframe=1`` pages with JSON-LD); a public
sitemap harvester's notes on ``careers-{company}.icims.com/sitemap.xml`` (``<loc>`` ``/jobs/{id}/{slug}/job``
and ``<lastmod>``) and a probe's note that every sitemap carries a ``/jobs/intro`` entry, jobs or none.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from crawler.sources import Source
from crawler.spiders.jsonld import SitemapSpider

# /jobs/{numeric id}/… : a posting; /jobs/intro, /jobs/search and other pages have no id.
JOB_PAGE = re.compile(r"/jobs/\d+(?:/|$)")


def iframe_url(loc: str) -> str:
    """The job page with ``in_iframe=1`` (the page itself, not the wrapper), other query values kept."""
    parts = urlsplit(loc)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "in_iframe"]
    return urlunsplit(parts._replace(query=urlencode([*query, ("in_iframe", "1")])))


class IcimsSpider(SitemapSpider):
    name = "icims"

    def sitemap_url(self, source: Source) -> str:
        return f"{self.api_root(source)}/sitemap.xml"

    def job_page_url(self, loc: str) -> str | None:
        return iframe_url(loc) if JOB_PAGE.search(urlsplit(loc).path) else None
