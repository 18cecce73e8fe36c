"""One module per source kind, named after its spider: how the demo serves that vendor or feed.

Every module here is discovered (``FORMATS``), so adding a source kind to the demo is adding one module.
Each defines:

- ``FEED``: True for a public feed of many employers (no sources-file row, one implicit board);
- ``ROUTES``: ``(path pattern, handler)`` pairs; a handler takes ``(market, request, *groups)`` and
  returns a ``Response`` shaped like the real API's;
- ``requests(market, board)``: the ``(path, query)`` requests its spider makes for one board;
- ``board_of(path, query)``: the board a served page belongs to, or None for pages a crawl does not store;
- ``new_id(rng)``: a fresh source id in the vendor's style.

and may define ``fit_salary(salary)`` (where this source can state pay: in the text when it has no field
for it), ``PAGED`` (a pattern of paths whose pages differ only by query), ``CRAWL_SETTINGS`` and
``CRAWL_HEADERS`` (what the demo crawl sends), ``POSTED_DAYS`` (how many days before the market date a
posting may be dated), ``source_url(base_url, board)`` (the sources file's URL column) and
``sitemaps(market, base)`` (lines for ``robots.txt``).
"""

from __future__ import annotations

import importlib
import pkgutil
import random
from types import ModuleType

from demo.model import POSTED_WINDOW_DAYS, PlantedSalary

FORMATS: dict[str, ModuleType] = {
    info.name: importlib.import_module(f"{__name__}.{info.name}")
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda info: info.name)
    if not info.name.startswith("_")
}


def is_feed(kind: str) -> bool:
    return bool(FORMATS[kind].FEED)


def new_id(kind: str, rng: random.Random) -> str:
    return str(FORMATS[kind].new_id(rng))


def fit_salary(kind: str, salary: PlantedSalary | None) -> PlantedSalary | None:
    """Where a source can state this pay (its ``fit_salary``; unchanged when it has a field for any pay)."""
    fit = getattr(FORMATS[kind], "fit_salary", None)
    if salary is None or fit is None:
        return salary
    fitted: PlantedSalary = fit(salary)
    return fitted


def posted_days(kind: str) -> tuple[int, int]:
    """How many days before the market date a posting of this source may be dated (inclusive)."""
    days: tuple[int, int] = getattr(FORMATS[kind], "POSTED_DAYS", (1, POSTED_WINDOW_DAYS))
    return days


def source_url(kind: str, base_url: str, board: str) -> str:
    """The sources file's URL for a board: empty unless the spider needs one (a career site's sitemap)."""
    url = getattr(FORMATS[kind], "source_url", None)
    return str(url(base_url, board)) if url else ""


def crawl_settings() -> dict[str, str]:
    """The settings the demo crawl passes, merged over every source kind."""
    return {
        name: value
        for module in FORMATS.values()
        for name, value in getattr(module, "CRAWL_SETTINGS", {}).items()
    }


def crawl_headers() -> dict[str, str]:
    """The request headers the demo crawl sends (credentials), merged over every source kind."""
    return {
        name: value
        for module in FORMATS.values()
        for name, value in getattr(module, "CRAWL_HEADERS", {}).items()
    }
