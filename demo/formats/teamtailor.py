"""Teamtailor's career-site RSS feed: the jobs as RSS items, paged by ``offset`` and ``per_page``.

``/teamtailor/<company>/jobs.rss?offset=&per_page=``; the ad's HTML is entity-escaped in ``<description>``,
places, department and role are in the ``tt:`` namespace, ``<remoteStatus>`` says none/hybrid/fully. No
salary field: pay, when stated, is in the text.
"""

from __future__ import annotations

import email.utils
import random
import re
import uuid
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape as xml_escape

from demo.model import XML_TYPE, DemoJob, Response
from demo.render import country_name, pay_in_text, place_of, stable_number, to_html
from demo.web import Request, not_found_page, page_bounds

if TYPE_CHECKING:
    from demo.market import DemoMarket

FEED = False
fit_salary = pay_in_text
PAGE_SIZE = 10  # what the demo crawl asks for: small enough that a board needs several pages
CRAWL_SETTINGS = {"TEAMTAILOR_PAGE_SIZE": str(PAGE_SIZE)}
PAGED = r"/teamtailor/[^/]+/jobs\.rss"
_REMOTE_STATUS = {"remote": "fully", "hybrid": "hybrid", "onsite": "none"}
TT_NS = "https://teamtailor.com/locations"


def _item(job: DemoJob) -> str:
    p = job.posting
    place = place_of(job)
    slug = re.sub(r"[^a-z0-9]+", "-", p.title.lower()).strip("-")
    link = f"https://{p.board}.teamtailor.example/jobs/{5_000_000 + stable_number(p.source_id)}-{slug}"
    remote = _REMOTE_STATUS.get(p.remote or "")
    fields = [
        ("title", p.title),
        ("description", to_html(job.sections, "h4", job.dash_entity)),
        ("pubDate", email.utils.format_datetime(job.published)),
        ("link", link),
        *([("remoteStatus", remote)] if remote else []),  # absent when the posting says nothing
        ("guid", p.source_id),
    ]
    location = (
        f"<tt:locations><tt:location><tt:name>{xml_escape(place['locality'])} office</tt:name><tt:address/>"
        f"<tt:zip/><tt:city>{xml_escape(place['locality'])}</tt:city>"
        f"<tt:country>{xml_escape(country_name(job))}</tt:country></tt:location></tt:locations>"
    )
    tail = f"<tt:department>{xml_escape(job.department)}</tt:department><tt:role>{xml_escape(job.team)}</tt:role>"
    return "<item>" + "".join(f"<{k}>{xml_escape(v)}</{k}>" for k, v in fields) + location + tail + "</item>"


def _feed(market: DemoMarket, request: Request, company: str) -> Response:
    employer = market.employer("teamtailor", company)
    if employer is None:
        return not_found_page()
    try:
        offset, size = page_bounds(request.params, "per_page", "offset", 100)
    except ValueError:
        return Response(400, "text/plain; charset=utf-8", b"Bad Request")
    jobs = market.board_jobs("teamtailor", company)[offset : offset + size]
    body = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:tt="{TT_NS}"><channel>'
        f"<title>{xml_escape(employer.company)}</title><description>Current job openings</description>"
        f"<link>https://{company}.teamtailor.example/jobs</link>"
        + "\n".join(_item(j) for j in jobs)
        + "</channel></rss>\n"
    )
    return Response(200, XML_TYPE, body.encode("utf-8"))


ROUTES = ((r"/teamtailor/([^/]+)/jobs\.rss", _feed),)


def requests(market: DemoMarket, board: str) -> list[tuple[str, str]]:
    jobs = len(market.board_jobs("teamtailor", board))
    # The crawl stops at the first short page: one more request when the last page is full.
    offsets = range(0, jobs + 1, PAGE_SIZE)
    return [(f"/teamtailor/{board}/jobs.rss", f"offset={offset}&per_page={PAGE_SIZE}") for offset in offsets]


def board_of(path: str, query: str) -> str | None:
    parts = path.strip("/").split("/")
    return parts[1] if parts[0] == "teamtailor" and len(parts) == 3 else None


def new_id(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))
