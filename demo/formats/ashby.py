"""Ashby's job board API: one JSON document per board, compensation only with ``includeCompensation``.

``/ashby/posting-api/job-board/<board>?includeCompensation=true``. Ashby serves unlisted jobs too, flagged
``isListed: false``: a crawl must skip them (the demo plants them among listed ones). Equity shows up as a
compensation component without being a salary.
"""

from __future__ import annotations

import random
import uuid
from typing import TYPE_CHECKING, Any

from demo.model import DemoJob, Response, load_data
from demo.render import in_field, range_summary, to_html, to_plain
from demo.web import Request, cached, flag, json_response

if TYPE_CHECKING:
    from demo.market import DemoMarket

FEED = False


def _ashby_job(job: DemoJob, compensation: bool) -> dict[str, Any]:
    p = job.posting
    place = load_data("employers")["places"][job.office]
    url = f"https://jobs.example.org/{p.board}/{p.source_id}"
    data: dict[str, Any] = {
        "id": p.source_id,
        "title": p.title,
        "department": job.department,
        "team": job.team,
        "employmentType": "Intern" if job.intern else "FullTime",
        "location": p.location,
        "secondaryLocations": [],
        "address": {
            "postalAddress": {
                "addressLocality": place["locality"],
                "addressRegion": place["region"],
                "addressCountry": place["country"],
            }
        },
        "isRemote": p.remote == "remote",
        "workplaceType": {"remote": "Remote", "hybrid": "Hybrid", "onsite": "OnSite"}.get(p.remote or ""),
        "publishedAt": job.published.isoformat(timespec="milliseconds"),
        "isListed": job.listed,
        "jobUrl": url,
        "applyUrl": f"{url}/application",
        "descriptionHtml": to_html(job.sections, "h2", job.dash_entity),
        "descriptionPlain": to_plain(job.sections),
        "shouldDisplayCompensationOnJobPostings": in_field(p.salary) or job.equity,
    }
    if compensation:
        data["compensation"] = _ashby_compensation(job)
    return data


def _ashby_compensation(job: DemoJob) -> dict[str, Any]:
    salary = job.posting.salary if in_field(job.posting.salary) else None
    equity = {
        "compensationType": "EquityPercentage",
        "interval": "NONE",
        "currencyCode": None,
        "minValue": None,
        "maxValue": None,
    }
    components: list[dict[str, Any]] = []
    summary = None
    if salary is not None:
        interval = "1 HOUR" if salary.period == "hour" else "1 YEAR"
        summary = range_summary(salary)
        components.append(
            {
                "compensationType": "Salary",
                "interval": interval,
                "currencyCode": salary.currency,
                "minValue": salary.min,
                "maxValue": salary.max,
                "summary": summary,
            }
        )
    if job.equity:  # equity alone is not a stated salary
        components.append(equity)
    if not components:
        return {
            "compensationTierSummary": None,
            "scrapeableCompensationSalarySummary": None,
            "compensationTiers": [],
            "summaryComponents": [],
        }
    tier_summary = " • ".join([s for s in (summary, "Offers Equity" if job.equity else None) if s])
    return {
        "compensationTierSummary": tier_summary,
        "scrapeableCompensationSalarySummary": summary.replace(" – ", " - ") if summary else None,
        "compensationTiers": [
            {
                "id": f"tier-{job.posting.source_id[:8]}",
                "title": "Base",
                "tierSummary": tier_summary,
                "components": components,
            }
        ],
        "summaryComponents": components,
    }


def _ashby(market: DemoMarket, request: Request, board: str) -> Response:
    if market.employer("ashby", board) is None:
        return json_response({"success": False, "error": "Job board not found"}, 404)
    compensation = flag(request.params, "includeCompensation")

    def build() -> Response:
        jobs = [_ashby_job(j, compensation) for j in market.board_jobs("ashby", board)]
        return json_response({"apiVersion": "1", "jobs": jobs})

    return cached(market, ("ashby", board, str(compensation)), build)


ROUTES = ((r"/ashby/posting-api/job-board/([^/]+)/?", _ashby),)


def requests(market: DemoMarket, board: str) -> list[tuple[str, str]]:
    return [(f"/ashby/posting-api/job-board/{board}", "includeCompensation=true")]


def board_of(path: str, query: str) -> str | None:
    parts = path.strip("/").split("/")
    return parts[-1] if parts[0] == "ashby" and len(parts) >= 3 else None


def new_id(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))
