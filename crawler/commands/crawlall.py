"""``scrapy crawlall``: run every spider over the sources file in one process, then a per-board summary.

Exit codes (``scrapy crawl`` uses the same, ``crawler/commands/crawl.py``):

* 0 — every board ok, empty or skipped, and every spider's crawl finished;
* 1 — a board failed, a page was not stored, or a crawl did not finish (stopped, or a spider would not start);
  the summary still lists every board, and the lines after it say what went wrong;
* 2 — a usage error: an unknown spider name (the spiders are listed), a bad option.
"""

from __future__ import annotations

import argparse
import difflib
from collections.abc import Iterable
from typing import Any, ClassVar

from scrapy.commands import ScrapyCommand
from scrapy.crawler import Crawler
from scrapy.exceptions import UsageError
from scrapy.settings import BaseSettings
from scrapy.spiderloader import get_spider_loader

# Outcomes a crawl can end with and still exit 0.
GOOD_OUTCOMES = frozenset({"ok", "empty", "skipped"})


class Command(ScrapyCommand):
    requires_project = True
    default_settings: ClassVar[dict[str, Any]] = {"LOG_LEVEL": "WARNING"}

    def short_desc(self) -> str:
        return "Crawl every board in the sources file with every spider, then print a per-board summary"

    def long_desc(self) -> str:
        return (
            "Crawl every board in the sources file with every spider (or --spiders), then print a per-board "
            "summary. Exit code 0: every board ok, empty or skipped; 1: a board failed, a page was not "
            "stored or a crawl did not finish; 2: usage error (e.g. an unknown spider). "
            "Example: scrapy crawlall --db jobs.db --spiders lever,greenhouse"
        )

    def syntax(self) -> str:
        return "[options]"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        parser.add_argument(
            "--spiders", default="", help="comma-separated spider names (default: every spider)"
        )
        add_db_option(parser)

    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        super().process_options(args, opts)
        apply_db_option(self.settings, opts)
        check_spiders(self.settings, spider_names(opts))

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        assert self.crawler_process is not None
        names = spider_names(opts) or sorted(self.crawler_process.spider_loader.list())
        crawlers = []
        for name in names:
            crawler = self.crawler_process.create_crawler(name)
            crawlers.append(crawler)
            self.crawler_process.crawl(crawler)
        self.crawler_process.start()
        self.exitcode = report(crawlers, bootstrap_failed=self.crawler_process.bootstrap_failed)


def add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db", metavar="PATH", default=None,
        help="SQLite database to store pages in (default: $JOBS_DB, else jobs.db); the same as -s JOBS_DB=PATH",
    )  # fmt: skip


def apply_db_option(settings: BaseSettings | None, opts: argparse.Namespace) -> None:
    """``--db PATH`` is the ``JOBS_DB`` setting, at the priority of ``-s`` (given last, it wins)."""
    if settings is not None and getattr(opts, "db", None):
        settings.set("JOBS_DB", opts.db, priority="cmdline")


def spider_names(opts: argparse.Namespace) -> list[str]:
    return [n.strip() for n in opts.spiders.split(",") if n.strip()]


def check_spiders(settings: BaseSettings | None, names: list[str]) -> None:
    """A usage error (exit 2) naming any unknown spider, before Scrapy starts and logs anything."""
    assert settings is not None
    known = sorted(get_spider_loader(settings).list())
    unknown = [n for n in names if n not in known]
    if unknown:
        raise UsageError(unknown_spiders(unknown, known), print_help=False)


def unknown_spiders(unknown: Iterable[str], known: list[str]) -> str:
    """One line naming the unknown spiders (and the closest real name), then the list of spiders."""
    parts = []
    for name in unknown:
        close = difflib.get_close_matches(name, known, n=1)
        parts.append(f"{name!r}" + (f" (did you mean {close[0]!r}?)" if close else ""))
    return f"unknown spider {', '.join(parts)}\nspiders: {', '.join(known)}"


def board_rows(crawlers: Iterable[Crawler]) -> list[tuple[str, str, str, str]]:
    """(spider, board, outcome, detail) for every board every crawler tried."""
    rows = []
    for crawler in crawlers:
        spider: Any = crawler.spider
        outcomes = spider.final_outcomes() if spider is not None and hasattr(spider, "final_outcomes") else {}
        for board, (outcome, detail) in sorted(outcomes.items()):
            rows.append((crawler.spidercls.name, board, outcome, detail))
    return rows


def crawl_problems(crawlers: Iterable[Crawler], *, bootstrap_failed: bool = False) -> list[str]:
    """What makes a crawl not a clean one, beyond failed boards: a crawl that did not finish, lost pages."""
    problems = ["a spider could not start (see the log)"] if bootstrap_failed else []
    for crawler in crawlers:
        name = crawler.spidercls.name
        stats = crawler.stats.get_stats() if crawler.stats is not None else {}
        reason = stats.get("finish_reason")
        if reason != "finished":
            problems.append(f"{name}: the crawl did not finish ({reason or 'never started'})")
        lost = int(stats.get("jobpulse/pages/write_failed", 0) or 0)
        if lost:
            problems.append(f"{name}: {lost} pages not stored (database locked or full?)")
    return problems


def report(crawlers: list[Crawler], *, bootstrap_failed: bool = False) -> int:
    """Print the per-board summary and what else went wrong; return the exit code (module docstring)."""
    rows = board_rows(crawlers)
    print(summary_table(rows))
    problems = crawl_problems(crawlers, bootstrap_failed=bootstrap_failed)
    for problem in problems:
        print(problem)
    return exit_code(rows, problems)


def exit_code(rows: Iterable[tuple[str, str, str, str]], problems: list[str]) -> int:
    """1 when a board failed or a problem was found, else 0."""
    return 1 if problems or any(outcome not in GOOD_OUTCOMES for _, _, outcome, _ in rows) else 0


def summary_table(rows: list[tuple[str, str, str, str]]) -> str:
    counts: dict[str, int] = {}
    for _, _, outcome, _ in rows:
        counts[outcome] = counts.get(outcome, 0) + 1
    lines = [f"{'spider':<12} {'board':<28} {'outcome':<8} detail"]
    lines += [f"{s:<12} {b:<28} {o:<8} {d}" for s, b, o, d in rows]
    lines.append(
        "boards: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) if counts else "boards: none"
    )
    return "\n".join(lines)
