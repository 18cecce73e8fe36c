"""HN "Ask HN: Who is hiring?" through the Algolia search API: one thread a month, one posting a comment.

A feed (see ``crawler.boards``): the implicit board is the month, ``YYYY-MM`` (``-a month=2026-11``, or
``-s HN_MONTH=2026-11`` for ``crawlall``; default the current month). The thread is found by its exact
title among stories by ``whoishiring``; its comments are paged (``hitsPerPage``, ``nbPages``) and every
page is stored. Replies are in those pages too: only top-level comments (``parent_id == story_id``) are
postings, which the adapter and the count here both apply. Algolia's search stops at 1,000 hits per
query, so a thread with more comments is cut short: the outcome detail says how many were out of reach.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlencode

import scrapy
from scrapy.http import Response

from crawler.boards import EMPTY, FAILED, OK, FeedSpider, int_or_zero
from crawler.sources import Source

# Not strftime("%B"): that is locale-dependent, and the thread titles are English.
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")  # fmt: skip


def thread_title(month: str) -> str:
    """``2026-11`` → ``Ask HN: Who is hiring? (November 2026)``."""
    when = datetime.strptime(month, "%Y-%m")
    return f"Ask HN: Who is hiring? ({_MONTHS[when.month - 1]} {when.year})"


class HNSpider(FeedSpider):
    name = "hn"

    def __init__(self, month: str | None = None, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.month_arg = month

    @property
    def month(self) -> str:
        return self.month_arg or self.settings.get("HN_MONTH") or datetime.now(UTC).strftime("%Y-%m")

    def feed_board(self) -> str:
        return self.month

    def api(self, source: Source, endpoint: str, **params: Any) -> str:
        return f"{self.api_root(source)}/{endpoint}?{urlencode(params)}"

    def board_requests(self, source: Source) -> Iterable[scrapy.Request]:
        try:
            title = thread_title(self.month)
        except ValueError:
            self.board_outcome(source, FAILED, f"month {self.month!r} is not YYYY-MM")
            return
        url = self.api(source, "search", query=title, tags="story,author_whoishiring")
        yield self.request(url, source, self.parse_thread)

    def comments_url(self, source: Source, story_id: str, page: int) -> str:
        size = self.settings.getint("HN_PAGE_SIZE")
        return self.api(source, "search", tags=f"comment,story_{story_id}", hitsPerPage=size, page=page)

    def parse_thread(self, response: Response, source: Source) -> Iterator[Any]:
        if response.status == 404:
            self.board_outcome(source, FAILED, f"search endpoint not found (404) at {response.url}")
            return
        data = self.load_json(response, source)
        if data is None:
            return
        title = thread_title(self.month)
        hits = data.get("hits") if isinstance(data, dict) else None
        # The search is fuzzy: "Who wants to be hired?" threads match too, so compare titles exactly.
        listed = hits if isinstance(hits, list) else []
        story = next((h for h in listed if isinstance(h, dict) and h.get("title") == title), None)
        if story is None or not story.get("objectID"):
            self.board_outcome(source, FAILED, f"no thread titled {title!r} at {response.url}")
            return
        story_id = str(story["objectID"])
        yield self.comments_request(source, story_id, page=0, seen=0)

    def comments_request(self, source: Source, story_id: str, page: int, seen: int) -> scrapy.Request:
        url = self.comments_url(source, story_id, page)
        return self.request(url, source, self.parse_comments, story_id=story_id, page=page, seen=seen)

    def parse_comments(
        self, response: Response, source: Source, story_id: str, page: int, seen: int
    ) -> Iterator[Any]:
        if response.status == 404:
            self.board_outcome(source, FAILED, f"search endpoint not found (404) at {response.url}")
            return
        data = self.load_json(response, source)
        if data is None:
            return
        if not isinstance(data, dict) or not isinstance(data.get("hits"), list):
            self.board_outcome(source, FAILED, f"unexpected payload at {response.url}")
            return
        hits = [h for h in data["hits"] if isinstance(h, dict)]
        if hits or page == 0:
            yield self.page(response, source)
        seen += sum(1 for h in hits if str(h.get("parent_id")) == story_id)
        pages = int_or_zero(data.get("nbPages"))
        if hits and page + 1 < pages:
            url = self.comments_url(source, story_id, page + 1)
            ids = [h.get("objectID") for h in hits]
            request = self.next_page(
                response,
                source,
                url,
                self.parse_comments,
                ids=ids,
                story_id=story_id,
                page=page + 1,
                seen=seen,
            )
            if request is not None:
                yield request
            return
        detail = f"{seen} top-level comments in thread {story_id}"
        total = int_or_zero(data.get("nbHits"))
        reachable = pages * (int_or_zero(data.get("hitsPerPage")) or self.settings.getint("HN_PAGE_SIZE"))
        if total > reachable:
            detail += f"; {total - reachable} of {total} comments out of Algolia's reach"
        self.board_outcome(source, OK if seen else EMPTY, detail)
