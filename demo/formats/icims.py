"""iCIMS career portals: a sitemap, then each job's ``in_iframe=1`` page with schema.org JSON-LD.

``/icims/<board>/sitemap.xml`` lists ``/jobs/intro``, ``/jobs/search`` and every job as
``/jobs/<id>/<slug>/job``. That job URL answers a wrapper page holding an iframe; with ``in_iframe=1`` it
answers the posting itself, whose JSON-LD ``description`` is entity-escaped HTML and whose empty address
parts read ``UNAVAILABLE``, as iCIMS writes them. No salary field: pay, when stated, is in the text.
"""

from __future__ import annotations

import html
import json
import random
import re
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape as xml_escape

from demo.model import HTML_TYPE, XML_TYPE, DemoJob, Response
from demo.render import esc, pay_in_text, place_of, to_html
from demo.web import Request, cached, not_found_page

if TYPE_CHECKING:
    from demo.market import DemoMarket

FEED = False
fit_salary = pay_in_text
KIND = "icims"


def _job_path(board: str, job: DemoJob) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", job.posting.title.lower()).strip("-")
    return f"/{KIND}/{board}/jobs/{job.posting.source_id}/{slug}/job"


def _posting(job: DemoJob, page_url: str) -> dict[str, Any]:
    p = job.posting
    place = place_of(job)
    data: dict[str, Any] = {
        "@context": "http://schema.org",
        "@type": "JobPosting",
        "title": p.title,
        "datePosted": f"{p.posted}T05:00:00.000Z",
        "description": html.escape(to_html(job.sections, "h2", job.dash_entity), quote=False),
        "employmentType": "INTERN" if job.intern else "FULL_TIME",
        "hiringOrganization": {"@type": "Organization", "name": p.company},
        "identifier": {"@type": "PropertyValue", "name": p.company, "value": p.source_id},
        "jobLocation": [
            {
                "@type": "Place",
                "address": {
                    "@type": "PostalAddress",
                    "streetAddress": "UNAVAILABLE",
                    "addressLocality": place["locality"],
                    "addressRegion": place["region"] or "UNAVAILABLE",
                    "postalCode": "UNAVAILABLE",
                    "addressCountry": place["country"],
                },
            }
        ],
        "url": page_url,
    }
    if p.remote == "remote":
        data["jobLocationType"] = "TELECOMMUTE"
    return data


def _iframe_page(job: DemoJob, page_url: str) -> str:
    p = job.posting
    script = json.dumps(_posting(job, page_url), ensure_ascii=False).replace("</", "<\\/")
    arrangement = {"remote": "Remote", "hybrid": "Hybrid", "onsite": "On-site"}.get(p.remote or "", "")
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{esc(p.title)} | Careers at {esc(p.company)}</title>\n"
        f'<script type="application/ld+json">{script}</script>\n</head>\n'
        '<body class="iCIMS_Body iCIMS_InIframe">\n<div class="iCIMS_MainWrapper">\n'
        f'<h1 class="iCIMS_Header">{esc(p.title)}</h1>\n'
        f'<div class="iCIMS_JobHeaderData">{esc(p.location)} {esc(arrangement)}</div>\n'
        f'<div class="iCIMS_InfoMsg iCIMS_InfoMsg_Job">{to_html(job.sections, "h2", job.dash_entity)}</div>\n'
        "</div>\n</body>\n</html>\n"
    )


def _wrapper_page(job: DemoJob, page_url: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{esc(job.posting.title)} | Careers at {esc(job.posting.company)}</title></head>\n"
        f'<body><iframe id="icims_content_iframe" src="{page_url}?in_iframe=1"></iframe></body></html>\n'
    )


def _sitemap_route(market: DemoMarket, request: Request, board: str) -> Response:
    if market.employer(KIND, board) is None:
        return not_found_page()
    locs = [f"{request.base}/{KIND}/{board}/jobs/intro", f"{request.base}/{KIND}/{board}/jobs/search?ss=1"]
    locs += [request.base + _job_path(board, j) for j in market.board_jobs(KIND, board)]
    rows = "".join(f"<url><loc>{xml_escape(loc)}</loc></url>\n" for loc in locs)
    body = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{rows}</urlset>\n'
    )
    return Response(200, XML_TYPE, body.encode("utf-8"))


def _job_route(market: DemoMarket, request: Request, board: str, job_id: str, slug: str) -> Response:
    job = next((j for j in market.board_jobs(KIND, board) if j.posting.source_id == job_id), None)
    if job is None or _job_path(board, job) != f"/{KIND}/{board}/jobs/{job_id}/{slug}/job":
        return not_found_page()
    page_url = request.base + _job_path(board, job)
    inner = request.params.get("in_iframe") == "1"
    render = _iframe_page if inner else _wrapper_page
    return cached(
        market,
        (KIND, request.base, board, job_id, str(inner)),
        lambda: Response(200, HTML_TYPE, render(job, page_url).encode("utf-8")),
    )


ROUTES = (
    (rf"/{KIND}/([^/]+)/sitemap\.xml", _sitemap_route),
    (rf"/{KIND}/([^/]+)/jobs/(\d+)/([^/]+)/job", _job_route),
)


def requests(market: DemoMarket, board: str) -> list[tuple[str, str]]:
    jobs = [(_job_path(board, j), "in_iframe=1") for j in market.board_jobs(KIND, board)]
    return [(f"/{KIND}/{board}/sitemap.xml", ""), *jobs]


def board_of(path: str, query: str) -> str | None:
    """A job page's portal (the sitemap is not stored)."""
    match = re.fullmatch(rf"/{KIND}/([^/]+)/jobs/\d+/[^/]+/job", path)
    return match[1] if match else None


def new_id(rng: random.Random) -> str:
    return str(rng.randrange(10_000, 99_999))
