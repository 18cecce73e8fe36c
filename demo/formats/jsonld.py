"""Employers' own career sites: a sitemap of job pages, each page carrying a schema.org ``JobPosting``.

No API: ``/careers/<board>/sitemap.xml`` (one site publishes a sitemap index instead), then
``/careers/<board>/jobs/<id>`` pages whose JSON-LD comes as one object, an ``@graph`` or a list. The
sources file points the spider at each sitemap; ``robots.txt`` lists them too.
"""

from __future__ import annotations

import json
import random
from datetime import timedelta
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape as xml_escape

from demo.model import HTML_TYPE, XML_TYPE, DemoJob, Response, load_data
from demo.render import esc, in_field, to_html
from demo.web import Request, cached, not_found_page

if TYPE_CHECKING:
    from demo.market import DemoMarket

FEED = False


def _jsonld_posting(job: DemoJob, page_url: str) -> dict[str, Any]:
    p = job.posting
    place = load_data("employers")["places"][job.office]
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": p.title,
        "description": to_html(job.sections, "h3", job.dash_entity),
        "datePosted": p.posted,
        "validThrough": (job.published + timedelta(days=60)).date().isoformat(),
        "employmentType": "INTERN" if job.intern else "FULL_TIME",
        "hiringOrganization": {
            "@type": "Organization",
            "name": p.company,
            "sameAs": f"https://{p.board}.example.org",
        },
        "identifier": {"@type": "PropertyValue", "name": p.company, "value": p.source_id},
        "directApply": True,
        "url": page_url,
    }
    if p.remote == "remote":
        data["jobLocationType"] = "TELECOMMUTE"
        data["applicantLocationRequirements"] = {"@type": "Country", "name": place["country"]}
    else:
        address = {
            "@type": "PostalAddress",
            "addressLocality": place["locality"],
            "addressRegion": place["region"],
            "addressCountry": place["country"],
        }
        if not _site_option(p.board, "address_country", True):  # some career sites leave the country out
            del address["addressCountry"]
        data["jobLocation"] = {"@type": "Place", "address": address}
    if in_field(p.salary):
        assert p.salary is not None
        data["baseSalary"] = {
            "@type": "MonetaryAmount",
            "currency": p.salary.currency,
            "value": {
                "@type": "QuantitativeValue",
                "minValue": p.salary.min,
                "maxValue": p.salary.max,
                "unitText": "HOUR" if p.salary.period == "hour" else "YEAR",
            },
        }
    return data


def _jsonld_document(job: DemoJob, page_url: str) -> Any:
    posting = _jsonld_posting(job, page_url)
    org = {
        "@type": "Organization",
        "name": job.posting.company,
        "url": f"https://{job.posting.board}.example.org",
    }
    if job.jsonld_shape == "graph":
        del posting["@context"]
        return {"@context": "https://schema.org", "@graph": [{**org, "@id": "#org"}, posting]}
    if job.jsonld_shape == "list":
        crumbs = {
            "@context": "https://schema.org",
            "@type": "BreadcrumbList",
            "itemListElement": [
                {
                    "@type": "ListItem",
                    "position": 1,
                    "name": "Careers",
                    "item": page_url.rsplit("/jobs/", 1)[0],
                },
                {"@type": "ListItem", "position": 2, "name": job.posting.title, "item": page_url},
            ],
        }
        return [posting, crumbs]
    return posting


def _job_page(job: DemoJob, page_url: str) -> str:
    p = job.posting
    # "</" inside a script would end it early in a browser; "<\/" is the same JSON string.
    script = json.dumps(_jsonld_document(job, page_url), ensure_ascii=False).replace("</", "<\\/")
    arrangement = {"remote": "Remote", "hybrid": "Hybrid", "onsite": "On-site"}.get(p.remote or "")
    meta = " · ".join(x for x in (p.location, arrangement, "Internship" if job.intern else "Full-time") if x)
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{esc(p.title)} | {esc(p.company)} Careers</title>\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<script type="application/ld+json">{script}</script>\n</head>\n<body>\n'
        f'<header><a href="/careers/{p.board}/">{esc(p.company)} careers</a></header>\n'
        f'<main>\n<h1>{esc(p.title)}</h1>\n<p class="meta">{esc(meta)}</p>\n'
        f"<article>\n{to_html(job.sections, 'h3', job.dash_entity)}\n</article>\n"
        f'<p><a class="apply" href="{page_url}/apply">Apply for this job</a></p>\n</main>\n'
        f"<footer>© 2026 {esc(p.company)}</footer>\n</body>\n</html>\n"
    )


