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

A board is "ok" or "empty" only when every request it needed succeeded and every page it gave was stored:
that is what lets ``extract run`` close the postings it no longer lists. Anything less fails the board with
the reason — a request that failed after retries, a detail or page the callback could not use
(``incomplete()``), a page the pipeline could not store (``board_failed()``), paging that would not end
(``next_page()``, ``plausible_total()``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import AsyncIterator, Callable, Iterable
from typing import Any, ClassVar

import lxml.etree
import scrapy
from scrapy.http import JsonRequest, Response
from scrapy.settings import BaseSettings
from twisted.python.failure import Failure

from crawler.bodies import decode_body, with_charset
from crawler.items import RawPage
from crawler.sources import Source, load_sources
from store.pages import utc_now

# Feed text is data from the web: no entity expansion (billion laughs), no DTD or network fetches. A feed is
# parsed from the text the spider decoded once (``BoardSpider.text``), re-encoded as UTF-8: the feed's own
# declaration described its bytes, not that text.
SAFE_XML = lxml.etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, encoding="utf-8"
)

# Board outcomes, counted into crawl stats as jobpulse/boards/<outcome>.
OK, EMPTY, FAILED = "ok", "empty", "failed"
# A source that was not attempted (a feed that needs credentials we were not given).
SKIPPED = "skipped"
# Request meta key: the marks (content digest, ids digest) of the pages a board has given so far.
PAGE_MARKS = "jobpulse_page_marks"


class SourceParamError(ValueError):
    """A platform's API root names a value (``{tenant}``) that the board's sources row does not give."""


def redirected_from(response: Response) -> str | None:
    """The URL first asked for when Scrapy followed redirects to reach this answer, else None."""
    redirects = response.meta.get("redirect_urls")
    return str(redirects[0]) if redirects else None


