"""NEOGOV: the agency feed is fetched from the NEOGOV site the row's careers URL is on."""

from __future__ import annotations

import pytest
from scrapy.utils.test import get_crawler

import crawler.settings
from crawler.sources import Source
from crawler.spiders.neogov import NeogovSpider

PROJECT = {name: value for name, value in vars(crawler.settings).items() if name.isupper()}
FEED = "/SearchEngine/JobsFeed?agency="


def _feed_url(url: str, roots: dict[str, str] | None = None) -> str:
    settings = {**PROJECT, **({"JOBPULSE_API_ROOTS": roots} if roots else {})}
    spider = NeogovSpider.from_crawler(get_crawler(NeogovSpider, settings))
    source = Source(company="A", ats="neogov", board="larchmereschools", industry="education", url=url)
    [request] = spider.board_requests(source)
    return request.url


@pytest.mark.parametrize(
    ("url", "feed"),
    [
        # A school district or college on schooljobs.com: its feed is there too.
        ("https://www.schooljobs.com/careers/larchmereschools", f"https://www.schooljobs.com{FEED}"),
        ("https://www.governmentjobs.com/careers/larchmereschools", f"https://www.governmentjobs.com{FEED}"),
        # No careers URL, or one off NEOGOV: the API root.
        ("", f"https://www.governmentjobs.com{FEED}"),
        ("https://jobs.larchmere.example/careers", f"https://www.governmentjobs.com{FEED}"),
    ],
)
def test_board_requests_use_the_rows_neogov_site(url: str, feed: str) -> None:
    assert _feed_url(url) == f"{feed}larchmereschools"


def test_board_requests_keep_a_local_root() -> None:
    local = {"neogov": "http://127.0.0.1:8765/neogov"}
    assert _feed_url("https://www.schooljobs.com/careers/larchmereschools", local) == (
        f"http://127.0.0.1:8765/neogov{FEED}larchmereschools"
    )
