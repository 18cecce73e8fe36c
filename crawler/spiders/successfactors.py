"""SAP SuccessFactors Recruiting Marketing career sites ("Career Site Builder"): the job sitemap, then pages.

Each employer runs the site on its own host (``jobs.example.com``, from the sources row's ``url``). The site
lists every job page in ``/job_sitemap.xml`` (``<url><loc>…/job/{slug}/{id}/</loc><lastmod>``); the pages
carry the posting as schema.org ``JobPosting`` microdata, read by ``extract.vendors.successfactors``. Some
sites also serve the list as an RSS feed with Google Base ``g:`` fields (``/sitemal.xml``, sic): a row whose
url is that feed (``https://{host}/sitemal.xml``), or an ``options`` entry ``sitemap=sitemal.xml``, reads it
instead (its ``<item><link>``s are the job pages). A sitemap index is followed to its end. Only
``/job/…/{id}/`` pages are fetched: a site's general ``/sitemap.xml`` also lists search and content pages.
Sources: strelov1/freehire ``internal/sources/successfactors.go`` (job_sitemap.xml, microdata
``itemprop=title/description``, the numeric id at the end of the page path, optional locale suffix); a public
vitest fixture of the ``sitemal.xml`` RSS (``g:id``, ``g:location``, ``g:employer``) sampled from two live
sites; ``../shared/api-shapes.md`` (location often only in the description).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import lxml.etree
from scrapy.http import Response

from crawler.boards import SAFE_XML
from crawler.sources import Source
from crawler.spiders.jsonld import SitemapSpider

# /job/{slug}/{id}/ or /{tenant}/job/{slug}/{id}/, the id with an optional locale suffix (98012-en_GB).
JOB_PAGE = re.compile(r"/job/(?:[^/]+/)?\d+(?:-[^/]*)?/?$")
DEFAULT_SITEMAP = "job_sitemap.xml"


class SuccessFactorsSpider(SitemapSpider):
    name = "successfactors"

    def sitemap_url(self, source: Source) -> str:
        """``{root}/job_sitemap.xml``; a row whose url is a sitemap or feed (``…/sitemal.xml``) names its own
        path, and an ``options`` entry ``sitemap=…`` wins over both."""
        given = urlsplit(source.url).path if source.url.lower().endswith(".xml") else ""
        path = source.params().get("sitemap") or given or DEFAULT_SITEMAP
        return f"{self.api_root(source)}/{path.lstrip('/')}"

    def job_page_url(self, loc: str) -> str | None:
        return loc if JOB_PAGE.search(urlsplit(loc).path) else None

    def sitemap_entries(self, response: Response) -> tuple[str, list[str]]:
        links = rss_links(self.text(response).encode("utf-8", "surrogatepass"))
        return ("urlset", links) if links is not None else super().sitemap_entries(response)


def rss_links(body: bytes) -> list[str] | None:
    """The item links of an RSS feed (the ``sitemal.xml`` variant, as UTF-8); None when it is not RSS."""
    try:
        root = lxml.etree.fromstring(body, parser=SAFE_XML)
    except lxml.etree.XMLSyntaxError:
        return None
    if root is None or root.tag != "rss":
        return None
    return [link.strip() for link in root.xpath("channel/item/link/text()") if link.strip()]
