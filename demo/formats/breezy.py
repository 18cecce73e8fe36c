"""Breezy HR's portal: the positions as one JSON array (no descriptions), then one job page per position.

``/breezy/<company>/json`` lists names, places, type, dates and the pay as free text (``salary``);
``/breezy/<company>/p/<id>-<title slug>`` (the array's ``url``, its ``friendly_id``; ``/p/<id>`` answers
too) is the job page, its text and structured pay in a schema.org ``JobPosting`` (JSON-LD). The array and
every job page are stored by a crawl.
"""

from __future__ import annotations

import json
import random
import re
from typing import TYPE_CHECKING, Any

from demo.model import HTML_TYPE, DemoJob, Response
from demo.render import country_name, esc, in_field, place_of, range_summary, to_html
from demo.web import Request, json_response, not_found_page

if TYPE_CHECKING:
    from demo.market import DemoMarket

FEED = False


def _friendly_id(job: DemoJob) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", job.posting.title.lower()).strip("-")
    return f"{job.posting.source_id}-{slug}"


def _place(job: DemoJob) -> dict[str, Any]:
    place = place_of(job)
    return {
        "country": {"name": country_name(job), "id": job.country},
        "state": {"id": place["region"], "name": place["region"]},
        "city": place["locality"],
        "primary": True,
        "is_remote": job.posting.remote == "remote",
        "name": f"{place['locality']}, {place['region']}",
    }


def _position(job: DemoJob, company: str) -> dict[str, Any]:
    p = job.posting
    salary = p.salary
    return {
        "id": p.source_id,
        "friendly_id": _friendly_id(job),
        "name": p.title,
        "url": f"https://{company}.breezy.example/p/{_friendly_id(job)}",
        "published_date": job.published.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
        "type": {"id": "internship", "name": "Internship"}
        if job.intern
        else {"id": "fullTime", "name": "Full-Time"},
        "location": _place(job),
        "locations": [_place(job)],
        "department": job.department,
        "salary": range_summary(salary) if salary is not None and in_field(salary) else "",
        "company": {"name": p.company, "logo_url": None, "friendly_id": company},
    }


def _posting_jsonld(job: DemoJob) -> dict[str, Any]:
    p = job.posting
    place = place_of(job)
    address = {"@type": "PostalAddress", "addressLocality": place["locality"], "addressRegion": place["region"],
               "addressCountry": place["country"]}  # fmt: skip
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": p.title,
        "description": to_html(job.sections, "h3", job.dash_entity),
        "datePosted": p.posted,
        "employmentType": "INTERN" if job.intern else "FULL_TIME",
        "hiringOrganization": {"@type": "Organization", "name": p.company},
        "jobLocation": {"@type": "Place", "address": address},
    }
    if p.remote == "remote":
        data["jobLocationType"] = "TELECOMMUTE"
    if p.salary is not None and in_field(p.salary):
        unit = "HOUR" if p.salary.period == "hour" else "YEAR"
        value = {
            "@type": "QuantitativeValue",
            "minValue": p.salary.min,
            "maxValue": p.salary.max,
            "unitText": unit,
        }
        data["baseSalary"] = {"@type": "MonetaryAmount", "currency": p.salary.currency, "value": value}
    return data


def _job_page(job: DemoJob) -> str:
    p = job.posting
    # "</" inside a script would end it early in a browser; "<\/" is the same JSON string.
    script = json.dumps(_posting_jsonld(job), ensure_ascii=False).replace("</", "<\\/")
    arrangement = {"remote": "Remote", "hybrid": "Hybrid", "onsite": "On-site"}.get(p.remote or "", "")
    meta = "".join(f"<li>{esc(x)}</li>" for x in (p.location, arrangement, job.department) if x)
    return (
        f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>{esc(p.title)} - '
        f'{esc(p.company)}</title>\n<script type="application/ld+json">{script}</script>\n</head>\n<body>\n'
        f'<div class="banner"><h1>{esc(p.title)}</h1><ul class="meta">{meta}</ul></div>\n'
        f'<div class="description">{to_html(job.sections, "h3", job.dash_entity)}</div>\n</body>\n</html>\n'
    )


def _list(market: DemoMarket, request: Request, company: str) -> Response:
    if market.employer("breezy", company) is None:
        return not_found_page()
    return json_response([_position(j, company) for j in market.board_jobs("breezy", company)])


def _page(market: DemoMarket, request: Request, company: str, position: str) -> Response:
    # /p/<friendly_id> (the array's url) or /p/<id>: the id is what names the job.
    position_id = position.split("-", 1)[0]
    job = next((j for j in market.board_jobs("breezy", company) if j.posting.source_id == position_id), None)
    if job is None:
        return not_found_page()
    return Response(200, HTML_TYPE, _job_page(job).encode("utf-8"))


ROUTES = (
    (r"/breezy/([^/]+)/json", _list),
    (r"/breezy/([^/]+)/p/([^/]+)", _page),
)


def requests(market: DemoMarket, board: str) -> list[tuple[str, str]]:
    pages = [(f"/breezy/{board}/p/{_friendly_id(j)}", "") for j in market.board_jobs("breezy", board)]
    return [(f"/breezy/{board}/json", ""), *pages]


def board_of(path: str, query: str) -> str | None:
    parts = path.strip("/").split("/")
    return parts[1] if parts[0] == "breezy" and len(parts) in (3, 4) else None


def new_id(rng: random.Random) -> str:
    return f"{rng.getrandbits(48):012x}"
