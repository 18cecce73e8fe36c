"""Hacker News "Ask HN: Who is hiring?" through the Algolia search API: a feed of one monthly thread.

``/hn/search?query=<title>&tags=story,author_whoishiring`` finds the month's thread (the fuzzy search also
returns the "Who wants to be hired?" one), then ``tags=comment,story_<id>`` pages through its comments,
newest first. Top-level comments are postings; replies to them are not. Pay, when stated, is in the text.
"""

from __future__ import annotations

import html
import json
import random
import re
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from demo.model import MARKET_DATE, DemoJob, Response
from demo.render import pay_in_text
from demo.web import Request, cached, json_response, page_bounds

if TYPE_CHECKING:
    from demo.market import DemoMarket

FEED = True  # one implicit board: the month
HN_MONTH = MARKET_DATE.strftime("%Y-%m")
HN_STORY_ID = 46_110_000
PAGE_SIZE = 20  # what the demo crawl asks for: small enough that the thread needs several pages
CRAWL_SETTINGS = {"HN_MONTH": HN_MONTH, "HN_PAGE_SIZE": str(PAGE_SIZE)}
PAGED = r"/hn/search"
# A comment is posted in its month's thread, which opens on the 2nd (``_hn_story``).
POSTED_DAYS = (1, MARKET_DATE.day - 2)
fit_salary = pay_in_text


def _hn_story() -> dict[str, Any]:
    from_day = datetime(MARKET_DATE.year, MARKET_DATE.month, 1, 16, tzinfo=UTC)
    month = date(MARKET_DATE.year, MARKET_DATE.month, 1).strftime("%B %Y")
    return {
        "objectID": str(HN_STORY_ID),
        "title": f"Ask HN: Who is hiring? ({month})",
        "author": "whoishiring",
        "created_at": from_day.isoformat().replace("+00:00", ".000Z"),
        "created_at_i": int(from_day.timestamp()),
        "num_comments": 0,
        "story_id": HN_STORY_ID,
        "_tags": ["story", "author_whoishiring", f"story_{HN_STORY_ID}", "ask_hn"],
    }


def _hn_comment(job: DemoJob) -> dict[str, Any]:
    p = job.posting
    arrangement = {"remote": f"REMOTE ({job.country})", "hybrid": "HYBRID", "onsite": "ONSITE"}.get(
        p.remote or ""
    )
    header = " | ".join(
        x
        for x in (p.company, p.title, job.office, arrangement, "Internship" if job.intern else "Full-time")
        if x
    )
    # HN comments are paragraphs only: headings and bullets become lines of their own.
    lines = [header]
    for section in job.sections:
        lines += [section.header] if section.header else []
        lines += list(section.paragraphs) + [f"- {b}" for b in section.bullets]
    author = re.sub(r"[^a-z0-9]", "", p.company.lower())[:12] + "_jobs"
    return {
        "objectID": p.source_id,
        "author": author,
        "created_at": job.published.isoformat().replace("+00:00", ".000Z"),
        "created_at_i": int(job.published.timestamp()),
        "story_id": HN_STORY_ID,
        "parent_id": HN_STORY_ID,
        "comment_text": "<p>".join(html.escape(line) for line in lines),
        "_tags": ["comment", f"author_{author}", f"story_{HN_STORY_ID}"],
    }


def _hn_reply(parent: DemoJob, number: int) -> dict[str, Any]:
    """A reader's question under a post: in the thread's pages, never a posting."""
    moment = parent.published + timedelta(hours=2)
    return {
        "objectID": str(HN_STORY_ID + 500_000 + number),
        "author": f"reader{number}",
        "created_at": moment.isoformat().replace("+00:00", ".000Z"),
        "created_at_i": int(moment.timestamp()),
        "story_id": HN_STORY_ID,
        "parent_id": int(parent.posting.source_id),
        "comment_text": "Is this role open to candidates outside the listed city?",
        "_tags": ["comment", f"author_reader{number}", f"story_{HN_STORY_ID}"],
    }


def _hn_hits(market: DemoMarket) -> list[dict[str, Any]]:
    """The thread's comments, newest first as Algolia's search returns them, with a reply every tenth."""
    jobs = sorted(market.board_jobs("hn", HN_MONTH), key=lambda j: j.published, reverse=True)
    hits = []
    for i, job in enumerate(jobs):
        hits.append(_hn_comment(job))
        if i % 10 == 3:
            hits.append(_hn_reply(job, i))
    return hits


def _hn_search(market: DemoMarket, request: Request) -> Response:
    params = request.params
    tags = params.get("tags", "")
    if tags == "story,author_whoishiring":
        # The search is fuzzy: the month's "Who wants to be hired?" thread matches too.
        story = _hn_story()
        decoy = {**story, "objectID": str(HN_STORY_ID + 1),
                 "title": story["title"].replace("Who is hiring?", "Who wants to be hired?")}  # fmt: skip
        hits = [story, decoy] if params.get("query") == story["title"] else []
        return json_response({"hits": hits, "nbHits": len(hits), "page": 0, "nbPages": 1 if hits else 0,
                      "hitsPerPage": 20, "query": params.get("query", "")})  # fmt: skip
    if tags != f"comment,story_{HN_STORY_ID}":
        return json_response({"hits": [], "nbHits": 0, "page": 0, "nbPages": 0, "hitsPerPage": 20})
    try:
        page, size = page_bounds(params, "hitsPerPage", "page", 20)
    except ValueError:
        return json_response({"message": "invalid paging", "status": 400}, 400)
    hits = _cached_hits(market)
    pages = -(-len(hits) // size)
    return json_response({"hits": hits[page * size : (page + 1) * size], "nbHits": len(hits), "page": page,
                  "nbPages": pages, "hitsPerPage": size})  # fmt: skip


def _cached_hits(market: DemoMarket) -> list[dict[str, Any]]:
    response = cached(market, ("hn",), lambda: json_response(_hn_hits(market)))
    hits: list[dict[str, Any]] = json.loads(response.body)
    return hits


ROUTES = ((r"/hn/search", _hn_search),)


def requests(market: DemoMarket, board: str) -> list[tuple[str, str]]:
    """The thread search, then every page of its comments."""
    story = _hn_story()
    pages = -(-len(_cached_hits(market)) // PAGE_SIZE)
    search = [("/hn/search", urlencode({"query": story["title"], "tags": "story,author_whoishiring"}))]
    tags = f"comment,story_{HN_STORY_ID}"
    return search + [
        ("/hn/search", urlencode({"tags": tags, "hitsPerPage": PAGE_SIZE, "page": page}))
        for page in range(pages)
    ]


def board_of(path: str, query: str) -> str | None:
    """The month, for a page of the thread's comments (the thread search is not stored)."""
    parts = path.strip("/").split("/")
    return HN_MONTH if parts[0] == "hn" and "story_" in query and "comment" in query else None


def new_id(rng: random.Random) -> str:
    return str(HN_STORY_ID + rng.randrange(1, 400_000))
