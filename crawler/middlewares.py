"""Downloader middlewares.

``RetryAfterMiddleware`` retries a throttled response (429, or 503 with ``Retry-After``) after the wait the
server asks for, else after an exponential backoff. Scrapy's own ``RetryMiddleware`` retries 429 at once,
which is exactly what gets a crawler banned by Workable's Cloudflare (error 1015). Both share the
``retry_times`` counter and ``RETRY_TIMES``, so a request is never retried more than ``RETRY_TIMES`` times
in total; when retries run out the response goes on to ``RetryMiddleware``, which gives up and logs once.
"""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Self
from urllib.parse import urlsplit

import tldextract
from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.retry import get_retry_request
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet import reactor
from twisted.internet.task import deferLater


def retry_delay(retry_after: bytes | str | None, *, attempt: int, base: float, cap: float,
                now: datetime | None = None) -> float:  # fmt: skip
    """Seconds to wait before retry number ``attempt + 1``.

    ``Retry-After`` is either delta-seconds or an HTTP date (RFC 9110 §10.2.3); without a usable one the
    wait is ``base * 2**attempt``. Either way it is capped at ``cap``, so one hostile header cannot stall
    the crawl for a day.
    """
    if isinstance(retry_after, bytes):
        retry_after = retry_after.decode("latin-1")
    wait: float | None = None
    if retry_after and retry_after.strip():
        value = retry_after.strip()
        if value.isdigit():
            wait = float(value)
        else:
            try:
                when = parsedate_to_datetime(value)
            except (TypeError, ValueError):
                when = None
            if when is not None:
                if when.tzinfo is None:
                    when = when.replace(tzinfo=UTC)
                wait = max(0.0, (when - (now or datetime.now(UTC))).total_seconds())
    if wait is None:
        wait = base * 2**attempt
    return max(0.0, min(wait, cap))


class RetryAfterMiddleware:
    """Retry throttled responses after ``Retry-After`` (or a backoff); enabled in ``settings.py``."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        settings = crawler.settings
        self.base = settings.getfloat("JOBPULSE_BACKOFF_BASE")
        self.cap = settings.getfloat("JOBPULSE_BACKOFF_MAX")
        self.max_retries = settings.getint("RETRY_TIMES")
        self.enabled = settings.getbool("RETRY_ENABLED")

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def _throttled(self, response: Response) -> bool:
        return response.status == 429 or (response.status == 503 and b"Retry-After" in response.headers)

    async def process_response(self, request: Request, response: Response) -> Request | Response:
        if not self.enabled or request.meta.get("dont_retry") or not self._throttled(response):
            return response
        attempt = request.meta.get("retry_times", 0)
        if attempt >= request.meta.get("max_retry_times", self.max_retries):
            return response
        spider = self.crawler.spider
        assert spider is not None
        retry = get_retry_request(request, spider=spider, reason=f"throttled ({response.status})")
        if retry is None:
            return response
        header = response.headers.get(b"Retry-After")
        wait = retry_delay(header, attempt=attempt, base=self.base, cap=self.cap)
        if wait > 0:
            spider.logger.info("throttled (%s) at %s: retrying in %.0f s", response.status, request.url, wait)
            # The request stays in the downloader while we wait, so a spider with CONCURRENT_REQUESTS = 1
            # (Workable) sends nothing else to the host meanwhile.
            # deferLater rather than scrapy.utils.asyncio.sleep (2.18+): pyproject allows Scrapy 2.13.
            await maybe_deferred_to_future(deferLater(reactor, wait))
        return retry


def site_of(url: str) -> str:
    """The registrable site of a URL ("boards-api.greenhouse.io" → "greenhouse.io"; an IP stays whole)."""
    host = (urlsplit(url).hostname or "").lower()
    parts = _SITES(host)
    return parts.top_domain_under_public_suffix or host


# The bundled public-suffix snapshot only: a crawler must not fetch lists at start-up.
_SITES = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


class StayOnSourceSiteMiddleware:
    """Drop any request that leaves the site its board started on (offsite filtering per board).

    A board's first request (its vendor API, or an employer's sitemap) fixes the board's site; every later
    request for that board — pagination, detail pages, redirects — must stay on it. This is what keeps a
    redirect from carrying a vendor's API key, or our crawl, to another host. The dropped request fails
    its board with the reason.
    """

    def __init__(self) -> None:
        self.sites: dict[tuple[str, str], str] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls()

    def process_request(self, request: Request) -> None:
        source = request.meta.get("source")
        board = getattr(source, "board", None)
        if board is None:
            return
        key = (getattr(source, "ats", ""), board)
        site = site_of(request.url)
        allowed = self.sites.setdefault(key, site)
        if site != allowed:
            raise IgnoreRequest(f"offsite: {request.url} is not on {allowed}, where board {board} started")
