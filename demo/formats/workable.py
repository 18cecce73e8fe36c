"""Workable's widget API: one JSON document per account, the descriptions only with ``details=true``.

``/workable/api/v1/widget/accounts/<account>?details=true``; ids are 10-character hex shortcodes and there
is no salary field, so pay, when stated, is in the text.
"""

from __future__ import annotations

import random
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from demo.model import DemoJob, Response
from demo.render import country_name, pay_in_text, place_of, to_html
from demo.web import Request, cached, flag, json_response

if TYPE_CHECKING:
    from demo.market import DemoMarket

FEED = False
fit_salary = pay_in_text


def _workable_job(job: DemoJob, details: bool) -> dict[str, Any]:
    p = job.posting
    place = place_of(job)
    data: dict[str, Any] = {
        "title": p.title,
        "shortcode": p.source_id,
        "code": "",
        "employment_type": "Internship" if job.intern else "Full-time",
        "telecommuting": p.remote == "remote",
        "department": job.department,
        "url": f"https://apply.workable.example/j/{p.source_id}",
        "shortlink": f"https://apply.workable.example/j/{p.source_id}",
        "application_url": f"https://apply.workable.example/j/{p.source_id}/apply",
        "published_on": p.posted,
        "created_at": (job.published - timedelta(days=1)).date().isoformat(),
        "country": country_name(job),
        "city": place["locality"],
        "state": place["region"],
        "education": "",
        "experience": "",
        "function": "",
        "industry": "",
    }
    if details:
        data["description"] = to_html(job.sections, "h3", job.dash_entity)
    return data


def _workable(market: DemoMarket, request: Request, account: str) -> Response:
    employer = market.employer("workable", account)
    if employer is None:
        return json_response({"error": "Not Found"}, 404)
    details = flag(request.params, "details")

    def build() -> Response:
        jobs = [_workable_job(j, details) for j in market.board_jobs("workable", account)]
        return json_response({"name": employer.company, "description": None, "jobs": jobs})

    return cached(market, ("workable", account, str(details)), build)


ROUTES = ((r"/workable/api/v1/widget/accounts/([^/]+)/?", _workable),)


def requests(market: DemoMarket, board: str) -> list[tuple[str, str]]:
    return [(f"/workable/api/v1/widget/accounts/{board}", "details=true")]


def board_of(path: str, query: str) -> str | None:
    parts = path.strip("/").split("/")
    return parts[-1] if parts[0] == "workable" and len(parts) >= 3 else None


def new_id(rng: random.Random) -> str:
    return f"{rng.getrandbits(40):010X}"
