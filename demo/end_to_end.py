"""``extract demo``: the whole job offline — the demo market crawled, extracted and reported.

Serves the demo job market on 127.0.0.1 and crawls it with Scrapy (``demo.crawl``), runs ``extract run``
on the database, and builds the report, as a user would run the three steps by hand.
"""

from __future__ import annotations

from collections.abc import Callable

from demo.crawl import crawl_demo_market
from extract.run import run_extraction
from report.build import build_report
from report.render import to_markdown
from store import open_db


def run_demo(db_path: str, *, postings: int | None, port: int, log: Callable[[str], None]) -> str:
    """Crawl the demo market into ``db_path``, extract it and return the report as Markdown; ``log`` gets
    the progress (the crawl's per-board summary, the extraction's summary line)."""
    log("crawling the demo job market on 127.0.0.1 …")
    log(crawl_demo_market(db_path, postings=postings, port=port))
    db = open_db(db_path)
    log(run_extraction(db).line())
    return to_markdown(build_report(db))