def _sitemap(urls: list[tuple[str, str]], index: bool = False) -> str:
    tag, item = ("sitemapindex", "sitemap") if index else ("urlset", "url")
    rows = "".join(
        f"  <{item}><loc>{xml_escape(loc)}</loc><lastmod>{mod}</lastmod></{item}>\n" for loc, mod in urls
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<{tag} xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{rows}</{tag}>\n'
    )


def _site_option(board: str, option: str, default: Any = None) -> Any:
    """An option of a JSON-LD career site's employer row (sitemap_index, address_country)."""
    spec: dict[str, Any] = next(
        (s for s in load_data("employers")["employers"] if s["ats"] == "jsonld" and s["board"] == board), {}
    )
    return spec.get(option, default)


def _uses_index(board: str) -> bool:
    # One employer publishes a sitemap index, as large career sites do.
    return bool(_site_option(board, "sitemap_index", False))


def _sitemap_route(market: DemoMarket, request: Request, board: str) -> Response:
    if market.employer("jsonld", board) is None:
        return not_found_page()
    jobs = market.board_jobs("jsonld", board)
    if _uses_index(board) and jobs:  # a small market can leave a board without jobs
        newest = max(j.updated for j in jobs).date().isoformat()
        body = _sitemap([(f"{request.base}/careers/{board}/sitemap-jobs.xml", newest)], index=True)
        return Response(200, XML_TYPE, body.encode("utf-8"))
    return _jobs_sitemap(market, request, board)


def _jobs_sitemap(market: DemoMarket, request: Request, board: str) -> Response:
    if market.employer("jsonld", board) is None:
        return not_found_page()
    urls = [
        (f"{request.base}/careers/{board}/jobs/{j.posting.source_id}", j.updated.date().isoformat())
        for j in market.board_jobs("jsonld", board)
    ]
    return Response(200, XML_TYPE, _sitemap(urls).encode("utf-8"))


def _job_page_route(market: DemoMarket, request: Request, board: str, job_id: str) -> Response:
    job = next((j for j in market.board_jobs("jsonld", board) if j.posting.source_id == job_id), None)
    if job is None:
        return not_found_page()
    page_url = f"{request.base}/careers/{board}/jobs/{job_id}"
    return cached(
        market,
        ("page", request.base, board, job_id),
        lambda: Response(200, HTML_TYPE, _job_page(job, page_url).encode()),
    )


ROUTES = (
    (r"/careers/([^/]+)/sitemap\.xml", _sitemap_route),
    (r"/careers/([^/]+)/sitemap-jobs\.xml", _jobs_sitemap),
    (r"/careers/([^/]+)/jobs/([^/]+)", _job_page_route),
)


def requests(market: DemoMarket, board: str) -> list[tuple[str, str]]:
    requests = [(f"/careers/{board}/sitemap.xml", "")]
    if _uses_index(board):
        requests.append((f"/careers/{board}/sitemap-jobs.xml", ""))
    return requests + [
        (f"/careers/{board}/jobs/{j.posting.source_id}", "") for j in market.board_jobs("jsonld", board)
    ]


def board_of(path: str, query: str) -> str | None:
    """A job page's site (sitemaps are not stored)."""
    parts = path.strip("/").split("/")
    return parts[1] if parts[0] == "careers" and len(parts) >= 4 and parts[2] == "jobs" else None


def new_id(rng: random.Random) -> str:
    return f"R{rng.randrange(10_000, 100_000)}"


def source_url(base_url: str, board: str) -> str:
    """The sources file's URL for a site: its sitemap."""
    return f"{base_url.rstrip('/')}/careers/{board}/sitemap.xml"


def sitemaps(market: DemoMarket, base: str) -> list[str]:
    """The sitemaps ``robots.txt`` announces: one per career site."""
    return [f"{base}/careers/{e.board}/sitemap.xml" for e in market.employers if e.ats == "jsonld"]
