"""Personio's XML feed: every position of a company in one ``<workzag-jobs>`` document.

``/personio/<company>/xml?language=en``; each section is a ``<jobDescription>`` with its HTML in CDATA.
No salary field: pay, when stated, is in the text.
"""

from __future__ import annotations

import dataclasses
import random
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape as xml_escape

from demo.model import XML_TYPE, DemoJob, Response
from demo.render import pay_in_text, place_of, to_html
from demo.web import Request, cached, not_found_page

if TYPE_CHECKING:
    from demo.market import DemoMarket

FEED = False
fit_salary = pay_in_text


def _cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _personio_position(job: DemoJob) -> str:
    p = job.posting
    blocks = "".join(
        f"<jobDescription><name>{xml_escape(s.header or '')}</name>"
        f"<value>{_cdata(to_html((dataclasses.replace(s, header=None),), 'h3', job.dash_entity))}</value>"
        "</jobDescription>"
        for s in job.sections
    )
    fields = [
        ("id", p.source_id),
        ("subcompany", p.company),
        ("office", place_of(job)["locality"]),
        ("department", job.department),
        ("recruitingCategory", job.team),
        ("name", p.title),
    ]
    tail = [
        ("employmentType", "intern" if job.intern else "permanent"),
        ("schedule", "full-time"),
        ("keywords", ""),
        ("createdAt", job.published.isoformat()),
    ]
    head = "".join(f"<{k}>{xml_escape(v)}</{k}>" for k, v in fields)
    rest = "".join(f"<{k}>{xml_escape(v)}</{k}>" for k, v in tail)
    return f"<position>{head}<jobDescriptions>{blocks}</jobDescriptions>{rest}</position>"


def _personio(market: DemoMarket, request: Request, company: str) -> Response:
    if market.employer("personio", company) is None:
        return not_found_page()

    def build() -> Response:
        positions = "\n".join(_personio_position(j) for j in market.board_jobs("personio", company))
        body = f'<?xml version="1.0" encoding="UTF-8"?>\n<workzag-jobs>\n{positions}\n</workzag-jobs>\n'
        return Response(200, XML_TYPE, body.encode("utf-8"))

    return cached(market, ("personio", company), build)


ROUTES = ((r"/personio/([^/]+)/xml", _personio),)


def requests(market: DemoMarket, board: str) -> list[tuple[str, str]]:
    return [(f"/personio/{board}/xml", "language=en")]


def board_of(path: str, query: str) -> str | None:
    parts = path.strip("/").split("/")
    return parts[1] if parts[0] == "personio" and len(parts) >= 3 else None


def new_id(rng: random.Random) -> str:
    return str(rng.randrange(1_000_000, 3_000_000))
