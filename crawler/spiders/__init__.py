"""One module per source kind: ``crawler/spiders/<kind>.py`` holds that platform's spider, named ``<kind>``.

This package is the registry of source kinds: the spiders Scrapy's spider loader finds here (``scrapy
list``, ``kinds()``) are the kinds, and nothing else lists them by hand. A spider builds on
``crawler.boards.BoardSpider`` (one board per sources-file row) or ``FeedSpider`` (a public feed); its API
root is its entry in ``JOBPULSE_API_ROOTS_BASE`` (``crawler/settings.py``).
"""

from __future__ import annotations

from scrapy import Spider
from scrapy.settings import Settings
from scrapy.spiderloader import SpiderLoaderProtocol, get_spider_loader


def _loader() -> SpiderLoaderProtocol:
    return get_spider_loader(Settings({"SPIDER_MODULES": [__name__]}))


def kinds() -> list[str]:
    """Every source kind: the names of the spiders in this package, sorted."""
    return sorted(_loader().list())


def spider_class(kind: str) -> type[Spider]:
    """The spider of one source kind (KeyError for a kind with no spider)."""
    return _loader().load(kind)
