"""Lever's Postings API: a board as a JSON list of postings, paged by ``skip`` and ``limit`` when asked.

``/lever/v0/postings/<site>?mode=json``; the text is split into an opening, bulleted lists and a closing,
each as HTML and plain text, and the ids are UUIDs.
"""

from __future__ import annotations

import random
import uuid
from typing import TYPE_CHECKING, Any

from demo.model import DemoJob, Response
from demo.render import esc, in_field, to_html, to_plain
from demo.web import Request, json_response

if TYPE_CHECKING:
    from demo.market import DemoMarket

FEED = False


def _lever_job(job: DemoJob) -> dict[str, Any]:
    p = job.posting
    by_kind = {s.kind: s for s in job.sections}
    opening = (by_kind["about"], by_kind["role"])
    listed = tuple(s for s in job.sections if s.bullets)
    closing = tuple(s for s in job.sections if s.kind in ("pay", "hiring", "eeo"))
    url = f"https://jobs.example.net/{p.board}/{p.source_id}"
    data: dict[str, Any] = {
        "additional": to_html(closing, "h4", job.dash_entity),
        "additionalPlain": to_plain(closing),
        "categories": {
            "commitment": "Internship" if job.intern else "Full-time",
            "department": job.department,
            "location": p.location,
            "team": job.team,
            "allLocations": [p.location],
        },
        "country": job.country,
        "createdAt": int(job.published.timestamp() * 1000),
        "description": "<div>" + to_html(opening, "b", job.dash_entity) + "</div>",
        "descriptionPlain": to_plain(opening),
        "hostedUrl": url,
        "applyUrl": f"{url}/apply",
        "id": p.source_id,
        "lists": [
            {"text": s.header, "content": "".join(f"<li>{esc(b)}</li>" for b in s.bullets)} for s in listed
        ],
        "text": p.title,
        "workplaceType": {"remote": "remote", "hybrid": "hybrid", "onsite": "on-site"}.get(
            p.remote or "", "unspecified"
        ),
    }
    if in_field(p.salary):
        assert p.salary is not None
        interval = "per-hour-wage" if p.salary.period == "hour" else "per-year-salary"
        data["salaryRange"] = {
            "currency": p.salary.currency,
            "interval": interval,
            "min": p.salary.min,
            "max": p.salary.max,
        }
        data["salaryDescription"] = "<div>Base pay range</div>"
        data["salaryDescriptionPlain"] = "Base pay range"
    return data


def _lever(market: DemoMarket, request: Request, site: str) -> Response:
    if market.employer("lever", site) is None:
        return json_response({"ok": False, "error": "Document not found"}, 404)
    try:
        skip = int(request.params.get("skip") or 0)
        limit = int(request.params["limit"]) if request.params.get("limit") else None
    except ValueError:
        return json_response({"ok": False, "error": "Invalid skip or limit"}, 400)
    if skip < 0 or (limit is not None and limit < 1):
        return json_response({"ok": False, "error": "Invalid skip or limit"}, 400)
    jobs = market.board_jobs("lever", site)
    page = jobs[skip:] if limit is None else jobs[skip : skip + limit]
    return json_response([_lever_job(j) for j in page])


ROUTES = ((r"/lever/v0/postings/([^/]+)/?", _lever),)


def requests(market: DemoMarket, board: str) -> list[tuple[str, str]]:
    return [(f"/lever/v0/postings/{board}", "mode=json")]


def board_of(path: str, query: str) -> str | None:
    parts = path.strip("/").split("/")
    return parts[-1] if parts[0] == "lever" and len(parts) >= 3 else None


def new_id(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))
