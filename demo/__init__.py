"""An offline demo job market: fictitious employers served in every source kind's format, with planted truth.

``market.build_market()`` generates the postings (``generator``, ``text``; deterministic for a seed),
``formats`` renders each source kind's API, ``routes`` and ``server.DemoServer`` serve them on 127.0.0.1,
so the real spiders can crawl a market whose right answers (``truth``) are known. ``crawl`` runs that
crawl (``extract demo``); ``offline`` stores the same pages without one. Apart from ``crawl``, which
starts ``scrapy crawlall`` in a child process, nothing here imports Scrapy.
"""

from typing import Any

from demo.market import (
    DemoEmployer,
    DemoJob,
    DemoMarket,
    PlantedPosting,
    PlantedSalary,
    Response,
    Section,
    build_market,
)

__all__ = [
    "DemoEmployer",
    "DemoJob",
    "DemoMarket",
    "DemoServer",
    "PlantedPosting",
    "PlantedSalary",
    "Response",
    "Section",
    "build_market",
]


def __getattr__(name: str) -> Any:
    # Imported lazily so `python -m demo.server` does not find the module already loaded.
    if name == "DemoServer":
        from demo.server import DemoServer

        return DemoServer
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
