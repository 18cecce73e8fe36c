"""What every board spider shares: reading the sources file, storing pages, counting board outcomes."""

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
        content_type = response.headers.get(b"Content-Type", b"").decode("latin-1") or None
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
        reason = failure.getErrorMessage() or failure.type.__name__ if failure.type else "error"
        url = request.url if request is not None else "?"
        if isinstance(source, Source):
            self.board_outcome(source, FAILED, f"{url}: {reason}")
        else:
            self.logger.error("request failed: %s: %s", url, reason)

    def closed(self, reason: str) -> None:
        stats = self.crawler.stats
        assert stats is not None
        for outcome, _detail in self.board_outcomes.values():
            stats.inc_value(f"jobpulse/boards/{outcome}")
        for board, (outcome, detail) in sorted(self.board_outcomes.items()):
            self.logger.info("board %s/%s: %s %s", self.ats, board, outcome, detail)
