"""Remotive's public API: a feed of remote jobs from many employers, in one JSON document.

``/remotive/api/remote-jobs``; pay is a free-text ``salary`` summary and the candidate location free text.
"""

from __future__ import annotations

import random
import re
from typing import TYPE_CHECKING, Any

from demo.model import DemoJob, Response
from demo.render import in_field, range_summary, to_html
from demo.web import Request, cached, json_response

if TYPE_CHECKING:
    from demo.market import DemoMarket

FEED = True  # one implicit board, named after the feed


_REMOTIVE_CATEGORY = {"engineering": "Software Development", "data-and-analytics": "Data Analysis",
                      "design": "Design", "marketing": "Marketing", "sales": "Sales / Business",
                      "customer-success": "Customer Service", "product-management": "Product",
                      "human-resources": "Human Resources", "finance": "Finance / Legal",
                      "quality-assurance": "QA"}  # fmt: skip


def _remotive_job(job: DemoJob) -> dict[str, Any]:
    p = job.posting
    slug = re.sub(r"[^a-z0-9]+", "-", p.title.lower()).strip("-")
    return {
        "id": int(p.source_id),
        "url": f"https://remotive.example/remote-jobs/{slug}-{p.source_id}",
        "title": p.title,
        "company_name": p.company,
        "company_logo": f"https://remotive.example/job/{p.source_id}/logo",
        "category": _REMOTIVE_CATEGORY.get(p.function, "All others"),
        "tags": [],
        "job_type": "internship" if job.intern else "full_time",
        "publication_date": job.published.replace(tzinfo=None).isoformat(),
        # Free text on Remotive; the listing's own location keeps it the same job as the ATS listing.
        "candidate_required_location": p.location,
        "salary": range_summary(p.salary) if in_field(p.salary) and p.salary else "",
        "description": to_html(job.sections, "h2", job.dash_entity),
    }


def _remotive(market: DemoMarket, request: Request) -> Response:
    def build() -> Response:
        jobs = [_remotive_job(j) for j in market.board_jobs("remotive", "remotive")]
        notice = "Remotive API: please link back to remotive.com and mention it as the source."
        return json_response({"0-legal-notice": notice, "job-count": len(jobs), "jobs": jobs})

    return cached(market, ("remotive",), build)


ROUTES = ((r"/remotive/api/remote-jobs/?", _remotive),)


def requests(market: DemoMarket, board: str) -> list[tuple[str, str]]:
    return [("/remotive/api/remote-jobs", "")]


def board_of(path: str, query: str) -> str | None:
    return "remotive" if path.strip("/").split("/")[0] == "remotive" else None


def new_id(rng: random.Random) -> str:
    return str(rng.randrange(1_000_000, 3_000_000))
