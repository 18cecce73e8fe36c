"""SAP SuccessFactors career sites (Career Site Builder): a job sitemap, then job pages with microdata.

Each employer's site is its own host, ``careers.<board>.example`` in the sources file, served here under
``/successfactors/careers.<board>.example/``: ``job_sitemap.xml`` (one site publishes a sitemap index of two
children instead), then ``job/<City-Title>/<id>/`` pages whose ``JobPosting`` is microdata, as on real sites:
the title, ``datePosted`` in Java's date format, the employer as a ``<meta>`` text and the description; the
place only in the visible ``jobGeoLocation`` span. No salary field: pay, when stated, is in the text.
"""

from __future__ import annotations

import random
import re
from datetime import date
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape as xml_escape

from demo.model import HTML_TYPE, XML_TYPE, DemoJob, Response, load_data
from demo.render import esc, pay_in_text, place_of, to_html
from demo.web import Request, cached, not_found_page

if TYPE_CHECKING:
    from demo.market import DemoMarket

FEED = False
fit_salary = pay_in_text
KIND = "successfactors"
_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_HOST = r"careers\.([a-z0-9-]+)\.example"


def _site(base: str, board: str) -> str:
    return f"{base}/{KIND}/careers.{board}.example"


def _java_date(day: date) -> str:
    """A date as SuccessFactors writes ``datePosted``: Java's ``Date.toString()`` ("Mon Nov 02 02:00:00 UTC 2026")."""
    return f"{_DAYS[day.weekday()]} {_MONTHS[day.month - 1]} {day.day:02d} 02:00:00 UTC {day.year}"


def _page_path(job: DemoJob) -> str:
    city = place_of(job)["locality"]
    slug = re.sub(r"[^A-Za-z0-9]+", "-", f"{city} {job.posting.title}").strip("-")
    return f"job/{slug}/{job.posting.source_id}/"


def _geo(job: DemoJob) -> str:
    p = job.posting
    if p.remote == "remote":
        return p.location
    place = place_of(job)
    return ", ".join(part for part in (place["locality"], place["region"], place["country"]) if part)


def _job_page(job: DemoJob) -> str:
    p = job.posting
    arrangement = {"remote": "Remote", "hybrid": "Hybrid", "onsite": "On-site"}.get(p.remote or "", "")
    kind = f'<p class="job-type">{arrangement}</p>\n' if arrangement else ""
    return (
        '<!DOCTYPE html>\n<html lang="en-US">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{esc(p.title)} Job Details | {esc(p.company)}</title>\n"
        f'<meta property="og:title" content="{esc(p.title)}">\n</head>\n'
        '<body class="coreCSB job-page">\n<div id="content">\n'
        '<div class="jobDisplayShell" itemscope="itemscope" itemtype="http://schema.org/JobPosting">\n'
        f'<h1 id="job-title" itemprop="title">{esc(p.title)}</h1>\n'
        f'<meta itemprop="datePosted" content="{_java_date(date.fromisoformat(p.posted))}">\n'
        f'<meta itemprop="hiringOrganization" content="{esc(p.company)}">\n'
        f'<p id="job-location" class="job-location"><span class="jobGeoLocation">{esc(_geo(job))}</span></p>\n'
        f"{kind}"
        '<span itemprop="description" data-careersite-propertyid="description"><span class="jobdescription">\n'
        f"{to_html(job.sections, 'h3', job.dash_entity)}\n</span></span>\n"
        f'<a class="dialogApplyBtn" href="/talentcommunity/apply/{p.source_id}/?locale=en_US">Apply now</a>\n'
        "</div>\n</div>\n</body>\n</html>\n"
    )


def _sitemap(urls: list[tuple[str, str]], index: bool = False) -> bytes:
    tag, item = ("sitemapindex", "sitemap") if index else ("urlset", "url")
    rows = "".join(
        f"  <{item}><loc>{xml_escape(loc)}</loc><lastmod>{mod}</lastmod></{item}>\n" for loc, mod in urls
    )
    body = f'<?xml version="1.0" encoding="UTF-8"?>\n<{tag} xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
    return (body + f"{rows}</{tag}>\n").encode("utf-8")


def _uses_index(board: str) -> bool:
    spec: dict[str, Any] = next(
        (s for s in load_data("employers")["employers"] if s["ats"] == KIND and s["board"] == board), {}
    )
    return bool(spec.get("sitemap_index", False))


def _parts(jobs: list[DemoJob]) -> list[list[DemoJob]]:
    """The jobs of a site that publishes a sitemap index: two children, each half of the jobs."""
    half = (len(jobs) + 1) // 2
    return [jobs[:half], jobs[half:]]


def _jobs_sitemap(request: Request, board: str, jobs: list[DemoJob]) -> Response:
    site = _site(request.base, board)
    urls = [(f"{site}/{_page_path(j)}", j.updated.date().isoformat()) for j in jobs]
    return Response(200, XML_TYPE, _sitemap(urls))


def _sitemap_route(market: DemoMarket, request: Request, board: str) -> Response:
    if market.employer(KIND, board) is None:
        return not_found_page()
    jobs = market.board_jobs(KIND, board)
    if not _uses_index(board) or not jobs:  # a small market can leave a board without jobs
        return _jobs_sitemap(request, board, jobs)
    newest = max(j.updated for j in jobs).date().isoformat()
    children = [(f"{_site(request.base, board)}/job_sitemap-{n}.xml", newest) for n in (1, 2)]
    return Response(200, XML_TYPE, _sitemap(children, index=True))


def _child_route(market: DemoMarket, request: Request, board: str, number: str) -> Response:
    if market.employer(KIND, board) is None or not _uses_index(board) or number not in ("1", "2"):
        return not_found_page()
    return _jobs_sitemap(request, board, _parts(market.board_jobs(KIND, board))[int(number) - 1])


def _job_route(market: DemoMarket, request: Request, board: str, slug: str, job_id: str) -> Response:
    job = next((j for j in market.board_jobs(KIND, board) if j.posting.source_id == job_id), None)
    if job is None or _page_path(job) != f"job/{slug}/{job_id}/":
        return not_found_page()
    return cached(
        market, (KIND, board, job_id), lambda: Response(200, HTML_TYPE, _job_page(job).encode("utf-8"))
    )


ROUTES = (
    (rf"/{KIND}/{_HOST}/job_sitemap\.xml", _sitemap_route),
    (rf"/{KIND}/{_HOST}/job_sitemap-(\d+)\.xml", _child_route),
    (rf"/{KIND}/{_HOST}/job/([^/]+)/(\d+)/", _job_route),
)


def requests(market: DemoMarket, board: str) -> list[tuple[str, str]]:
    site = f"/{KIND}/careers.{board}.example"
    requests = [(f"{site}/job_sitemap.xml", "")]
    if _uses_index(board):
        requests += [(f"{site}/job_sitemap-{n}.xml", "") for n in (1, 2)]
    return requests + [(f"{site}/{_page_path(j)}", "") for j in market.board_jobs(KIND, board)]


def board_of(path: str, query: str) -> str | None:
    """A job page's site (sitemaps are not stored)."""
    match = re.fullmatch(rf"/{KIND}/{_HOST}/job/[^/]+/\d+/", path)
    return match[1] if match else None


def new_id(rng: random.Random) -> str:
    return str(rng.randrange(3_000_000, 9_000_000))


def source_url(base_url: str, board: str) -> str:
    """The sources file's URL for a site: the careers host (the spider asks for its job sitemap)."""
    return f"https://careers.{board}.example/"
