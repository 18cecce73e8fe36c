"""``scrapy crawl <spider>``: Scrapy's own command, with ``--db``, a per-board summary and honest exit codes.

It replaces Scrapy's ``crawl`` in this project (``COMMANDS_MODULE``): the same options (``-a board=SLUG``,
``-s NAME=VALUE``, ``-o``), plus ``--db PATH`` (the same as ``-s JOBS_DB=PATH``). After the crawl it prints
the summary ``scrapy crawlall`` prints and exits as it does: 0 when every board was ok, empty or skipped, 1
when a board failed, a page was not stored or the crawl did not finish, 2 on a usage error — an unknown
spider name is one line and the list of spiders, not a traceback.
"""

from __future__ import annotations

import argparse

from scrapy.commands import crawl

from crawler.commands.crawlall import add_db_option, apply_db_option, check_spiders, report


class Command(crawl.Command):
    def long_desc(self) -> str:
        return (
            "Run one spider of the project, by name, then print a per-board summary. Exit code 0: every "
            "board ok, empty or skipped; 1: a board failed, a page was not stored or the crawl did not "
            "finish; 2: usage error (e.g. an unknown spider). "
            "Example: scrapy crawl lever -a board=SLUG --db jobs.db"
        )

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        add_db_option(parser)

    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        super().process_options(args, opts)
        apply_db_option(self.settings, opts)
        check_spiders(self.settings, args[:1])

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if len(args) != 1:
            # Scrapy's own checks and messages for a missing or second spider name.
            super().run(args, opts)
            return
        assert self.crawler_process is not None
        crawler = self._create_crawler(args[0])
        self.crawler_process.crawl(crawler, **opts.spargs)
        self.crawler_process.start()
        self.exitcode = report([crawler], bootstrap_failed=self.crawler_process.bootstrap_failed)
