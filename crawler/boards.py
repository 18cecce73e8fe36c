"""What every platform's spider shares: reading the sources file, building requests, storing pages,
counting board outcomes. Each platform's spider is one module in ``crawler/spiders/`` built on one of these.

Two kinds of source:

* ``BoardSpider`` — an ATS keyed by employer: one board per sources-file row (Greenhouse, Lever, …).
* ``FeedSpider`` — a public feed of many employers (HN "Who is hiring", Remotive, RemoteOK, USAJOBS). It has
  no sources-file rows and adds no ``boards`` row (a board row says one employer and its industry; a feed
  posting names its own employer). It crawls one implicit board, named by ``feed_board()`` (the feed's
  name, or the HN month), so a feed still gets an ok/empty/failed outcome like any board.

A spider's ``name`` is its source kind: the ``ats`` of its sources-file rows, the ``source`` of its pages,
and its key in ``JOBPULSE_API_ROOTS_BASE`` (``api_root()``).
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable, Iterable
from typing import Any, ClassVar

import scrapy
from scrapy.http import JsonRequest, Response
from scrapy.settings import BaseSettings
from twisted.python.failure import Failure

from crawler.items import RawPage
from crawler.sources import Source, load_sources
from store.pages import utc_now

# Board outcomes, counted into crawl stats as jobpulse/boards/<outcome>.
OK, EMPTY, FAILED = "ok", "empty", "failed"
# A source that was not attempted (a feed that needs credentials we were not given).
SKIPPED = "skipped"


class SourceParamError(ValueError):
    """A platform's API root names a value (``{tenant}``) that the board's sources row does not give."""


def int_or_zero(value: Any) -> int:
    """A count from a payload (``"12"``, ``12``, missing or junk → 0)."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


class BoardSpider(scrapy.Spider):
    """Crawls every board of one ATS listed in the sources file (or one, with ``-a board=SLUG``)."""

    # 404 means "unknown board" on most vendors: the callback must see it to say so.
    handle_httpstatus_list: ClassVar[list[int]] = [404]
    # A platform whose API needs a session (a cookie set by an earlier answer) sets this: the spider then
    # runs with cookies on (COOKIES_ENABLED is off for every other spider) and each board has its own jar.
    session_cookies: ClassVar[bool] = False

    def __init__(self, board: str | None = None, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.only_board = board
        self.board_outcomes: dict[str, tuple[str, str]] = {}
        self.boards_tried: dict[str, Source] = {}

    @classmethod
    def update_settings(cls, settings: BaseSettings) -> None:
        super().update_settings(settings)
        if cls.session_cookies:
            settings.set("COOKIES_ENABLED", True, priority="spider")

    def sources(self) -> list[Source]:
        wanted = [s for s in load_sources(self.settings["JOBPULSE_SOURCES"]) if s.ats == self.name]
        if self.only_board:
            wanted = [s for s in wanted if s.board == self.only_board]
            if not wanted:
                # A board not in the sources file can still be crawled; its industry is unknown.
                wanted = [Source(company=self.only_board, ats=self.name, board=self.only_board, industry="")]
        return wanted

    async def start(self) -> AsyncIterator[Any]:
        for source in self.sources():
            self.boards_tried[source.board] = source
            for request in self.first_requests(source):
                yield request

    def first_requests(self, source: Source) -> list[scrapy.Request]:
        """``board_requests(source)``; a row that lacks what the platform needs fails its board instead."""
        try:
            return list(self.board_requests(source))
        except SourceParamError as error:
            self.board_outcome(source, FAILED, str(error))
            return []

    def board_requests(self, source: Source) -> Iterable[scrapy.Request]:
        raise NotImplementedError

    def api_root(self, source: Source) -> str:
        """This platform's API root for ``source``, without a trailing slash.

        The spider's entry in ``JOBPULSE_API_ROOTS`` (``-s`` overrides by kind) over
        ``JOBPULSE_API_ROOTS_BASE``, with the row's ``Source.params()`` filled in (``https://{board}.…``).
        """
        roots = self.settings.getwithbase("JOBPULSE_API_ROOTS")
        template = roots.get(self.name)
        if not template:
            raise KeyError(f"no API root for {self.name!r} in JOBPULSE_API_ROOTS_BASE (crawler/settings.py)")
        try:
            # Stripped before filling in: a root that is the row's own URL (JSON-LD's sitemap) stays whole.
            return str(template).rstrip("/").format_map(source.params())
        except KeyError as error:
            key = error.args[0]
            raise SourceParamError(
                f"{self.name} needs {{{key}}} for its API root {template}: give the sources row a url "
                f"or an options entry {key}=…"
            ) from None

    def request(
        self,
        url: str,
        source: Source,
        callback: Callable[..., Any],
        *,
        data: Any = None,
        method: str | None = None,
        headers: dict[str, str] | None = None,
        errback: Callable[[Failure], Any] | None = None,
        **cb_kwargs: Any,
    ) -> scrapy.Request:
        """A request for one board: its callback gets ``source=`` and ``cb_kwargs``; a failure fails the board.

        ``data`` is sent as a JSON body (``JsonRequest``: a POST unless ``method`` says otherwise, JSON
        Content-Type and Accept); ``headers`` are added to the defaults; with ``session_cookies`` each
        board's requests share one cookie jar (the ``cookiejar`` meta key).
        """
        meta: dict[str, Any] = {"source": source}
        if self.session_cookies:
            meta["cookiejar"] = source.board
        common: dict[str, Any] = {
            "headers": headers,
            "callback": callback,
            "errback": errback or self.on_error,
            "cb_kwargs": {"source": source, **cb_kwargs},
            "meta": meta,
        }
        if data is not None:
            return JsonRequest(url, data=data, method=method or "POST", **common)
        return scrapy.Request(url, method=method or "GET", **common)

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
            self.logger.warning("board %s/%s failed: %s", self.name, source.board, detail)

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
            self.logger.info("board %s/%s: %s %s", self.name, board, outcome, detail)


class FeedSpider(BoardSpider):
    """A public feed: one implicit board, no sources-file rows (see the module docstring)."""

    def feed_board(self) -> str:
        """The implicit board's name; a feed that is crawled per period (HN months) overrides it."""
        return self.name

    def feed_source(self) -> Source:
        return Source(company="", ats=self.name, board=self.feed_board(), industry="")

    def sources(self) -> list[Source]:
        # No boards rows for a feed: extraction takes each posting's employer from the posting itself.
        return []

    async def start(self) -> AsyncIterator[Any]:
        source = self.feed_source()
        self.boards_tried[source.board] = source
        for request in self.first_requests(source):
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
