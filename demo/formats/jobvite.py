"""Jobvite's company job feed: every job of a company in one ``<result>`` XML document.

``/jobvite/CompanyJobs/Xml.aspx?c=<company id>``; the description is HTML in CDATA, the date US-style
``M/D/YYYY``. No salary field: pay, when stated, is in the text.
"""

from __future__ import annotations

import random
import string
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape as xml_escape

from demo.model import XML_TYPE, DemoJob, Response
from demo.render import pay_in_text, place_of, to_html
from demo.web import Request, cached, not_found_page

if TYPE_CHECKING:
    from demo.market import DemoMarket

FEED = False
fit_salary = pay_in_text
PAGED = r"/jobvite/CompanyJobs/Xml\.aspx"  # every company's feed is one path: the id is in the query


def _cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _job(job: DemoJob, company: str) -> str:
    p = job.posting
    place = place_of(job)
    url = f"https://jobs.jobvite.example/{company}/job/{p.source_id}"
    published = job.published
    fields = [
        ("id", p.source_id),
        ("title", p.title),
        ("requisitionid", str(1000 + sum(map(ord, p.source_id)))),
        ("category", job.department),
        ("jobtype", "Internship" if job.intern else "Full-Time"),
        ("location", f"{place['locality']}, {place['region']}"),
        ("date", f"{published.month}/{published.day}/{published.year}"),
        ("detail-url", url),
        ("apply-url", f"{url}/apply"),
    ]
    head = "".join(f"<{k}>{xml_escape(v)}</{k}>" for k, v in fields)
    description = _cdata(to_html(job.sections, "h3", job.dash_entity))
    brief = xml_escape(job.sections[0].paragraphs[0] if job.sections[0].paragraphs else p.title)
    return f"<job>{head}<description>{description}</description><briefdescription>{brief}</briefdescription></job>"


def _feed(market: DemoMarket, request: Request) -> Response:
    company = request.params.get("c", "")
    if market.employer("jobvite", company) is None:
        return not_found_page()

    def build() -> Response:
        jobs = "\n".join(_job(j, company) for j in market.board_jobs("jobvite", company))
        body = f'<?xml version="1.0" encoding="utf-8"?>\n<result>\n{jobs}\n</result>\n'
        return Response(200, XML_TYPE, body.encode("utf-8"))

    return cached(market, ("jobvite", company), build)


ROUTES = ((r"/jobvite/CompanyJobs/Xml\.aspx", _feed),)


def requests(market: DemoMarket, board: str) -> list[tuple[str, str]]:
    return [("/jobvite/CompanyJobs/Xml.aspx", f"c={board}")]


def board_of(path: str, query: str) -> str | None:
    if path != "/jobvite/CompanyJobs/Xml.aspx":
        return None
    params = dict(part.partition("=")[::2] for part in query.split("&"))
    return params.get("c") or None


def new_id(rng: random.Random) -> str:
    return "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(8))
