"""The iCIMS spider's portal host (the row's own ``*.icims.com`` host or vanity site, ``careers-{board}``
without one) and the posting page it fetches for each listed job."""

from __future__ import annotations

import pytest
from scrapy.utils.test import get_crawler

import crawler.settings
from crawler.sources import Source
from crawler.spiders.icims import IcimsSpider

PROJECT = {name: value for name, value in vars(crawler.settings).items() if name.isupper()}


def _sitemap(url: str, board: str = "acme", **settings: str) -> str:
    spider = IcimsSpider.from_crawler(get_crawler(IcimsSpider, {**PROJECT, **settings}))
    return spider.sitemap_url(Source("Acme", "icims", board, "", url=url))


@pytest.mark.parametrize(
    ("url", "board", "sitemap"),
    [
        ("", "acme", "https://careers-acme.icims.com/sitemap.xml"),
        ("https://careers-acme.icims.com/jobs/search", "acme", "https://careers-acme.icims.com/sitemap.xml"),
        # Another prefix: the row's host, never "careers-" put in front of it.
        ("https://corporatecareers-acme.icims.com/jobs/intro", "corporatecareers-acme",
         "https://corporatecareers-acme.icims.com/sitemap.xml"),
        ("https://jobs-acme.icims.com/jobs/intro?hashed=0", "acme", "https://jobs-acme.icims.com/sitemap.xml"),
        ("https://USCareers-Acme.icims.com", "acme", "https://uscareers-acme.icims.com/sitemap.xml"),
        # A vanity careers-home site is its own host.
        ("https://careers.acme.example/", "acme", "https://careers.acme.example/sitemap.xml"),
        # The vendor's own site names no portal: the default stands.
        ("https://www.icims.com/", "acme", "https://careers-acme.icims.com/sitemap.xml"),
    ],
)  # fmt: skip
def test_sitemap_is_on_the_rows_portal(url: str, board: str, sitemap: str) -> None:
    assert _sitemap(url, board) == sitemap


def test_sitemap_on_a_local_root_keeps_it() -> None:
    local = '{"icims": "http://127.0.0.1:8765/icims/{board}"}'
    assert _sitemap("https://jobs-acme.icims.com/", JOBPULSE_API_ROOTS=local) == (
        "http://127.0.0.1:8765/icims/acme/sitemap.xml"
    )


@pytest.mark.parametrize(
    ("loc", "page"),
    [
        ("https://careers-acme.icims.com/jobs/3787/medical-assistant/job",
         "https://careers-acme.icims.com/jobs/3787/medical-assistant/job?in_iframe=1"),
        ("https://careers-acme.icims.com/jobs/3787", "https://careers-acme.icims.com/jobs/3787?in_iframe=1"),
        # A careers-home vanity site: the posting is the careers-home page, its language left to the site.
        ("https://careers.acme.example/jobs/27897?lang=en-us",
         "https://careers.acme.example/careers-home/jobs/27897?in_iframe=1"),
        ("https://careers.acme.example/jobs/29339", "https://careers.acme.example/careers-home/jobs/29339?in_iframe=1"),
        ("https://careers.acme.example/jobs/search", None),
        ("https://careers-acme.icims.com/jobs/intro", None),
    ],
)  # fmt: skip
def test_job_page_url(loc: str, page: str | None) -> None:
    spider = IcimsSpider.from_crawler(get_crawler(IcimsSpider, PROJECT))
    assert spider.job_page_url(loc) == page
