"""The iCIMS spider's portal host: the row's own ``*.icims.com`` host, ``careers-{board}`` without one."""

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
        # The employer's own site or the vendor's: no portal named, the default stands.
        ("https://www.acme.example/careers", "acme", "https://careers-acme.icims.com/sitemap.xml"),
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
