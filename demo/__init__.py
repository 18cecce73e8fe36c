"""An offline demo job market: fictitious employers served in four vendor formats, with planted truth.

``market.build_market()`` generates the postings (deterministic for a seed) and ``server.DemoServer`` serves
them on 127.0.0.1, so the real spiders can crawl a market whose right answers are known. Pure standard
library: nothing here imports Scrapy.
"""

from typing import Any

from demo.market import (
    DemoEmployer,
    DemoMarket,
    PlantedPosting,
    PlantedSalary,
    Response,
    build_market,
)

__all__ = [
    "DemoEmployer",
    "DemoMarket",
    "DemoServer",
    "PlantedPosting",
    "PlantedSalary",
    "Response",
    "build_market",
]


def __getattr__(name: str) -> Any:
    # Imported lazily so `python -m demo.server` does not find the module already loaded.
    if name == "DemoServer":
        from demo.server import DemoServer

        return DemoServer
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
