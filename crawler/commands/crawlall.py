"""``scrapy crawlall``: run every spider over the sources file in one process, then a per-board summary."""

from __future__ import annotations

import argparse
from typing import Any, ClassVar

from scrapy.commands import ScrapyCommand


class Command(ScrapyCommand):
    requires_project = True
    default_settings: ClassVar[dict[str, Any]] = {"LOG_LEVEL": "WARNING"}

    def short_desc(self) -> str:
        return "Crawl every board in the sources file with every spider, then print a per-board summary"

    def syntax(self) -> str:
        return "[options]"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        parser.add_argument(
            "--spiders", default="", help="comma-separated spider names (default: every spider)"
        )

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        assert self.crawler_process is not None
        loader = self.crawler_process.spider_loader
        names = [n for n in opts.spiders.split(",") if n] or sorted(loader.list())
        crawlers = []
        for name in names:
            crawler = self.crawler_process.create_crawler(name)
            crawlers.append(crawler)
            self.crawler_process.crawl(crawler)
        self.crawler_process.start()
        if self.crawler_process.bootstrap_failed:
            self.exitcode = 1
        rows = []
        for crawler in crawlers:
            spider: Any = crawler.spider
            for board, (outcome, detail) in sorted(spider.final_outcomes().items() if spider else []):
                rows.append((crawler.spidercls.name, board, outcome, detail))
        print(summary_table(rows))


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
