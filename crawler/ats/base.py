"""What every board spider shares: reading the sources file, storing pages, counting board outcomes.

Two kinds of source:

* ``BoardSpider`` — an ATS keyed by employer: one board per sources-file row (Greenhouse, Lever, …).
* ``FeedSpider`` — a public feed of many employers (HN "Who is hiring", Remotive, RemoteOK, USAJOBS). It has
  no sources-file rows and adds no ``boards`` row (a board row says one employer and its industry; a feed
  posting names its own employer). It crawls one implicit board, named by ``feed_board()`` (the feed's
  name, or the HN month), so a feed still gets an ok/empty/failed outcome like any board.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterable
from datetime import UTC, datetime
from typing import Any, ClassVar

import scrapy
from scrapy.http import Response
from twisted.python.failure import Failure

from crawler.items import RawPage
from crawler.sources import Source, load_sources

# Board outcomes, counted into crawl stats as jobpulse/boards/<outcome>.
OK, EMPTY, FAILED = "ok", "empty", "failed"
# A source that was not attempted (a feed that needs credentials we were not given).
SKIPPED = "skipped"


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


class BoardSpider(scrapy.Spider):
    """Crawls every board of one ATS listed in the sources file (or one, with ``-a board=SLUG``)."""

    ats: ClassVar[str]
    # 404 means "unknown board" on most vendors: the callback must see it to say so.
    handle_httpstatus_list: ClassVar[list[int]] = [404]

    def __init__(self, board: str | None = None, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.only_board = board
        self.board_outcomes: dict[str, tuple[str, str]] = {}
        self.boards_tried: dict[str, Source] = {}

    def sources(self) -> list[Source]:
        wanted = [s for s in load_sources(self.settings["JOBPULSE_SOURCES"]) if s.ats == self.ats]
        if self.only_board:
            wanted = [s for s in wanted if s.board == self.only_board]
            if not wanted:
                # A board not in the sources file can still be crawled; its industry is unknown.
                wanted = [Source(company=self.only_board, ats=self.ats, board=self.only_board, industry="")]
        return wanted

    async def start(self) -> AsyncIterator[Any]:
        for source in self.sources():
            self.boards_tried[source.board] = source
            for request in self.board_requests(source):
                yield request

    def board_requests(self, source: Source) -> Iterable[scrapy.Request]:
        raise NotImplementedError

    def request(self, url: str, source: Source, callback: Any, **cb_kwargs: Any) -> scrapy.Request:
        return scrapy.Request(
            url,
            callback=callback,
            errback=self.on_error,
            cb_kwargs={"source": source, **cb_kwargs},
            meta={"source": source},
        )

    def page(self, response: Response, source: Source) -> RawPage:
        """The stored form of a response: exactly what came back, nothing interpreted."""
        content_type = (response.headers.get(b"Content-Type") or b"").decode("latin-1") or None
        return RawPage(
            url=response.url,
            source=self.name,
            board=source.board,
            status=response.status,
            content_type=content_type,
            body=response.text,
            fetched_at=utc_now(),
        )

    def load_json(self, response: Response, source: Source) -> Any | None:
        """Parse a JSON body, or record the board as failed with the reason."""
        try:
            return json.loads(response.text)
        except (ValueError, AttributeError) as error:
            self.board_outcome(source, FAILED, f"malformed JSON from {response.url}: {error}")
            return None

    def json_list(
        self, response: Response, source: Source, key: str | None = "jobs", missing: str = "unknown board"
    ) -> list[Any] | None:
        """The payload's list of jobs (``data[key]``, or the array itself when ``key`` is None).

        A 404, malformed JSON or another shape fails the board with the reason and returns None, so a
        callback reads: ``jobs = self.json_list(...)``; ``if jobs is None: return``.
        """
        if response.status == 404:
            self.board_outcome(source, FAILED, f"{missing} (404) at {response.url}")
            return None
        data = self.load_json(response, source)
        if data is None:
            return None
        jobs = data.get(key) if key is not None and isinstance(data, dict) else data
        if not isinstance(jobs, list):
            self.board_outcome(source, FAILED, f"unexpected payload at {response.url}")
            return None
        return jobs

    def board_outcome(self, source: Source, outcome: str, detail: str = "") -> None:
        """Record what happened to a board; an empty board and a failed board are different outcomes."""
        if source.board in self.board_outcomes and self.board_outcomes[source.board][0] == FAILED:
            return
        self.board_outcomes[source.board] = (outcome, detail)
        if outcome == FAILED:
            self.logger.warning("board %s/%s failed: %s", self.ats, source.board, detail)

    def on_error(self, failure: Failure) -> None:
        request = getattr(failure, "request", None)
        source = request.meta.get("source") if request is not None else None
        url = request.url if request is not None else "?"
        reason = failure_reason(failure)
        if isinstance(source, Source):
            self.board_outcome(source, FAILED, f"{url}: {reason}")
        else:
            self.logger.error("request failed: %s: %s", url, reason)

    def final_outcomes(self) -> dict[str, tuple[str, str]]:
        """Every board tried, with its outcome; a board that never got one failed (its request was dropped)."""
        for board, source in self.boards_tried.items():
            if board not in self.board_outcomes:
                self.board_outcome(
                    source, FAILED, "no usable response (request dropped: redirect loop or duplicate)"
                )
        return self.board_outcomes

    def closed(self, reason: str) -> None:
        stats = self.crawler.stats
        assert stats is not None
        outcomes = self.final_outcomes()
        for outcome, _detail in outcomes.values():
            stats.inc_value(f"jobpulse/boards/{outcome}")
        for board, (outcome, detail) in sorted(outcomes.items()):
            self.logger.info("board %s/%s: %s %s", self.ats, board, outcome, detail)


class FeedSpider(BoardSpider):
    """A public feed: one implicit board, no sources-file rows (see the module docstring)."""

    def feed_board(self) -> str:
        """The implicit board's name; a feed that is crawled per period (HN months) overrides it."""
        return self.ats

    def feed_source(self) -> Source:
        return Source(company="", ats=self.ats, board=self.feed_board(), industry="")

    def sources(self) -> list[Source]:
        # No boards rows for a feed: extraction takes each posting's employer from the posting itself.
        return []

    async def start(self) -> AsyncIterator[Any]:
        source = self.feed_source()
        self.boards_tried[source.board] = source
        for request in self.board_requests(source):
            yield request


def failure_reason(failure: Failure) -> str:
    """A short, specific reason for a failed request (what an analyst reads in the board summary)."""
    error = failure.value
    response = getattr(error, "response", None)
    if response is not None and getattr(response, "status", None):
        return f"HTTP {response.status} (after retries)"
    name = type(error).__name__
    message = failure.getErrorMessage() or ""
    if "robots" in message.lower():
        return "forbidden by robots.txt"
    if "Timeout" in name or "timed out" in message.lower():
        return f"timeout ({name})"
    if "Connection" in name or "connection" in message.lower():
        return f"connection failed ({name}: {message[:200]})"
    return f"{name}: {message[:300]}"
