"""Recruitee's careers-site API: one JSON document of offers per company, pay in a ``salary`` object.

``/recruitee/<company>/api/offers/``; the text comes in two HTML fields, description and requirements.
"""

from __future__ import annotations

import random
import re
from typing import TYPE_CHECKING, Any

from demo.model import DemoJob, Response
from demo.render import ASKING, CLOSING, OPENING, country_name, in_field, place_of, sections_of, to_html
from demo.web import Request, cached, json_response

if TYPE_CHECKING:
    from demo.market import DemoMarket

FEED = False


def _recruitee_offer(job: DemoJob) -> dict[str, Any]:
    p = job.posting
    place = place_of(job)
    slug = re.sub(r"[^a-z0-9]+", "-", p.title.lower()).strip("-")
    published = job.published.strftime("%Y-%m-%d %H:%M:%S UTC")
    salary = None
    if in_field(p.salary):
        assert p.salary is not None
        salary = {"min": str(p.salary.min), "max": str(p.salary.max), "period": p.salary.period,
                  "currency": p.salary.currency}  # fmt: skip
    return {
        "id": int(p.source_id),
        "slug": slug,
        "title": p.title,
        "company_name": p.company,
        "department": job.department,
        "status": "published",
        "location": f"{place['locality']}, {country_name(job)}",
        "city": place["locality"],
        "country": country_name(job),
        "country_code": job.country,
        "state_code": None,
        "remote": p.remote == "remote",
        "hybrid": p.remote == "hybrid",
        "on_site": p.remote == "onsite",
        "employment_type_code": "internship" if job.intern else "fulltime",
        "published_at": published,
        "created_at": published,
        "close_at": None,
        "careers_url": f"https://{p.board}.recruitee.example/o/{slug}",
        "careers_apply_url": f"https://{p.board}.recruitee.example/o/{slug}/c/new",
        "description": to_html(sections_of(job, *OPENING, *CLOSING), "h3", job.dash_entity),
        "requirements": to_html(sections_of(job, *ASKING), "h3", job.dash_entity),
        "salary": salary,
    }


def _recruitee(market: DemoMarket, request: Request, company: str) -> Response:
    if market.employer("recruitee", company) is None:
        return json_response({"error": "Not found"}, 404)
    return cached(
        market,
        ("recruitee", company),
        lambda: json_response(
            {"offers": [_recruitee_offer(j) for j in market.board_jobs("recruitee", company)]}
        ),
    )


ROUTES = ((r"/recruitee/([^/]+)/api/offers/?", _recruitee),)


def requests(market: DemoMarket, board: str) -> list[tuple[str, str]]:
    return [(f"/recruitee/{board}/api/offers/", "")]


def board_of(path: str, query: str) -> str | None:
    parts = path.strip("/").split("/")
    return parts[1] if parts[0] == "recruitee" and len(parts) >= 3 else None


def new_id(rng: random.Random) -> str:
    return str(rng.randrange(1_000_000, 3_000_000))