def int_or_zero(value: Any) -> int:
    """A count from a payload (``"12"``, ``12``, missing or junk → 0; so is ``1e400``, which JSON reads as
    infinity, and NaN)."""
    try:
        return int(value)
    except (TypeError, ValueError, OverflowError):
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
        # Failures after a board's first (its outcome keeps the first reason; the summary counts the rest).
        self.more_failures: dict[str, int] = {}
        self._decoded: tuple[Response, str, str] | None = None

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

    def text(self, response: Response) -> str:
        """The body as text, decoded once (``crawler.bodies``: BOM, then declarations, then detection)."""
        return self.decoded(response)[0]

    def xml_root(
        self, response: Response, source: Source, feed: str, missing: str = "unknown board", note: str = ""
    ) -> Any | None:
        """The root element of an XML feed, or None with the board failed: a 404 is ``missing``, text that is
        not XML is "not a ``feed`` feed" (``note`` adds to that message, e.g. a redirect seen)."""
        if response.status == 404:
            self.board_outcome(source, FAILED, f"{missing} (404) at {response.url}")
            return None
        try:
            return lxml.etree.fromstring(
                self.text(response).encode("utf-8", "surrogatepass"), parser=SAFE_XML
            )
        except lxml.etree.XMLSyntaxError as error:
            self.board_outcome(source, FAILED, f"not a {feed} feed at {response.url}{note}: {error}")
            return None

    def decoded(self, response: Response) -> tuple[str, str]:
        """``(text, encoding)`` of a response; the last response's are kept, as its callback asks twice."""
        if self._decoded is None or self._decoded[0] is not response:
            content_type = (response.headers.get(b"Content-Type") or b"").decode("latin-1") or None
            self._decoded = (response, *decode_body(response.body, content_type))
        return self._decoded[1], self._decoded[2]

    def page(self, response: Response, source: Source) -> RawPage:
        """The stored form of a response: what came back, decoded once, nothing interpreted.

        ``content_type`` is the response's media type with the charset its bytes were really in, whatever
        the header claimed (``text/xml; charset=cp1252``), so the stored text says how it was read.
        """
        text, encoding = self.decoded(response)
        header = (response.headers.get(b"Content-Type") or b"").decode("latin-1") or None
        return RawPage(
            url=response.url,
            source=self.name,
            board=source.board,
            status=response.status,
            content_type=with_charset(header, encoding),
            body=text,
            fetched_at=utc_now(),
        )

    def load_json(self, response: Response, source: Source) -> Any | None:
        """Parse a JSON body, or record the board as failed with the reason (a JSON ``null`` is no payload)."""
        try:
            data = json.loads(self.text(response))
        except (ValueError, AttributeError, RecursionError) as error:
            self.board_outcome(source, FAILED, f"malformed JSON from {response.url}: {error}")
            return None
        if data is None:
            self.board_outcome(source, FAILED, f"null payload (JSON null) from {response.url}")
        return data

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
        self.record_outcome(source.board, outcome, detail)

    def board_failed(self, board: str, detail: str) -> None:
        """Fail a board by its slug (what the storage pipeline knows of a page it could not store)."""
        self.record_outcome(board, FAILED, detail)

    def record_outcome(self, board: str, outcome: str, detail: str) -> None:
        """A failed board stays failed: a later "ok" from another of its pages cannot make it whole again."""
        if board in self.board_outcomes and self.board_outcomes[board][0] == FAILED:
            if outcome == FAILED:
                self.more_failures[board] = self.more_failures.get(board, 0) + 1
            return
        self.board_outcomes[board] = (outcome, detail)
        if outcome == FAILED:
            self.logger.warning("board %s/%s failed: %s", self.name, board, detail)

    def incomplete(self, source: Source, response: Response, what: str) -> None:
        """A response the board needed but cannot use (a posting detail that answered 500): the board's
        listing is incomplete, so it fails — closing postings on it could close one that is still listed."""
        self.board_outcome(
            source, FAILED, f"listing incomplete: {what} unusable (HTTP {response.status}) at {response.url}"
        )

    def next_page(
        self, response: Response, source: Source, url: str, callback: Callable[..., Any], *,
        ids: Iterable[Any] = (), **cb_kwargs: Any,
    ) -> scrapy.Request | None:  # fmt: skip
        """The request for the page after ``response``, or None with the board failed when paging must stop.

        Every paged spider asks for its next page here, so none can page forever: a page that repeats an
        earlier page of the board (the same body, or the same posting ``ids``) stops it, and so does
        ``JOBPULSE_MAX_PAGES_PER_BOARD``. The marks of the pages so far travel in the request's meta, so
        this holds when another process (distributed crawling) parses the next page.
        """
        marks = tuple(response.meta.get(PAGE_MARKS, ()))
        mark = page_mark(response.body, ids)
        problem = paging_problem(marks, mark, self.settings.getint("JOBPULSE_MAX_PAGES_PER_BOARD"))
        if problem:
            self.board_outcome(source, FAILED, f"paging stopped at {response.url}: {problem}")
            return None
        request = self.request(url, source, callback, **cb_kwargs)
        request.meta[PAGE_MARKS] = (*marks, mark)
        return request

    def plausible_total(self, response: Response, source: Source, total: int) -> bool:
        """A board's stated total of postings, unless it is beyond any employer's (then the board fails)."""
        most = self.settings.getint("JOBPULSE_MAX_POSTINGS_PER_BOARD")
        if total > most:
            limit = f"JOBPULSE_MAX_POSTINGS_PER_BOARD = {most:,}"
            self.board_outcome(
                source, FAILED, f"stated total {total:,} at {response.url} is beyond any employer's ({limit})"
            )
            return False
        return True

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
        """Every board tried, with its outcome; a board that never got one failed (its request was dropped).

        A failed board's detail keeps its first reason and counts the failures after it.
        """
        for board, source in self.boards_tried.items():
            if board not in self.board_outcomes:
                self.board_outcome(
                    source, FAILED, "no usable response (request dropped: redirect loop or duplicate)"
                )
        return {
            board: (outcome, f"{detail} (and {self.more_failures[board]} more failures)")
            if board in self.more_failures
            else (outcome, detail)
            for board, (outcome, detail) in self.board_outcomes.items()
        }

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


def page_mark(body: bytes, ids: Iterable[Any]) -> tuple[str, str]:
    """What identifies a page when paging: a digest of its body and one of its posting ids ("" for none)."""
    listed = sorted({str(i) for i in ids})
    id_digest = (
        hashlib.sha256("\x1f".join(listed).encode("utf-8", "surrogatepass")).hexdigest()[:16]
        if listed
        else ""
    )
    return hashlib.sha256(body).hexdigest()[:16], id_digest


def paging_problem(marks: tuple[tuple[str, str], ...], mark: tuple[str, str], max_pages: int) -> str:
    """Why a board must not ask for another page after the page ``mark`` ("" when it may).

    ``marks`` are the board's pages before this one; a cap of 0 or less means no cap.
    """
    number = len(marks) + 1
    for earlier, (content, ids) in enumerate(marks, start=1):
        if content == mark[0]:
            return f"page {number} repeats page {earlier} (same content)"
        if ids and ids == mark[1]:
            return f"page {number} repeats page {earlier} (same postings)"
    if 0 < max_pages <= number:
        return f"{number} pages, the most a board may have (JOBPULSE_MAX_PAGES_PER_BOARD = {max_pages})"
    return ""
